"""Lockout after five failed logins, by account and address together (django-axes)."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from accounts.audit import client_ip
from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _derriere_un_proxy(settings):
    """These tests come through a proxy on this machine (the test client's 127.0.0.1)."""
    settings.PLIE_PROXY_COUNT = 1


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


def test_without_a_declared_proxy_the_forwarded_header_is_ignored(rf, settings):
    settings.PLIE_PROXY_COUNT = 0
    request = rf.get("/", headers={"X-Forwarded-For": "203.0.113.9"}, REMOTE_ADDR="198.51.100.7")
    assert client_ip(request) == "198.51.100.7"


def test_a_client_reaching_the_portal_directly_cannot_choose_its_address(rf, settings):
    settings.PLIE_PROXY_COUNT, settings.PLIE_PROXY_ADRESSES = 1, ["10.1.0.0/24"]
    direct = rf.get("/", headers={"X-Forwarded-For": "203.0.113.9"}, REMOTE_ADDR="198.51.100.7")
    par_le_proxy = rf.get("/", headers={"X-Forwarded-For": "203.0.113.9"}, REMOTE_ADDR="10.1.0.4")
    assert client_ip(direct) == "198.51.100.7"
    assert client_ip(par_le_proxy) == "203.0.113.9"


def test_forged_addresses_do_not_dodge_the_lockout_when_reaching_the_portal_directly(world, client, settings):
    settings.PLIE_PROXY_COUNT = 1
    for numero in range(5):
        client.post(
            reverse("accounts:login"),
            {"username": world.referent.email, "password": "mauvais-mot-de-passe"},
            headers={"X-Forwarded-For": f"203.0.113.{numero}"},
            REMOTE_ADDR="198.51.100.7",
        )
    response = client.post(
        reverse("accounts:login"),
        {"username": world.referent.email, "password": PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.200"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 429


def test_the_deploy_check_warns_of_an_https_redirect_without_a_declared_proxy(settings):
    from accounts.checks import verifier_proxy

    settings.PLIE_PROXY_COUNT, settings.SECURE_SSL_REDIRECT = 0, True
    assert [w.id for w in verifier_proxy(None)] == ["accounts.W004"]
    settings.PLIE_PROXY_COUNT, settings.PLIE_PROXY_ADRESSES = 1, []
    assert [w.id for w in verifier_proxy(None)] == ["accounts.W002"]
    settings.PLIE_PROXY_ADRESSES = ["pas-une-adresse"]
    assert [w.id for w in verifier_proxy(None)] == ["accounts.W003"]


def test_changing_the_case_of_the_email_does_not_dodge_the_lockout(world, client):
    for variante in ["ref@test.fr", "REF@test.fr", "Ref@Test.fr", "ref@TEST.FR", "rEf@test.fr"]:
        try_login(client, variante, "mauvais-mot-de-passe")
    assert try_login(client, world.referent.email, PASSWORD).status_code == 429
