"""The pages used all day, on a 375 px phone (issue 15): no sideways scroll, the main action within
reach, and axe still satisfied."""

import pytest

from accounts.tests.factories import PASSWORD
from parcours.choices import StatutEtape

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TELEPHONE = 375


def test_the_caseload_fits_a_phone_with_its_search_and_alerts_within_reach(world, visite):
    v = visite(TELEPHONE)
    login(v.page, world.referent.email, PASSWORD)
    v.goto("/")

    assert v.defilement_horizontal() == 0
    assert v.dans_la_fenetre(v.page.get_by_role("button", name="Rechercher"))
    assert v.dans_la_fenetre(v.page.locator(".compteur").nth(1))
    assert v.dans_la_fenetre(v.page.get_by_role("link", name="LEFÈVRE Hélène", exact=True))
    v.axe()


def test_the_participant_list_fits_a_phone(world, visite):
    v = visite(TELEPHONE)
    login(v.page, world.referent.email, PASSWORD)
    v.goto("/participants/")

    assert v.defilement_horizontal() == 0
    assert v.dans_la_fenetre(v.page.get_by_role("link", name="LEFÈVRE Hélène").first)
    v.axe()


def test_the_partner_home_fits_a_phone_with_accept_and_answer_within_reach(world, visite):
    world.etape.statut = StatutEtape.PROPOSEE
    world.etape.save()
    v = visite(TELEPHONE)
    login(v.page, world.partenaire.email, PASSWORD)
    v.goto("/")

    assert v.defilement_horizontal() == 0
    assert v.dans_la_fenetre(v.page.get_by_role("button", name="Accepter").first)
    assert v.dans_la_fenetre(v.page.get_by_role("link", name="Répondre").first)
    v.axe()


def test_the_participant_page_fits_a_phone_with_its_sections_menu(world, visite):
    v = visite(TELEPHONE)
    login(v.page, world.referent.email, PASSWORD)
    v.goto(f"/participants/{world.participant.pk}/")

    assert v.defilement_horizontal() == 0
    assert v.dans_la_fenetre(v.page.get_by_role("link", name="Journal", exact=True))
    v.axe()
