"""Celery application: eager in-process without a broker, Redis workers otherwise."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plie_portal.settings")

app = Celery("plie_portal", include=["plie_portal.tasks"])
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
