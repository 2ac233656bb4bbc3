"""The periodic republication of the outbox (beat, every minute)."""

from celery import shared_task

from .services import relancer


@shared_task
def relancer_envois():
    """Publish the messages that waited for the broker; returns (published, still waiting)."""
    return relancer()
