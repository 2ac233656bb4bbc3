"""Every URL × every persona: the status each one gets. A URL absent from the matrix fails."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.module_loading import import_string

from tests.matrix import LOGIN
from tests.world import PERSONAS

MATRIX_MODULES = [
    "tests.matrix_root",
    "accounts.tests.matrix",
    "partners.tests.matrix",
    "participants.tests.matrix",
    "parcours.tests.matrix",
    "aap_invisibles.tests.matrix",
    "reports.tests.matrix",
]
# Django admin has its own permission system (staff only), tested in tests/test_admin.py.
EXCLUDED_NAMESPACES = {"admin"}


def collect_matrix():
    matrix = {}
    for path in MATRIX_MODULES:
        try:
            module_matrix = import_string(f"{path}.MATRIX")
        except ImportError:
            continue
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
    pytest.param(name, index, persona, id=f"{name}[{case.label or index}]-{persona}")
    for name, cases in sorted(MATRIX.items())
    for index, case in enumerate(cases)
    for persona in PERSONAS
]


def test_every_url_of_the_portal_is_in_the_permission_matrix():
    missing = url_names() - set(MATRIX)
    assert not missing, f"URL sans entrée dans la matrice des permissions : {sorted(missing)}"


def test_the_matrix_lists_no_url_that_does_not_exist():
    assert not set(MATRIX) - url_names()


@pytest.mark.parametrize(("name", "index", "persona"), CASES)
def test_each_persona_gets_the_expected_answer(name, index, persona, world, client_of):
    case = MATRIX[name][index]
    user = getattr(world, persona) if persona != "anonyme" else None
    client = client_of(user)
    url = reverse(name, kwargs=case.kwargs(world) if case.kwargs else None) + case.query
    if case.method == "post":
        response = client.post(url, case.data(world) if case.data else {}, **case.extra)
    else:
        response = client.get(url, **case.extra)
    expected = case.expect[persona]
    if expected == LOGIN:
        assert response.status_code == 302, response.status_code
        assert response["Location"].startswith(reverse("accounts:login")), response["Location"]
    else:
        assert response.status_code == expected, f"{persona} sur {url} : {response.status_code} au lieu de {expected}"
