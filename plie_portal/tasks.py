"""Project-wide Celery tasks."""

from celery import shared_task

from .courriels import REPRISE, envoyer


@shared_task
def diagnostic():
    """What a worker reads of the database (its applied migrations): proves it reaches the same one."""
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    return {"migrations": len(MigrationRecorder(connection).applied_migrations())}


@shared_task(**REPRISE)
def envoyer_courriel(sujet, corps, destinataires):
    """Send an e-mail queued by `plie_portal.courriels.envoyer_apres_commit`."""
    return envoyer(sujet, corps, destinataires)
