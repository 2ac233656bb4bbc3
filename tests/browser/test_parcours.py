"""Referent and partner journeys: create a participant, orient them, propose a step; the partner
accepts, starts and finishes it. Each page checked by axe, under the real CSP."""

import pytest

from accounts.tests.factories import PASSWORD
from parcours.choices import StatutEtape
from parcours.models import Etape
from participants.models import Participant
from partners.tests.factories import EtapeTypeFactory

from .conftest import LARGEURS_PARCOURS, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


# The journey on a desktop screen and on a phone (issue 15).
@pytest.mark.parametrize("largeur", LARGEURS_PARCOURS)
def test_a_referent_creates_orients_and_proposes_then_the_partner_carries_the_step(world, visite, largeur):
    type_etape = EtapeTypeFactory(libelle="Chantier d'insertion maraîchage")
    type_etape.structures.add(world.aci)

    # The referent creates a participant.
    v = visite(largeur)
    page = v.page
    login(page, world.referent.email, PASSWORD)
    page.goto("/participants/nouveau/")
    v.axe()
    page.locator("#id_sexe").select_option("F")
    page.locator("#id_nom").fill("Navigatrice")
    page.locator("#id_prenom").fill("Zoé")
    page.locator("#id_date_naissance").fill("1991-04-12")
    page.locator("#id_commune").select_option("76540")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    participant = Participant.objects.get(nom="Navigatrice")
    assert page.url.endswith(f"/participants/{participant.pk}/")
    v.axe()

    # Orientation (a new parcours) from the record.
    page.goto(f"/parcours/participant/{participant.pk}/orienter/")
    v.axe()
    page.locator("#id_prescripteur").select_option(str(world.plie.pk))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert participant.parcours.count() == 1

    # A step proposed to the ACI on the referent's validated parcours.
    page.goto(f"/parcours/{world.parcours.pk}/etapes/proposer/")
    v.axe()
    page.locator("#id_type").select_option(str(type_etape.pk))
    page.locator("#id_structure").select_option(str(world.aci.pk))
    submit(page, "Proposer l'étape")
    etape = Etape.objects.get(parcours=world.parcours, type=type_etape)
    assert etape.statut == StatutEtape.PROPOSEE
    v.axe()
    v.assert_no_csp_error()

    # The partner accepts, starts and finishes it.
    p = visite(largeur)
    login(p.page, world.partenaire.email, PASSWORD)
    p.page.goto(f"/parcours/etapes/{etape.pk}/")
    p.axe()
    submit(p.page, "Accepter")
    etape.refresh_from_db()
    assert etape.statut == StatutEtape.ACCEPTEE
    p.axe()
    submit(p.page, "Démarrer")
    etape.refresh_from_db()
    assert etape.statut == StatutEtape.EN_COURS
    p.page.locator("#id_terminer-resultat").fill("Contrat signé, fin de chantier.")
    submit(p.page, "Terminer")
    etape.refresh_from_db()
    assert etape.statut == StatutEtape.TERMINEE
    p.axe()
    p.assert_no_csp_error()


def test_the_exit_reason_suggests_the_situation_until_the_referent_chooses_one(world, visite):
    from playwright.sync_api import expect

    v = visite()
    page = v.page
    login(page, world.referent.email, PASSWORD)
    page.goto(f"/parcours/{world.parcours.pk}/sortie/")
    situation = page.locator("#id_situation_sortie")

    page.locator("input[name=motif_sortie][value=emploi_cdi]").check()
    expect(situation).to_have_value("emploi")
    page.locator("input[name=motif_sortie][value=formation_qualifiante]").check()
    expect(situation).to_have_value("formation")  # an earlier suggestion follows the reason

    situation.select_option("recherche_emploi")
    page.locator("input[name=motif_sortie][value=emploi_cdi]").check()
    expect(situation).to_have_value("recherche_emploi")  # the referent's own choice is kept
    v.assert_no_csp_error()
