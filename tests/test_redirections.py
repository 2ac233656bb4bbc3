"""The "next" address of a form: followed only when it stays on this site."""

from django.test import RequestFactory

from plie_portal.redirections import adresse_suivante


def test_an_address_of_this_site_is_followed():
    requete = RequestFactory().post("/", {"suivant": "/participants/12/"})
    assert adresse_suivante(requete, "suivant") == "/participants/12/"


def test_an_address_of_another_site_is_ignored():
    assert adresse_suivante(RequestFactory().post("/", {"next": "https://exemple.com/"})) == ""
    assert adresse_suivante(RequestFactory().get("/", {"next": "//exemple.com/"})) == ""


def test_over_https_a_plain_http_address_is_ignored():
    requete = RequestFactory().get("/", {"next": "http://testserver/accueil/"}, secure=True)
    assert adresse_suivante(requete) == ""
