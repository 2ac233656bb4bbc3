"""Staff login through OpenID Connect, end to end against a real provider (django-oidc-provider)
started on the loopback by the suite: login, an unknown e-mail refused, the `acr` rule."""

import re
from urllib.parse import urlsplit

import pytest
import requests
from django.urls import reverse

from accounts.otp import new_backup_codes
from tests.fournisseur_oidc import MOT_DE_PASSE, demarrer

PORTAIL = "http://testserver"


@pytest.fixture(scope="module")
def fournisseur(tmp_path_factory):
    f = demarrer(tmp_path_factory.mktemp("oidc"), f"{PORTAIL}/comptes/proconnect/retour/")
    yield f
    f.arreter()


@pytest.fixture
def proconnect(settings, fournisseur):
    for nom, valeur in fournisseur.reglages().items():
        setattr(settings, nom, valeur)
    return fournisseur


def se_connecter(client, identifiant):
    """The browser's round trip: the portal, the provider's login form, back to the portal."""
    depart = client.get(reverse("accounts:oidc_connexion"))
    assert depart.status_code == 302
    navigateur = requests.Session()
    formulaire = navigateur.get(depart["Location"], timeout=10)
    jeton = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulaire.text).group(1)
    suivant = re.search(r'name="next" value="([^"]*)"', formulaire.text).group(1).replace("&amp;", "&")
    reponse = navigateur.post(
        formulaire.url,
        {"username": identifiant, "password": MOT_DE_PASSE, "csrfmiddlewaretoken": jeton, "next": suivant},
        headers={"Referer": formulaire.url},
        allow_redirects=False,
        timeout=10,
    )
    adresse = reponse.headers["Location"]
    while not adresse.startswith(PORTAIL):
        reponse = navigateur.get(requests.compat.urljoin(formulaire.url, adresse), allow_redirects=False, timeout=10)
        adresse = reponse.headers["Location"]
    retour = urlsplit(adresse)
    return client.get(f"{retour.path}?{retour.query}")


def test_a_referent_logs_in_with_the_provider_and_reaches_their_home(world, client, proconnect):
    reponse = se_connecter(client, "ref@test.fr")
    assert reponse.status_code == 302
    assert client.get(reverse("home"), follow=True).context["user"] == world.referent


def test_an_e_mail_without_an_account_is_refused_and_told_why(world, client, proconnect):
    reponse = se_connecter(client, "inconnu@test.fr")
    assert reponse["Location"] == reverse("accounts:login")
    page = client.get(reponse["Location"]).content.decode()
    assert "aucun compte actif du portail ne correspond" in page
    assert "_auth_user_id" not in client.session


def test_the_provider_never_creates_an_account(world, client, proconnect, django_user_model):
    avant = django_user_model.objects.count()
    se_connecter(client, "inconnu@test.fr")
    assert django_user_model.objects.count() == avant


def test_a_single_factor_provider_login_still_asks_the_portal_s_second_factor(world, client, proconnect):
    new_backup_codes(world.coordination, ["12345678"])
    se_connecter(client, "coord@test.fr")
    reponse = client.get(reverse("participants:liste"))
    assert reponse.status_code == 302
    assert reponse["Location"].startswith(reverse("accounts:otp_verification"))


def test_a_two_factor_provider_login_counts_as_the_second_factor(world, client, proconnect):
    new_backup_codes(world.coordination, ["12345678"])
    se_connecter(client, "mfa.coord@test.fr")
    assert client.get(reverse("participants:liste")).status_code == 200


def test_the_login_page_offers_the_provider_only_when_configured(world, client, proconnect, settings):
    assert "Se connecter avec ProConnect" in client.get(reverse("accounts:login")).content.decode()
    settings.OIDC_RP_CLIENT_ID = ""
    assert "ProConnect" not in client.get(reverse("accounts:login")).content.decode()
    assert client.get(reverse("accounts:oidc_connexion")).status_code == 404
