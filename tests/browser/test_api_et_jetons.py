"""A partner creates an API token on its account page and reads the API documentation, in a real
browser under the portal's CSP."""

import re

import pytest
import requests

from accounts.models import Role
from accounts.tests.factories import PASSWORD, UserFactory
from partners.tests.factories import StructureFactory

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_partner_creates_a_token_and_its_script_calls_the_api_with_it(visite, http_live_server):
    partenaire = UserFactory(email="script@test.fr", role=Role.PARTENAIRE, structure=StructureFactory(nom="ACI"))
    v = visite()
    login(v.page, partenaire.email, PASSWORD)
    v.page.goto("/comptes/jetons/")
    v.page.get_by_label("Nom du jeton").fill("Script de suivi")
    with v.page.expect_navigation():
        v.page.get_by_role("button", name="Créer un jeton d'API").click()
    secret = v.page.get_by_label(re.compile("Jeton à envoyer")).input_value()
    assert secret.startswith("plie_")
    v.axe("/comptes/jetons/")
    reponse = requests.get(
        f"{http_live_server.url}/api/v1/etapes", headers={"Authorization": f"Bearer {secret}"}, timeout=10
    )
    assert (reponse.status_code, reponse.json()["count"]) == (200, 0)
    with v.page.expect_navigation():
        v.page.get_by_role("button", name="Révoquer Script de suivi").click()
    assert v.page.get_by_text("révoqué", exact=True).is_visible()
    v.assert_no_csp_error()
    reponse = requests.get(
        f"{http_live_server.url}/api/v1/etapes", headers={"Authorization": f"Bearer {secret}"}, timeout=10
    )
    assert reponse.status_code == 401


def test_the_api_documentation_renders_within_the_csp(visite):
    v = visite()
    v.page.goto("/api/v1/docs")
    v.page.locator(".swagger-ui .info .title").wait_for(timeout=15_000)
    assert "API du Portail PLIE" in v.page.locator(".swagger-ui .info .title").inner_text()
    v.page.get_by_text("/api/v1/participants", exact=True).first.wait_for()
    v.assert_no_csp_error()
