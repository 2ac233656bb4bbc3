"""Inactivity timeout by role, keep-alive, and polling that does not keep a session alive."""

import pytest
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from plie_portal.session import is_polling, no_session_refresh

pytestmark = pytest.mark.django_db


def expiry_of(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_staff_session_ends_after_30_minutes_of_inactivity(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("home"))
    assert client.session.get_expiry_age() == 30 * 60


def test_an_applicant_session_lasts_two_hours(world, client_of):
    client = client_of(world.porteur)
    response = client.get(reverse("home"))
    assert client.session.get_expiry_age() == 2 * 3600
    assert 'data-session-duree="7200"' in response.content.decode()


def test_a_polling_request_does_not_extend_the_session(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("home"))
    before = expiry_of(client)
    client.get(reverse("home"), headers={"X-Portail-Polling": "1"})
    assert expiry_of(client) == before
    client.get(reverse("home"))
    assert expiry_of(client) > before


def test_the_keep_alive_extends_the_session_and_says_how_long(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("home"))
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
