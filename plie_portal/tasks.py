"""Project-wide Celery tasks."""

from celery import shared_task

from .courriels import REPRISE, envoyer


@shared_task
def diagnostic():
    """Counts read from the database by a worker: proves the worker reaches the same database."""
    from territoire.models import Commune

    return {"communes": Commune.objects.count()}


@shared_task(**REPRISE)
def envoyer_courriel(sujet, corps, destinataires):
    """Send an e-mail queued by `plie_portal.courriels.envoyer_apres_commit`."""
    return envoyer(sujet, corps, destinataires)
