"""Coordination journey: entry commission decision, activity report asked then downloaded,
the access log and the right of access of a participant. Each page checked by axe."""

import pytest
from playwright.sync_api import expect

from accounts import otp
from accounts.tests.factories import PASSWORD
from parcours.choices import DecisionCommission
from parcours.tests.factories import ParcoursFactory
from participants.tests.factories import ParticipantFactory

from .conftest import LARGEURS_PARCOURS, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


# The journey on a desktop screen and on a phone (issue 15).
@pytest.mark.parametrize("largeur", LARGEURS_PARCOURS)
def test_coordination_decides_at_the_commission_and_downloads_the_activity_report(world, visite, largeur):
    orientee = ParticipantFactory(nom="Commission", prenom="Inès", referent=world.referent)
    parcours = ParcoursFactory(
        participant=orientee, decision_commission=DecisionCommission.EN_ATTENTE, date_entree=None
    )
    otp.new_backup_codes(world.coordination, ["coord001"])
    v = visite(largeur)
    page = v.page
    login(page, world.coordination.email, PASSWORD)
    page.get_by_label("Code à usage unique").fill("coord001")
    submit(page, "Vérifier")

    # A commission session, then the decision on the pending orientation.
    page.goto("/parcours/commission/nouvelle/")
    v.axe()
    page.locator("#id_date").fill(world.today.isoformat())
    page.locator("#id_membres_presents").fill("Claire Lefèvre\nJulien Marchand")
    submit(page, "Créer la session")
    assert "/parcours/commission/" in page.url
    v.axe()
    page.get_by_label("Tout sélectionner").check()  # every pending orientation of the page
    expect(page.locator(f"#orientation-{parcours.pk}")).to_be_checked()
    page.locator("#id_decision").select_option(DecisionCommission.VALIDEE)
    page.locator("#id_date_entree").fill(world.today.isoformat())
    submit(page, "Enregistrer la décision")
    parcours.refresh_from_db()
    assert parcours.decision_commission == DecisionCommission.VALIDEE
    v.axe()

    # The activity report: asked, produced (eagerly here), downloaded.
    page.goto("/rapports/demander/activite/")
    v.axe()
    submit(page, "Demander le document")
    v.axe()
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger").click()
    assert telechargement.value.suggested_filename.endswith(".pdf")

    # The access log shows the download; the right of access of the participant.
    page.goto("/comptes/acces/")
    assert "Téléchargement" in page.locator("main table").inner_text()
    v.axe()
    page.goto(f"/rgpd/droit-acces/{orientee.pk}/")
    v.axe()
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger les données (JSON)").click()
    assert telechargement.value.suggested_filename == f"droit-acces-participant-{orientee.pk}.json"
    v.assert_no_csp_error()
