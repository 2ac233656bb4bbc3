"""Guard-rails and personas shared by every test (STYLE: les-emplois, healthchecks)."""

import inspect

import pytest
from django.conf import settings

from tests.world import build_world

pytest_plugins = ["tests.services"]


class UndefinedProjectTemplateVariable:
    """`string_if_invalid` that fails on an undefined variable in the project's own templates.

    Admin and crispy templates rely on empty defaults, so only templates under the project's
    directories (not site-packages) raise.
    """

    def __contains__(self, search):
        return search == "%s"

    def __mod__(self, missing):
        for frame_info in inspect.stack()[1:40]:
            context = frame_info.frame.f_locals.get("context")
            render_context = getattr(context, "render_context", None)
            template = getattr(render_context, "template", None) or getattr(context, "template", None)
            origin = getattr(getattr(template, "origin", None), "name", None)
            if origin:
                name = str(origin)
                if str(settings.BASE_DIR) in name and "site-packages" not in name:
                    raise NameError(f"Variable de gabarit indéfinie {missing!r} dans {name}")
                return ""
        return ""


@pytest.fixture(autouse=True)
def _guard_rails(settings, tmp_path):
    settings.TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = UndefinedProjectTemplateVariable()
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": media, "base_url": None}},
    }


@pytest.fixture
def communes(db):
    """The 71 communes, reloaded when a transactional test flushed them."""
    from participants.communes import load_communes
    from participants.models import Commune

    if Commune.objects.count() < 71:
        load_communes(Commune)
    return Commune.objects.all()


@pytest.fixture
def world(db, communes):
    """Personas and objects inside and outside their scope (tests/world.py)."""
    return build_world()


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """`module_world(enrich=None)`: the world built once for the whole module, inside a transaction
    rolled back at the end (as Django's TestCase.setUpTestData), with its files in a media directory
    of its own; `enrich(world)` plants what the module adds. Each test then runs in a savepoint."""
    from types import SimpleNamespace

    from django.db import transaction
    from django.test import override_settings

    from participants.communes import load_communes
    from participants.models import Commune

    media = tmp_path_factory.mktemp("monde-media")
    storages = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": {"location": media}}}
    built = {}

    def build(enrich=None):
        if "world" not in built:
            world = build_world()
            if enrich is not None:
                enrich(world)
            built["world"] = SimpleNamespace(world=world, media=media, storages=storages)
        return built["world"]

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media, STORAGES=storages), transaction.atomic():
        if Commune.objects.count() < 71:
            load_communes(Commune)
        yield build
        transaction.set_rollback(True)


def mark_second_factor_verified(client, user):
    """Mark the client's session OTP-verified as `django_otp.login` does (with a static device)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _created = StaticDevice.objects.get_or_create(user=user, name="Tests", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def client_of(client):
    """`client_of(user)` logs `user` in and returns the test client (None: anonymous).

    For users to whom the second factor applies (coordination, instructeurs, administrators, or
    who enrolled a device), the session is also marked verified: the full login, both factors.
    """
    from accounts.otp import second_factor_applies

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
            if second_factor_applies(user):
                mark_second_factor_verified(client, user)
        return client

    return login


@pytest.fixture
def client_password_only(db):
    """`client_password_only(user)`: a new client logged in with the password only (no second factor)."""
    from django.test import Client

    def login(user):
        new_client = Client()
        new_client.force_login(user)
        return new_client

    return login
