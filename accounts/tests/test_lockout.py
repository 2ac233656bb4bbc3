"""Lockout after five failed logins, by account and address together (django-axes)."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from accounts.audit import client_ip
from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def try_login(client, email, password, ip="203.0.113.5"):
    return client.post(
        reverse("accounts:login"),
        {"username": email, "password": password},
        headers={"X-Forwarded-For": f"198.51.100.1, {ip}"},
    )


def test_five_failures_lock_the_account_from_that_address(world, client):
    for _ in range(4):
        assert try_login(client, world.referent.email, "mauvais-mot-de-passe").status_code == 200
    response = try_login(client, world.referent.email, "mauvais-mot-de-passe")
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    # Even the right password is refused while locked.
    response = try_login(client, world.referent.email, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_block_a_colleague_behind_the_same_address(world, client):
    for _ in range(5):
        try_login(client, world.referent.email, "mauvais-mot-de-passe")
    response = try_login(client, world.referent_collegue.email, PASSWORD)
    assert response.status_code == 302


def test_the_same_account_from_another_address_is_not_locked(world, client):
    for _ in range(5):
        try_login(client, world.referent.email, "mauvais-mot-de-passe")
    assert try_login(client, world.referent.email, PASSWORD, ip="192.0.2.7").status_code == 302


def test_resetting_the_attempts_unlocks_the_account(world, client):
    for _ in range(5):
        try_login(client, world.referent.email, "mauvais-mot-de-passe")
    AccessAttempt.objects.all().delete()
    assert try_login(client, world.referent.email, PASSWORD).status_code == 302


def test_the_client_address_is_the_one_our_proxy_appended(rf, settings):
    settings.PLIE_PROXY_COUNT = 1
    request = rf.get("/", headers={"X-Forwarded-For": "10.0.0.1, 203.0.113.9"}, REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "203.0.113.9"
    settings.PLIE_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"


def test_changing_the_case_of_the_email_does_not_dodge_the_lockout(world, client):
    for variante in ["ref@test.fr", "REF@test.fr", "Ref@Test.fr", "ref@TEST.FR", "rEf@test.fr"]:
        try_login(client, variante, "mauvais-mot-de-passe")
    assert try_login(client, world.referent.email, PASSWORD).status_code == 429
