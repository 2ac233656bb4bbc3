"""Production settings: deploy checks clean, refusal to start without a secret key."""

import os
import subprocess
import sys

from django.conf import settings


def run_manage(*args, **env):
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTEST_VERSION", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_a_secret_key_allowed_hosts_and_the_tls_proxy_declared():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="une-cle-secrete-de-production-tres-longue-et-aleatoire-8f7e6d5c4b3a2910",
        ALLOWED_HOSTS="plie.example.fr",
        PLIE_PROXY_COUNT="1",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_of_an_https_redirect_with_no_proxy_declared():
    result = run_manage(
        "check",
        "--deploy",
        SECRET_KEY="une-cle-secrete-de-production-tres-longue-et-aleatoire-8f7e6d5c4b3a2910",
        ALLOWED_HOSTS="plie.example.fr",
    )

    assert "accounts.W004" in result.stdout + result.stderr


def test_the_forwarding_headers_of_a_direct_connection_are_forgotten(client, settings):
    settings.PLIE_PROXY_COUNT = 1
    settings.PLIE_PROXY_ADRESSES = ["10.1.0.0/24"]
    response = client.get(
        "/healthz", headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}, REMOTE_ADDR="198.51.100.7"
    )
    assert "HTTP_X_FORWARDED_FOR" not in response.wsgi_request.META
    assert "HTTP_X_FORWARDED_PROTO" not in response.wsgi_request.META


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY n'est pas définie" in result.stderr


def test_the_portal_speaks_french_in_paris_time():
    assert settings.LANGUAGE_CODE == "fr-fr"
    assert settings.TIME_ZONE == "Europe/Paris"
    assert settings.USE_TZ is True


def test_the_healthz_url_is_exempt_from_the_https_redirect():
    assert any(__import__("re").match(pattern, "healthz") for pattern in settings.SECURE_REDIRECT_EXEMPT)


def test_collectstatic_builds_the_production_manifest(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        SECRET_KEY="une-cle-secrete-de-production-tres-longue-et-aleatoire-8f7e6d5c4b3a2910",
        STATIC_ROOT=str(tmp_path),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "staticfiles.json").exists()


def test_the_public_address_of_emails_comes_from_the_allowed_hosts_unless_given():
    code = "from django.conf import settings; print(settings.PORTAIL_URL)"
    cle = "une-cle-secrete-de-production-tres-longue-et-aleatoire-8f7e6d5c4b3a2910"
    derivee = run_manage(
        "shell", "--no-imports", "-c", code, SECRET_KEY=cle, ALLOWED_HOSTS=".example.fr,plie.example.fr"
    )
    assert derivee.stdout.strip() == "https://plie.example.fr", derivee.stderr
    donnee = run_manage(
        "shell", "--no-imports", "-c", code, SECRET_KEY=cle, ALLOWED_HOSTS="a.fr", PORTAIL_URL="https://plie.fr/"
    )
    assert donnee.stdout.strip() == "https://plie.fr"
