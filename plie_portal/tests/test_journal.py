"""Expected refusals are logged on one line, without a traceback (issue 15)."""

import logging

import pytest
from django.urls import reverse

from plie_portal.journal import SansTraceAttendue

pytestmark = pytest.mark.django_db


def test_a_403_is_logged_without_its_traceback(world, client_of, caplog):
    caplog.handler.addFilter(SansTraceAttendue())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client_of(world.referent).get(reverse("parcours:commission_liste")).status_code == 403
    (enregistrement,) = [r for r in caplog.records if r.name == "django.request"]
    assert enregistrement.exc_info is None and "Forbidden" in enregistrement.getMessage()


def test_a_real_error_keeps_its_traceback():
    enregistrement = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Erreur", None, (ValueError, ValueError("x"), None)
    )
    enregistrement.status_code = 500
    assert SansTraceAttendue().filter(enregistrement) and enregistrement.exc_info is not None
