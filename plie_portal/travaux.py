"""Background work that one worker at a time claims (reports, imports): the beat of the worker
doing it, the condition of work whose worker died, and the errors worth a retry.

A worker beats every BATTEMENT while it works; work `en_cours` silent for DELAI_REPRISE lost its
worker (killed, machine gone) and is taken over by a periodic scan that enqueues it again. Each
kind of work keeps its own claim (an atomic UPDATE on its own table): only the rules live here.
"""

import threading
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone

EN_COURS = "en_cours"  # the status of work being done, in every table that uses these rules
DELAI_REPRISE = timedelta(seconds=settings.PLIE_RAPPORT_DELAI_REPRISE_SECONDES)
BATTEMENT = DELAI_REPRISE / 6
# Work waiting this long was never picked up (its message lost): enqueued again too.
DELAI_ATTENTE = timedelta(minutes=5)


def abandonne(maintenant=None):
    """The condition of work whose worker stopped beating (`en_cours`, silent too long)."""
    limite = (maintenant or timezone.now()) - DELAI_REPRISE
    return Q(statut=EN_COURS) & (Q(battement_le__lt=limite) | Q(battement_le__isnull=True, debut_le__lt=limite))


class Battement:
    """While a worker does the work of `queryset` (one row), a thread writes its beat every
    BATTEMENT on its own database connection, outside the work's transaction: the beat stops with
    the process. Not in eager mode (`actif` false: no separate worker)."""

    def __init__(self, queryset, actif):
        self.queryset, self.actif = queryset, actif
        self.arret = threading.Event()

    def _battre(self):
        try:
            while not self.arret.wait(BATTEMENT.total_seconds()):
                self.queryset.filter(statut=EN_COURS).update(battement_le=timezone.now())
        finally:
            connection.close()

    def __enter__(self):
        if self.actif:
            self.fil = threading.Thread(target=self._battre, name="battement", daemon=True)
            self.fil.start()
        return self

    def __exit__(self, *exc):
        if self.actif:
            self.arret.set()
            self.fil.join(timeout=5)
        return False


def _transitoires():
    from django.db import InterfaceError, OperationalError

    erreurs = [OperationalError, InterfaceError, ConnectionError, TimeoutError]
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError

        erreurs.append(RedisConnectionError)
    except ImportError:  # pragma: no cover - redis is a dependency
        pass
    return tuple(erreurs)


# Errors of a service momentarily down (database, network): the task retries rather than fails.
TRANSITOIRES = _transitoires()
# The retry policy of the tasks doing such work (Celery's own backoff, a handful of attempts).
REESSAIS = {
    "autoretry_for": TRANSITOIRES,
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}
