"""Background jobs of the RGPD app."""

from celery import shared_task


@shared_task(name="rgpd.tasks.purger_donnees_expirees")
def purger_donnees_expirees():
    """Daily (beat): the retention rules of `purge_expired`, the access log's year included. Idempotent."""
    from .purge import purger

    bilan = purger()
    return {
        "participants": len(bilan.participants),
        "acces": bilan.acces,
        "jetons": bilan.jetons,
        "brouillons": len(bilan.brouillons_supprimes),
    }
