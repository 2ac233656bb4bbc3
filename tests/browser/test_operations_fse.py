"""Issue 17 in a browser: a referent completes a proof from the caseload's alert and runs a
workshop with its attendance sheet; coordination produces the bilan d'exécution of an operation
and the ZIP of a contrôle de service fait. Each page checked by axe."""

import pytest
from playwright.sync_api import expect

from accounts import otp
from accounts.tests.factories import PASSWORD
from parcours.models import Atelier
from tests.fichiers import pdf_bytes

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = {"name": "piece.pdf", "mimeType": "application/pdf"}


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def test_a_referent_completes_a_proof_from_the_alert_then_runs_a_workshop(world, visite):
    v = visite()
    page = v.page
    login(page, world.referent.email, PASSWORD)

    # The caseload's alert leads to the proofs of the record; "Ajouter" opens the prefilled upload.
    page.get_by_role("link", name="Pièces FSE+ manquantes – LEFÈVRE Hélène").click()
    expect(page.get_by_role("heading", name="Pièces justificatives FSE+")).to_be_visible()
    v.axe()
    page.get_by_role("link", name="Ajouter : questionnaire d'entrée signé").click()
    expect(page.locator("#id_type")).to_have_value("questionnaire")
    v.axe()
    page.get_by_label("Titre").fill("Questionnaire d'entrée signé")
    page.get_by_label("Fichier").set_input_files({**PDF, "buffer": pdf_bytes()})
    submit(page, "Ajouter")
    assert world.parcours.pieces_manquantes() == ["justificatif d'éligibilité"]

    # A workshop: created, a person invited, the attendance sheet printed, attendance, signed sheet.
    page.goto("/parcours/ateliers/nouveau/")
    v.axe()
    page.get_by_label("Thème").select_option("cv")
    page.get_by_label("Intitulé").fill("Atelier CV de janvier")
    page.get_by_label("Date et heure").fill("2027-01-19T09:30")
    page.get_by_label("Lieu").fill("Maison de l'emploi de Rouen")
    submit(page, "Créer l'atelier")
    atelier = Atelier.objects.get(intitule="Atelier CV de janvier")
    v.axe()
    page.get_by_label("LEFÈVRE Hélène").check()
    submit(page, "Inviter la sélection")
    submit(page, "Demander le document : Feuille d'émargement (PDF)")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger").click()
    assert telechargement.value.suggested_filename.endswith(".pdf")
    page.goto(f"/parcours/ateliers/{atelier.pk}/")
    page.get_by_label("Présence de LEFÈVRE Hélène").select_option("present")
    submit(page, "Enregistrer les présences")
    page.get_by_label("Feuille signée (PDF, JPEG ou PNG, 10 Mo au maximum)").set_input_files(
        {**PDF, "buffer": pdf_bytes()}
    )
    submit(page, "Déposer la feuille signée")
    expect(page.get_by_role("link", name="Télécharger la feuille signée")).to_be_visible()
    assert atelier.invitations.get().presence == "present"
    v.axe()
    v.assert_no_csp_error()


def test_coordination_produces_the_bilan_and_the_zip_of_a_control(world, visite):
    otp.new_backup_codes(world.coordination, ["coord001"])
    v = visite()
    page = v.page
    login(page, world.coordination.email, PASSWORD)
    page.get_by_label("Code à usage unique").fill("coord001")
    submit(page, "Vérifier")

    page.goto(f"/parcours/operations/{world.operation.pk}/")
    page.get_by_role("link", name="Bilan d'exécution (XLSX)").click()
    v.axe()
    submit(page, "Demander le document")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger").click()
    assert telechargement.value.suggested_filename.endswith(".xlsx")

    page.goto(f"/parcours/operations/{world.operation.pk}/")
    page.get_by_text("Tirer un échantillon", exact=True).click()
    page.locator("#id_controle-pourcentage").fill("")
    page.locator("#id_controle-taille").fill("2")
    submit(page, "Tirer l'échantillon")
    expect(page.get_by_text("Tirage vérifié")).to_be_visible()
    v.axe()
    page.locator("select[name^=conclusion-]").first.select_option("conforme")
    submit(page, "Enregistrer le contrôle")
    submit(page, "Demander le document : Dossier du contrôle de service fait (ZIP)")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger").click()
    assert telechargement.value.suggested_filename.endswith(".zip")
    v.assert_no_csp_error()
