"""The page frame: French, skip link, titles, navigation by role, French error pages, login wall."""

import pytest
from django.template import Context, Template
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/participants/", "/partenaires/", "/rapports/"])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/connexion/")


def test_the_login_page_is_french_with_a_skip_link_and_a_titled_page(client):
    response = client.get("/comptes/connexion/")

    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert 'href="#contenu"' in html
    assert "<title>Connexion – Portail PLIE</title>" in html


def test_the_navigation_shows_what_the_role_uses(world, client_of):
    html = client_of(world.partenaire).get("/").content.decode()

    assert "Participants" in html
    assert "Commission d'entrée" not in html


def test_an_unknown_page_answers_a_french_404(world, client_of):
    response = client_of(world.referent).get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def _sous_make_run(settings):
    settings.DEBUG = True
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:-1],
        "plie_portal.middleware.Page404FrancaiseMiddleware",
        "axes.middleware.AxesMiddleware",
    ]


def test_under_make_run_an_unknown_address_answers_the_french_404_not_django_s_page(world, client_of, settings):
    _sous_make_run(settings)

    response = client_of(world.referent).get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode() and "URLconf" not in response.content.decode()


def test_under_make_run_a_record_out_of_reach_answers_the_french_404(world, client_of, settings):
    _sous_make_run(settings)

    response = client_of(world.referent).get(f"/participants/{world.participant_autre.pk}/")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@override_settings(DEBUG=False)
def test_a_server_error_answers_a_french_500_without_the_database(client):
    from plie_portal.views import error_500

    response = error_500(None)

    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


@override_settings(DEBUG=False)
def test_while_the_database_is_unreachable_the_error_page_is_a_french_503_asking_to_retry():
    from django.db import OperationalError

    from plie_portal.views import error_500

    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = error_500(None)

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Service momentanément indisponible" in response.content.decode()


def test_an_undefined_variable_in_a_project_template_fails_the_test():
    template = Template("{{ variable_absente }}")
    template.origin.name = "/work/main/templates/exemple.html"
    from django.conf import settings

    template.origin.name = str(settings.BASE_DIR / "templates" / "exemple.html")
    with pytest.raises(NameError):
        template.render(Context({}))
