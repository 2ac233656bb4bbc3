"""Public information pages: reachable without login, linked from every page's footer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("donnees_personnelles", "Protection des données personnelles"),
        ("accessibilite", "partiellement conforme"),
        ("mentions_legales", "Directeur de la publication"),
    ],
)
def test_public_pages_are_readable_without_login(client, name, text):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert text in response.content.decode()


def test_the_personal_data_notice_shows_the_retention_settings_in_force(client, settings):
    settings.PLIE_DUREE_AUDIT_FSE_ANS = 7
    assert "(7 ans après la fin de l’année de sortie)" in client.get(reverse("donnees_personnelles")).content.decode()


def test_the_accessibility_statement_describes_its_audit_method(client):
    content = client.get(reverse("accessibilite")).content.decode()
    assert "axe-core" in content and "RGAA" in content and "clavier" in content


def test_every_page_links_the_three_notices_in_its_footer(world, client_of):
    content = client_of(world.referent).get(reverse("home")).content.decode()
    for name in ("donnees_personnelles", "accessibilite", "mentions_legales"):
        assert f'href="{reverse(name)}"' in content


def test_a_coordinator_without_second_factor_can_read_the_public_pages(world, client_password_only):
    assert client_password_only(world.coordination).get(reverse("accessibilite")).status_code == 200
