"""Inactivity timeout by role, keep-alive, and polling that does not keep a session alive."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plie_portal.session import REFRESH_GRANULARITY, is_polling, no_session_refresh

pytestmark = pytest.mark.django_db


def expiry_of(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def age_a_session(client, seconds):
    """Move the stored expiry back, as if the last real activity were `seconds` older."""
    session = client.session
    session.set_expiry(timezone.now() + timedelta(seconds=session.get_expiry_age() - seconds))
    session.save()


def test_a_staff_session_ends_after_30_minutes_of_inactivity(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("home"))
    assert 30 * 60 - 5 < client.session.get_expiry_age() <= 30 * 60


def test_an_applicant_session_lasts_two_hours(world, client_of):
    client = client_of(world.porteur)
    response = client.get(reverse("home"))
    assert 2 * 3600 - 5 < client.session.get_expiry_age() <= 2 * 3600
    duree = int(re.search(r'data-session-duree="(\d+)"', response.content.decode()).group(1))
    assert 2 * 3600 - 5 < duree <= 2 * 3600


def test_a_polling_request_does_not_extend_the_session(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("home"))
    before = expiry_of(client)
    age_a_session(client, 10 * 60)
    before = expiry_of(client)
    client.get(reverse("home"), headers={"X-Portail-Polling": "1"})
    assert expiry_of(client) == before
    client.get(reverse("home"))
    assert expiry_of(client) > before


def test_the_page_shows_the_time_really_left(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("home"))
    age_a_session(client, 40)
    # Within the minute the session is not rewritten: the page says what is really left.
    response = client.get(reverse("participants:liste"))
    duree = int(re.search(r'data-session-duree="(\d+)"', response.content.decode()).group(1))
    assert 30 * 60 - 45 <= duree <= 30 * 60 - 35


def test_a_click_within_the_minute_does_not_rewrite_the_session(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("home"))
    age_a_session(client, REFRESH_GRANULARITY - 10)
    before = expiry_of(client)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("home"))
    assert expiry_of(client) == before
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]


def test_the_keep_alive_extends_the_session_and_says_how_long(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("home"))
    age_a_session(client, 30)
    before = expiry_of(client)
    response = client.post(reverse("accounts:session_prolonger"))
    assert response.json() == {"secondes": 1800}
    assert expiry_of(client) > before


def test_a_view_marked_no_session_refresh_is_polling():
    @no_session_refresh
    def progression(request):
        return HttpResponse()

    request = RequestFactory().get("/")
    assert is_polling(request, progression)
    assert not is_polling(request, lambda r: None)
    assert is_polling(RequestFactory().get("/", headers={"X-Portail-Polling": "1"}))


def test_an_expired_session_sends_htmx_requests_to_the_login_page(world, client):
    response = client.get(reverse("home"), headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("accounts:login")


def test_a_session_whose_expiry_is_a_number_of_seconds_gets_a_date(world, client_of):
    client = client_of(world.referent)
    session = client.session
    session.set_expiry(30 * 60)
    session.save()
    client.get(reverse("home"))
    assert isinstance(client.session["_session_expiry"], str)
