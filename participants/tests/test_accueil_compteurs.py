"""Pictures where people would rather look (issue 15): the caseload's alert counters and the
dashboard's entries and exits per month, for the PLIE or one structure."""

import datetime

import pytest
from django.utils import timezone

from parcours.tests.factories import ParcoursFactory
from participants.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_each_alert_of_the_caseload_shows_how_many_people_raise_it(world, client_of):
    response = client_of(world.referent).get("/")
    compteurs = {cle: n for cle, _libelle, n in response.context["compteurs"]}

    # The world's participant entered without any interview, its FSE+ data complete.
    assert compteurs["entretien"] == 1
    assert compteurs["fse"] == 0
    assert response.context["total_suivis"] == 1


def test_an_alert_counter_links_to_the_caseload_filtered_on_it(world, client_of):
    page = client_of(world.referent).get("/").content.decode()

    assert 'href="?alerte=entretien"' in page


def test_the_dashboard_draws_the_entries_of_each_of_the_last_twelve_months(world, client_of):
    ce_mois = timezone.localdate().replace(day=1)
    ParcoursFactory(participant=ParticipantFactory(referent=world.referent), date_entree=ce_mois)
    activite = client_of(world.coordination).get("/").context["activite"]

    assert len(activite) == 12
    assert activite[-1]["mois"] == ce_mois
    assert activite[-1]["entrees"] == 1


def test_the_dashboard_chart_narrows_to_the_structure_chosen(world, client_of):
    ce_mois = timezone.localdate().replace(day=1)
    ParcoursFactory(participant=ParticipantFactory(referent=world.referent), date_entree=ce_mois)
    ParcoursFactory(participant=ParticipantFactory(referent=world.referent_autre), date_entree=ce_mois)
    client = client_of(world.coordination)

    tout = client.get("/").context["activite"][-1]["entrees"]
    ccas = client.get("/", {"structure": world.ccas.pk}).context["activite"][-1]["entrees"]

    assert (tout, ccas) == (2, 1)


def test_an_unknown_structure_in_the_dashboard_filter_shows_the_whole_plie(world, client_of):
    response = client_of(world.coordination).get("/", {"structure": "abc"})

    assert response.status_code == 200
    assert response.context["structure_activite"] == ""


def test_the_dashboard_chart_is_an_svg_with_its_figures_as_text(world, client_of):
    page = client_of(world.coordination).get("/").content.decode()
    graphique = page[page.index('id="titre-activite"') :]

    assert '<svg xmlns="http://www.w3.org/2000/svg"' in graphique
    assert 'aria-label="Entrées et sorties par mois"' in graphique


def test_a_month_of_the_chart_is_written_unambiguously():
    from plie_portal.dates import mois_abrege

    assert (mois_abrege(datetime.date(2026, 6, 1)), mois_abrege(datetime.date(2026, 7, 1))) == (
        "juin 2026",
        "juil. 2026",
    )
