"""Security headers on real responses, and `check --deploy` clean with production settings."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_page_sends_a_strict_csp_and_the_protection_headers(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_of_a_logged_in_user_carry_the_headers_too(world, client_of):
    response = client_of(world.coordination).get(reverse("home"))
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_https_responses_carry_hsts_with_subdomains(client):
    response = client.get(reverse("accounts:login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_cookies_are_secure_and_http_only(world, client):
    from accounts.tests.factories import PASSWORD

    response = client.post(reverse("accounts:login"), {"username": world.referent.email, "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_check_deploy_is_clean_with_production_settings(settings):
    settings.SECURE_SSL_REDIRECT = True  # turned off only because tests speak plain HTTP
    settings.PLIE_PROXY_COUNT = 1  # production sits behind its TLS proxy
    # The guard-rail object of conftest is not a string: give the check the production value.
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "OPTIONS": {**settings.TEMPLATES[0]["OPTIONS"]}}]
    settings.TEMPLATES[0]["OPTIONS"].pop("string_if_invalid")
    call_command("check", deploy=True, fail_level="WARNING")
