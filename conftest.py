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


@pytest.fixture
def client_of(client):
    """`client_of(user)` logs `user` in and returns the test client (None: anonymous)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login
