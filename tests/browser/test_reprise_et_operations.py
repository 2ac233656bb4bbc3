"""Coordination in a browser (issues 16 and 17): the ZIP of a historical import uploaded, previewed,
confirmed, then the FSE+ operation of the year created and its data quality read. Each page
checked by axe."""

import datetime

import pytest
from playwright.sync_api import expect

from accounts import otp
from accounts.tests.factories import PASSWORD
from parcours.models import Entretien, Etape, Operation, Parcours
from parcours.tests.reprise_exemple import archive, dossier_exemple

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("communes")]


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def test_coordination_takes_over_the_history_by_zip_then_creates_the_operation_of_the_year(world, visite):
    otp.new_backup_codes(world.coordination, ["coord001"])
    v = visite()
    page = v.page
    login(page, world.coordination.email, PASSWORD)
    page.get_by_label("Code à usage unique").fill("coord001")
    submit(page, "Vérifier")

    # The ZIP: checked by the worker (eagerly here), its preview, the confirmation, the result.
    page.goto("/parcours/import/")
    v.axe()
    contenu = archive(dossier_exemple(world))
    page.get_by_label("Fichier CSV ou archive ZIP").set_input_files(
        {"name": "export-ancien-outil.zip", "mimeType": "application/zip", "buffer": contenu}
    )
    submit(page, "Vérifier le fichier")
    expect(page.get_by_role("button", name="Confirmer la reprise")).to_be_visible()
    assert not Parcours.objects.filter(identifiant_source="P-1").exists()
    v.axe()
    submit(page, "Confirmer la reprise")
    expect(page.get_by_text("Abandonner")).to_have_count(0)
    assert Parcours.objects.filter(identifiant_source__in=["P-1", "P-2", "P-3"]).count() == 3
    assert (
        Etape.objects.exclude(identifiant_source="").count(),
        Entretien.objects.exclude(identifiant_source="").count(),
    ) == (3, 3)
    v.axe()

    # The CCAS's operation of 2024: the imported participation of its referent joins it.
    page.goto("/parcours/operations/nouvelle/")
    v.axe()
    page.get_by_label("Code").fill("202400042")
    page.get_by_label("Intitulé").fill("Accompagnement renforcé – PLIE – 2024")
    page.get_by_label("Structure porteuse").select_option(label=world.plie.nom)
    page.get_by_label("Début").fill("2024-01-01")
    page.locator("#id_date_fin").fill("2024-12-31")
    page.get_by_label("Coût total prévu (€)").fill("100000")
    page.get_by_label("Montant FSE+ (€)").fill("60000")
    page.get_by_label("Participants prévus").fill("80")
    submit(page, "Créer l'opération")
    operation = Operation.objects.get(code="202400042")
    assert operation.parcours.filter(identifiant_source="P-3").exists()
    expect(page.get_by_role("heading", name="Qualité des données")).to_be_visible()
    v.axe()
    page.goto("/parcours/operations/")
    expect(page.get_by_role("link", name="202400042")).to_be_visible()
    v.axe()
    assert operation.date_debut == datetime.date(2024, 1, 1)
