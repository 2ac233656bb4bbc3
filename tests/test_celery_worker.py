"""A task sent through Redis to a real `celery worker` process (CI services suite)."""

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from plie_portal.tasks import diagnostic

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_runs_a_task_against_the_same_database(celery_worker_process):
    result = diagnostic.delay()

    assert result.get(timeout=60) == {"migrations": len(MigrationRecorder(connection).applied_migrations())}
