"""pytest plugin for the tests that need real services (PostgreSQL, Redis, a Celery worker).

Tests marked `services` are skipped unless DATABASE_URL points to PostgreSQL and CELERY_BROKER_URL is
set (as in the second pass of `.ci/run`). Everywhere else Celery runs eagerly in tests, even when a
broker is configured, so that tests not about the worker see their tasks' effects at once.
"""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings


def services_available():
    return bool(settings.CELERY_BROKER_URL) and settings.IS_POSTGRES


def pytest_collection_modifyitems(config, items):
    if services_available():
        return
    skip = pytest.mark.skip(reason="services réels absents : définir DATABASE_URL (PostgreSQL) et CELERY_BROKER_URL")
    for item in items:
        if "services" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _celery_eager_by_default():
    from plie_portal.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


def enfants(process):
    """The process ids of the children of `process` (a prefork worker's pool), from /proc."""
    try:
        with open(f"/proc/{process.pid}/task/{process.pid}/children") as fichier:
            return [int(pid) for pid in fichier.read().split()]
    except FileNotFoundError:
        return []


def attendre_worker_pret(process, log_path, delai=60):
    """Wait until the worker logs that it is ready (it may be on a broker of its own)."""
    limite = time.monotonic() + delai
    while "ready." not in log_path.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > limite:
            raise RuntimeError("le worker Celery n'a pas démarré :\n" + log_path.read_text(errors="replace"))
        time.sleep(0.2)


def _database_url(settings_dict):
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"


def lancer_worker(settings, log_path, pool="solo", **env_extra):
    """Start one real `celery worker` process on the test database and the configured broker (solo
    pool, or `prefork` with one child process); `env_extra` adds settings for this worker only
    (CELERY_BROKER_URL included). Returns the process."""
    from django.db import connection

    env = {
        **os.environ,
        "DATABASE_URL": _database_url(connection.settings_dict),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "celery-worker-tests-" + uuid.uuid4().hex,
        "DEBUG": "0",
        **env_extra,
    }
    env.pop("PYTEST_VERSION", None)
    name = f"tests-{uuid.uuid4().hex[:8]}@%h"
    with open(log_path, "wb") as log:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "plie_portal",
                "worker",
                f"--pool={pool}",
                *(["--concurrency=1"] if pool == "prefork" else []),
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "-n",
                name,
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


@pytest.fixture
def celery_worker_process(transactional_db, settings, tmp_path):
    """A real `celery worker` process on the test database and the configured Redis broker.

    Use with `@pytest.mark.services` and `@pytest.mark.django_db(transaction=True)`: the worker
    only sees committed rows.
    """
    if not services_available():
        pytest.skip("services réels absents (PostgreSQL + Redis)")
    from plie_portal.celery import app

    app.control.purge()
    log_path = tmp_path / "celery-worker.log"
    process = lancer_worker(settings, log_path)
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=1):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("le worker Celery n'a pas démarré :\n" + log_path.read_text(errors="replace"))
        yield process
    finally:
        app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
