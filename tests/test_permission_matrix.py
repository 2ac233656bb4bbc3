"""Every URL × every persona: the status each one gets. A URL absent from the matrix fails."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.module_loading import import_string
from django_otp.plugins.otp_static.models import StaticDevice

from conftest import logged_in_client, session_cookies
from tests.matrix import LOGIN, controles_sans_label, ids_en_double
from tests.world import PERSONAS

MATRIX_MODULES = [
    "tests.matrix_root",
    "accounts.tests.matrix",
    "partners.tests.matrix",
    "participants.tests.matrix",
    "parcours.tests.matrix",
    "aap_invisibles.tests.matrix",
    "reports.tests.matrix",
    "rgpd.tests.matrix",
    "notifications.tests.matrix",
    "api.tests.matrix",
]
# Django admin has its own permission system (staff only), tested in tests/test_admin.py.
EXCLUDED_NAMESPACES = {"admin"}


def collect_matrix():
    matrix = {}
    # An app's matrix that cannot be imported fails the suite: its URLs would go untested.
    for path in MATRIX_MODULES:
        module_matrix = import_string(f"{path}.MATRIX")
        duplicates = set(matrix) & set(module_matrix)
        assert not duplicates, f"URL déclarées deux fois dans la matrice : {duplicates}"
        matrix.update(module_matrix)
    return matrix


def url_names(patterns=None, namespace=""):
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            if ns in EXCLUDED_NAMESPACES:
                continue
            prefix = f"{namespace}{ns}:" if ns else namespace
            names |= url_names(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


MATRIX = collect_matrix()


CASES = [
    pytest.param(name, index, id=f"{name}[{case.label or index}]")
    for name, cases in sorted(MATRIX.items())
    for index, case in enumerate(cases)
]


@pytest.fixture(scope="module")
def matrix_world(module_world):
    """The world built once for the whole matrix, with a session opened for each persona; each
    persona's request runs in its own savepoint."""
    shared = module_world()
    world = shared.world
    shared.cookies = session_cookies({p: getattr(world, p) for p in PERSONAS if p != "anonyme"})
    return shared


@pytest.fixture
def _matrix_media(_guard_rails, settings, matrix_world):
    """Files of the world live in the matrix's media directory, not in each test's."""
    settings.MEDIA_ROOT = matrix_world.media
    settings.STORAGES = matrix_world.storages


def test_every_url_of_the_portal_is_in_the_permission_matrix():
    missing = url_names() - set(MATRIX)
    assert not missing, f"URL sans entrée dans la matrice des permissions : {sorted(missing)}"


def test_the_matrix_lists_no_url_that_does_not_exist():
    assert not set(MATRIX) - url_names()


@pytest.mark.parametrize(("name", "index"), CASES)
def test_each_persona_gets_the_expected_answer(name, index, db, matrix_world, _matrix_media):
    case = MATRIX[name][index]
    world = matrix_world.world
    wrong = []
    for persona in PERSONAS:
        # Each persona starts from the same state: what one request changes is rolled back.
        savepoint = transaction.savepoint()
        try:
            client = Client() if persona == "anonyme" else logged_in_client(None, matrix_world.cookies[persona])
            url = reverse(name, kwargs=case.kwargs(world) if case.kwargs else None) + case.query
            extra = dict(case.extra)
            if case.jeton and persona != "anonyme":
                extra["HTTP_AUTHORIZATION"] = f"Bearer {world.jetons_api[persona]}"
            if case.method == "post":
                response = client.post(url, case.data(world) if case.data else {}, **extra)
            else:
                response = client.get(url, **extra)
        finally:
            transaction.savepoint_rollback(savepoint)
        expected = case.expect[persona]
        if expected == LOGIN:
            location = response.get("Location", "")
            if response.status_code != 302 or not location.startswith(reverse("accounts:login")):
                wrong.append(f"{persona} sur {url} : {response.status_code} {location} au lieu de la connexion")
        elif response.status_code != expected:
            wrong.append(f"{persona} sur {url} : {response.status_code} au lieu de {expected}")
        elif response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            # Every page as each persona sees it: no id twice (a label would point at another field),
            # and every form control named by a label (RGAA 11.1).
            doubles = ids_en_double(response.content.decode())
            if doubles:
                wrong.append(f"{persona} sur {url} : identifiants en double {doubles}")
            sans_label = controles_sans_label(response.content.decode())
            if sans_label:
                wrong.append(f"{persona} sur {url} : champs sans étiquette {sans_label}")
    assert not wrong, "\n".join(wrong)


# Second factor: with a password alone, a coordinator or an instructor reaches no private page.
SECOND_FACTOR_PAGES = {"accounts:logout", "accounts:otp_enrolement", "accounts:otp_verification"}
PASSWORD_ONLY_CASES = [
    name
    for name, cases in sorted(MATRIX.items())
    if cases[0].expect["anonyme"] == LOGIN and name not in SECOND_FACTOR_PAGES
]


@pytest.mark.parametrize("name", PASSWORD_ONLY_CASES)
def test_a_password_alone_opens_no_private_page_to_second_factor_roles(
    name, db, matrix_world, _matrix_media, client_password_only
):
    case = MATRIX[name][0]
    world = matrix_world.world
    wrong = []
    for persona in ("coordination", "instructeur", "dpo", "admin"):
        savepoint = transaction.savepoint()
        try:
            # Without the device the matrix's own sessions were verified with: never enrolled.
            StaticDevice.objects.filter(user=getattr(world, persona)).delete()
            client = client_password_only(getattr(world, persona))
            url = reverse(name, kwargs=case.kwargs(world) if case.kwargs else None) + case.query
            if case.method == "post":
                response = client.post(url, case.data(world) if case.data else {}, **case.extra)
            else:
                response = client.get(url, **case.extra)
        finally:
            transaction.savepoint_rollback(savepoint)
        location = response.get("Location", "")
        if response.status_code != 302 or not location.startswith(reverse("accounts:otp_enrolement")):
            wrong.append(f"{persona} sur {url} : {response.status_code} {location} au lieu du 2e facteur")
    assert not wrong, "\n".join(wrong)
