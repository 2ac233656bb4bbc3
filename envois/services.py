"""Handing a task to the workers through the outbox: `mettre_en_file` from an action, `relancer`
for what waits (beat every minute, `relancer_envois` by hand). A message may leave twice (a
crash between publishing and deleting its row): every task it carries is idempotent."""

import contextvars
import logging
import threading

from celery import current_app
from django.conf import settings
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone

from .models import EnvoiDiffere

logger = logging.getLogger(__name__)

# The threads started by `_dans_un_fil` (so that a test can wait for them).
FILS = []
# Set when a publication failed during the current request (read by `EnvoisDifferesMiddleware`).
DIFFERE = contextvars.ContextVar("envoi_differe", default=False)


def _indisponibilites():
    from kombu.exceptions import OperationalError

    erreurs = [OperationalError, ConnectionError, TimeoutError]
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        erreurs += [RedisConnectionError, RedisTimeoutError]
    except ImportError:  # pragma: no cover - redis is a dependency
        pass
    return tuple(erreurs)


BROKER_INDISPONIBLE = _indisponibilites()


def mettre_en_file(tache, *args, **kwargs):
    """Publish `tache(*args, **kwargs)` once the current transaction commits; kept in the outbox
    (same transaction as the action) until the broker has it. Arguments must be JSON."""
    envoi = EnvoiDiffere.objects.create(tache=tache.name, arguments={"args": list(args), "kwargs": kwargs})
    transaction.on_commit(lambda: publier(envoi.pk))
    return envoi


def publier(pk):
    """Hand one waiting message to the broker and forget it; False (kept, noted) when it is down."""
    envoi = EnvoiDiffere.objects.filter(pk=pk).first()
    if envoi is None:
        return True
    if settings.PLIE_TACHES_EN_FIL and current_app.conf.task_always_eager:
        EnvoiDiffere.objects.filter(pk=pk).delete()
        return _dans_un_fil(envoi)
    try:
        current_app.tasks[envoi.tache].apply_async(
            args=envoi.arguments.get("args", []), kwargs=envoi.arguments.get("kwargs", {})
        )
    except BROKER_INDISPONIBLE as erreur:
        EnvoiDiffere.objects.filter(pk=pk).update(
            tentatives=F("tentatives") + 1, essaye_le=timezone.now(), derniere_erreur=repr(erreur)[:500]
        )
        logger.warning("Courtier indisponible : %s attend dans la file des envois (%r)", envoi.tache, erreur)
        DIFFERE.set(True)
        return False
    EnvoiDiffere.objects.filter(pk=pk).delete()
    return True


def _dans_un_fil(envoi):
    """Run an eager task in a thread (`make run`, no worker): the request does not wait for it."""

    def executer():
        try:
            current_app.tasks[envoi.tache].apply(
                args=envoi.arguments.get("args", []), kwargs=envoi.arguments.get("kwargs", {})
            )
        finally:
            connections.close_all()

    fil = threading.Thread(target=executer, name=f"tache-{envoi.tache}", daemon=True)
    fil.start()
    FILS.append(fil)
    return True


def relancer(limite=500):
    """Publish what waits, oldest first; stops at the first failure (the broker is still down).
    Returns (published, still waiting)."""
    publies = 0
    for pk in EnvoiDiffere.objects.order_by("cree_le", "id").values_list("pk", flat=True)[:limite]:
        if not publier(pk):
            break
        publies += 1
    return publies, EnvoiDiffere.objects.count()
