"""Background jobs of the accounts app."""

from celery import shared_task

from .models import AccesDonnees


@shared_task(name="accounts.tasks.purger_journal_acces")
def purger_journal_acces():
    """Daily (beat): delete access-log rows older than one year. Idempotent."""
    return AccesDonnees.objects.purge()
