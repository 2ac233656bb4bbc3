"""Background jobs of the accounts app."""

from celery import shared_task

from .models import AccesDonnees


@shared_task(name="accounts.tasks.purger_journal_acces")
def purger_journal_acces():
    """Daily (beat): delete access-log rows older than one year. Idempotent."""
    return AccesDonnees.objects.purge()


@shared_task(name="accounts.tasks.purger_donnees_expirees")
def purger_donnees_expirees():
    """Daily (beat): the retention rules of `purge_expired`. Idempotent."""
    from .purge import purger

    bilan = purger()
    return {
        "participants": len(bilan.participants),
        "acces": bilan.acces,
        "brouillons": len(bilan.brouillons_supprimes),
    }
