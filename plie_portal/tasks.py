"""Project-wide Celery tasks."""

from celery import shared_task


@shared_task
def diagnostic():
    """Counts read from the database by a worker: proves the worker reaches the same database."""
    from participants.models import Commune

    return {"communes": Commune.objects.count()}
