"""Guard-rails and personas shared by every test (STYLE: les-emplois, healthchecks)."""

import copy
import inspect
import shutil

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


@pytest.fixture(autouse=True, scope="session")
def _unordered_queries_come_back_in_random_order():
    """A SELECT without an explicit order returns its rows in random order (les-emplois' guard),
    so that neither a page nor a test relies on the order the database happens to use."""
    from django.db.models.sql import compiler

    original = compiler.SQLCompiler.as_sql
    # PostgreSQL has its own SQLCompiler subclass: select queries of every backend, no writes.
    ecritures = (
        compiler.SQLInsertCompiler,
        compiler.SQLDeleteCompiler,
        compiler.SQLUpdateCompiler,
        compiler.SQLAggregateCompiler,
    )
    untouched = (" ORDER BY ", " LIMIT ", " FOR UPDATE", " FOR NO KEY UPDATE", " FOR SHARE", " UNION ")

    def as_sql(self, with_limits=True, with_col_aliases=False):
        sql, params = original(self, with_limits=with_limits, with_col_aliases=with_col_aliases)
        query = self.query
        if (
            isinstance(self, compiler.SQLCompiler)
            and not isinstance(self, ecritures)
            and not with_col_aliases  # parts of a UNION and subqueries are compiled with aliases
            and not query.subquery
            and not query.distinct
            and sql.startswith("SELECT ")
            and not any(word in sql for word in untouched)
            and not (query.group_by is None and any(a.contains_aggregate for a in query.annotation_select.values()))
        ):
            sql += " ORDER BY RANDOM()"
        return sql, params

    compiler.SQLCompiler.as_sql = as_sql
    yield
    compiler.SQLCompiler.as_sql = original


@pytest.fixture(autouse=True)
def _guard_rails(settings, tmp_path):
    settings.TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = UndefinedProjectTemplateVariable()
    # A cache of its own for each test: the API's rate counts of one test never reach another
    # (with Redis configured, every process of the suite would otherwise share them).
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": str(tmp_path)}
    }
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": media, "base_url": None}},
    }


@pytest.fixture
def communes(db):
    """The 71 communes, reloaded when a transactional test flushed them."""
    from territoire.communes import load_communes
    from territoire.models import Commune

    if Commune.objects.count() < 71:
        load_communes(Commune)
    return Commune.objects.all()


@pytest.fixture
def world(request, db, communes, settings, _guard_rails):
    """Personas and objects inside and outside their scope (tests/world.py).

    Built once per module (`module_world`) and handed to each test as a deep copy, its rows in a
    savepoint rolled back after the test, its files copied into the test's media directory: what a
    test changes, in the database, in memory or on disk, never reaches the next one (Django's
    TestCase.setUpTestData does the same). A test that commits (transactional) builds its own."""
    if "_module_world_built" not in request.node.fixturenames:
        return build_world()
    shared = request.getfixturevalue("_module_world_built")
    shutil.copytree(shared.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return copy.deepcopy(shared.world)


def _item_is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))


def pytest_collection_modifyitems(items):
    """The module's world must open its transaction before the test's own (`db`): pytest sets up
    fixtures in the order of this list, so the module's world goes first for the tests that share it.
    A module with a transactional test (which commits) keeps a world per test throughout."""
    transactional_modules = {item.module for item in items if _item_is_transactional(item)}
    for item in items:
        shares = "world" in item.fixturenames and item.module not in transactional_modules
        if shares and "_module_world_built" not in item.fixturenames:
            item.fixturenames.insert(0, "_module_world_built")


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """`module_world(enrich=None)`: the world built once for the whole module, inside a transaction
    rolled back at the end (as Django's TestCase.setUpTestData), with its files in a media directory
    of its own; `enrich(world)` plants what the module adds. Each test then runs in a savepoint."""
    from types import SimpleNamespace

    from django.db import transaction
    from django.test import override_settings

    from territoire.communes import load_communes
    from territoire.models import Commune

    media = tmp_path_factory.mktemp("monde-media")
    storages = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": {"location": media}}}
    built = {}

    def build(enrich=None):
        # Called from module-scoped fixtures only (`_module_world_built`, a module's own), so
        # that the rows are written before any test's savepoint opens.
        with override_settings(MEDIA_ROOT=media, STORAGES=storages):
            if "world" not in built:
                built["world"] = SimpleNamespace(world=build_world(), media=media, storages=storages, enriched=[])
            if enrich is not None and enrich not in built["world"].enriched:
                enrich(built["world"].world)
                built["world"].enriched.append(enrich)
        return built["world"]

    with django_db_blocker.unblock(), transaction.atomic():
        if Commune.objects.count() < 71:
            load_communes(Commune)
        yield build
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def _module_world_built(module_world):
    """The module's world, built at the module's start (see `pytest_collection_modifyitems`)."""
    return module_world()


def mark_second_factor_verified(client, user):
    """Mark the client's session OTP-verified as `django_otp.login` does (with a static device)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _created = StaticDevice.objects.get_or_create(user=user, name="Tests", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def logged_in_client(user, cookie=None):
    """A new test client of `user` (both factors where they apply), or one that presents the
    session `cookie` already opened for them (see `session_cookies`): no login at each request."""
    from django.test import Client

    from accounts.otp import second_factor_applies

    client = Client()
    if cookie is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = cookie
        return client
    client.force_login(user)
    if second_factor_applies(user):
        mark_second_factor_verified(client, user)
    return client


def session_cookies(users):
    """{name: session key} of sessions opened once for `users` ({name: user}), both factors
    verified: module-wide matrices reuse them instead of logging in for every request."""
    return {name: logged_in_client(user).cookies[settings.SESSION_COOKIE_NAME].value for name, user in users.items()}


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
