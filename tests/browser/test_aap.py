"""Calls for projects: an applicant signs up, starts and submits a dossier; the instructor declares
it admissible, scores it and proposes an amount; coordination records the committee's decision."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from playwright.sync_api import expect

from aap_invisibles.models import Dossier, LigneBudget, StatutDossier
from aap_invisibles.tests.factories import PNG_1PX, pdf_bytes
from accounts import otp
from accounts.tests.factories import PASSWORD

from .conftest import LARGEURS_PARCOURS, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOT_DE_PASSE = "Porteur-Navigateur-2026"


def submit(page, name, scope=None):
    with page.expect_navigation():
        (scope or page).get_by_role("button", name=name, exact=True).click()


def second_factor(page, user, code):
    otp.new_backup_codes(user, [code])
    login(page, user.email, PASSWORD)
    page.get_by_label("Code à usage unique").fill(code)
    submit(page, "Vérifier")


def section(v, titre):
    """Open a section from the editor's menu."""
    page = v.page
    page.get_by_role("navigation", name="Sections du dossier").get_by_role("link", name=titre, exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == titre
    return page


def enregistrer(v, bouton="Enregistrer la section"):
    """Save the section, check it is now complete (one message says so), and check the page with axe."""
    submit(v.page, bouton)
    # Waits for the message (a bare is_visible() read the page once and failed under load on PostgreSQL).
    expect(v.page.get_by_text("Section enregistrée et complète.")).to_be_visible()
    assert v.page.get_by_text("Section complète.", exact=True).count() == 0
    v.axe()


def remplir_champs(page, valeurs):
    for champ, valeur in valeurs.items():
        page.locator(f"#id_{champ}").fill(valeur)


def remplir_dans_le_navigateur(v, dossier):
    """The applicant fills each section of the Cerfa 12156 in the editor, as a person would."""
    page = v.page
    page.goto(f"/aap/dossiers/{dossier.pk}/sections/1/")
    v.axe()
    remplir_champs(
        page,
        {
            "sigle": "JER",
            "siret": "12345678900011",
            "adresse_siege": "1 rue de la République, 76000 Rouen",
            "telephone": "0235000000",
            "email": "contact@jeunes-en-route.fr",
            "site_web": "https://jeunes-en-route.fr",
            "representant_nom": "Marie Curie",
            "representant_qualite": "Présidente",
            "responsable_nom": "Awa Diallo",
            "responsable_fonction": "Coordinatrice",
            "responsable_email": "awa@jeunes-en-route.fr",
            "responsable_telephone": "0235000001",
        },
    )
    enregistrer(v)

    page = section(v, "2. Relations avec l'administration")
    page.locator("#id_agrements").fill("Jeunesse et éducation populaire, préfecture, 2015")
    page.locator("#id_reconnue_utilite_publique").check()
    page.locator("#id_aides_publiques").fill("Aucune")
    enregistrer(v)

    page = section(v, "3. Relations avec d'autres associations")
    page.locator("#id_reseaux").fill("Fédération des centres sociaux")
    enregistrer(v)

    page = section(v, "4. Moyens humains de l'association")
    remplir_champs(
        page,
        {
            "nb_adherents": "40",
            "nb_benevoles": "10",
            "nb_volontaires": "1",
            "nb_salaries": "3",
            "etp_salaries": "2.5",
            "nb_emplois_aides": "0",
        },
    )
    enregistrer(v)

    page = section(v, "5. Budget de l'association")
    remplir_champs(page, {"budget_annee": "2025", "budget_total_charges": "120000", "budget_total_produits": "120000"})
    enregistrer(v)

    page = section(v, "6. Le projet")
    remplir_champs(
        page,
        {
            "projet_intitule": "Aller vers les jeunes invisibles",
            "projet_objectifs": "Repérer et mobiliser les jeunes NEET.",
            "projet_description": "Maraudes, permanences, ateliers.",
            "projet_public": "NEET de 16 à 29 ans",
            "nb_jeunes_a_reperer": "60",
            "nb_jeunes_a_mobiliser": "40",
            "date_debut": "2026-09-01",
            "date_fin": "2027-08-31",
            "moyens_humains": "Deux éducateurs.",
            "moyens_materiels": "Un véhicule.",
            "indicateurs_evaluation": "Nombre de jeunes repérés et mobilisés.",
            "autres_financeurs": "État",
        },
    )
    page.locator("input[name=communes][value='76540']").check()
    enregistrer(v)

    # Charges 40 000 € (64) = products 30 000 € (74, the Métropole) + 10 000 € (74, the State).
    page = section(v, "6 bis. Budget du projet")
    page.locator("#id_montant_demande").fill("30000")
    page.locator("#id_lignes-0-compte").select_option("64")
    page.locator("#id_lignes-0-libelle").fill("Salaires")
    page.locator("#id_lignes-0-montant").fill("40000")
    page.locator("#id_lignes-1-compte").select_option("74")
    page.locator("#id_lignes-1-libelle").fill("État")
    page.locator("#id_lignes-1-montant").fill("10000")
    enregistrer(v, "Enregistrer le budget")
    assert page.get_by_text("équilibré", exact=True).is_visible()
    assert LigneBudget.objects.get(dossier=dossier, subvention_metropole=True).montant == Decimal("30000")

    page = section(v, "7. Attestations")
    remplir_champs(
        page,
        {
            "signataire_nom": "Marie Curie",
            "signataire_qualite": "Présidente",
            "titulaire_compte": "Jeunes en route",
            "iban": "FR7630006000011234567890189",
            "bic": "AGRIFRPP",
        },
    )
    page.locator("#id_atteste_contrat_engagement").check()
    page.locator("#id_atteste_exactitude").check()
    enregistrer(v)

    page = section(v, "Consultation des Équipes Pluridisciplinaires de Suivi (EPS)")
    page.locator("input[name=communes][value='76540']").check()
    page.locator("#id_date_consultation").fill("2026-05-15")
    page.locator("#id_justificatif").set_input_files(
        files=[{"name": "compte-rendu-eps.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.locator("#id_commentaire").fill("EPS de Rouen consultée en mai.")
    enregistrer(v)
    assert page.get_by_role("link", name="Télécharger le justificatif enregistré").is_visible()

    page = section(v, "Pièces jointes")
    page.locator("#id_type_piece").select_option("rib")
    page.locator("#id_fichier").set_input_files(files=[{"name": "rib.png", "mimeType": "image/png", "buffer": PNG_1PX}])
    enregistrer(v, "Ajouter la pièce")
    assert page.get_by_role("link", name="Relevé d'identité bancaire (RIB) – rib.png").is_visible()
    v.assert_no_csp_error()


# The journey on a desktop screen and on a phone (issue 15).
@pytest.mark.parametrize("largeur", LARGEURS_PARCOURS)
def test_an_applicant_submits_a_dossier_that_is_instructed_and_decided(world, visite, largeur):
    # Sign-up of a new organisation, email verified, first login.
    v = visite(largeur)
    page = v.page
    page.goto("/aap/")
    v.axe()
    page.goto(f"/aap/appels/{world.appel.slug}/")
    v.axe()
    page.goto("/aap/inscription/")
    v.axe()
    page.locator("#id_prenom").fill("Awa")
    page.locator("#id_nom").fill("Diallo")
    page.locator("#id_email").fill("awa@jeunes-en-route.fr")
    page.locator("#id_password1").fill(MOT_DE_PASSE)
    page.locator("#id_password2").fill(MOT_DE_PASSE)
    page.locator("#id_structure_nom").fill("Jeunes en route")
    page.locator("#id_rna").fill("W761112223")
    submit(page, "Créer mon compte")
    v.axe()
    lien = re.search(r"https?://[^/\s]+(/aap/inscription/verifier/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(lien)
    v.axe()
    submit(page, "Activer mon compte")
    login(page, "awa@jeunes-en-route.fr", MOT_DE_PASSE)
    page.goto(f"/aap/appels/{world.appel.slug}/candidater/")
    v.axe()
    submit(page, "Créer le dossier de mon organisation")
    dossier = Dossier.objects.get(appel=world.appel, porteur__nom="Jeunes en route")
    v.axe()
    remplir_dans_le_navigateur(v, dossier)
    page.goto(f"/aap/dossiers/{dossier.pk}/deposer/")
    v.axe()
    assert page.locator("table .badge", has_text="Incomplète").count() == 0
    submit(page, "Déposer le dossier")
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.DEPOSE
    assert dossier.montant_demande == Decimal("30000")
    assert (
        page.locator(".alert-success")
        .get_by_text(f"Dossier déposé. Accusé de réception n° {dossier.numero_accuse}.")
        .is_visible()
    )
    v.axe()
    v.assert_no_csp_error()

    # The instructor: admissibility, then a proposal to the committee.
    i = visite(largeur)
    second_factor(i.page, world.instructeur, "instr001")
    i.page.goto(f"/aap/dossiers/{dossier.pk}/")
    i.axe()
    recevabilite = i.page.locator("form[action$='/recevabilite/']")
    for case in recevabilite.locator("input[type=checkbox]").all():
        case.check()
    recevabilite.locator("input[name=decision][value=recevable]").check()
    submit(i.page, "Enregistrer", scope=recevabilite)
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.EN_INSTRUCTION
    i.axe()
    notation = i.page.locator("form[action$='/notation/']")
    for select in notation.locator("select").all():
        select.select_option("4")
    notation.locator("input[name$=soumettre]").check()
    submit(i.page, "Enregistrer ma notation", scope=notation)
    assert dossier.evaluations.get(instructeur=world.instructeur).soumise
    proposition = i.page.locator("form[action$='/proposition/']")
    proposition.locator("input[name=avis]").first.check()
    proposition.locator("input[name=montant]").fill("28000")
    submit(i.page, "Enregistrer la proposition", scope=proposition)
    dossier.refresh_from_db()
    assert dossier.proposition_montant == Decimal("28000")
    i.assert_no_csp_error()

    # Coordination records the committee's decision.
    c = visite(largeur)
    second_factor(c.page, world.coordination, "coord002")
    c.page.goto(f"/aap/dossiers/{dossier.pk}/")
    c.axe()
    decision = c.page.locator("form[action$='/decision/']")
    decision.locator("input[name=decision][value=retenu]").check()
    decision.locator("input[name=montant_accorde]").fill("28000")
    submit(c.page, "Enregistrer la décision", scope=decision)
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.RETENU
    assert dossier.montant_accorde == Decimal("28000")
    c.axe()
    c.assert_no_csp_error()


def test_a_budget_line_autosaved_then_saved_is_written_once(world, visite):
    """Issue 15: the autosave created the new lines, then "Enregistrer le budget" created them again."""
    from aap_invisibles.models import LigneBudget

    v = visite()
    page = v.page
    login(page, world.porteur.email, PASSWORD)
    dossier = world.dossier_brouillon
    page.goto(f"/aap/dossiers/{dossier.pk}/sections/6bis/")
    page.locator("#id_montant_demande").fill("4000")
    page.locator("#id_lignes-0-compte").select_option("64")
    page.locator("#id_lignes-0-libelle").fill("Salaires de l'équipe mobile")
    page.locator("#id_lignes-0-montant").fill("38000")
    page.locator("#id_lignes-0-montant").dispatch_event("change")
    expect(page.locator("[data-autosave-statut]")).to_have_text(re.compile("^Brouillon enregistré"))
    assert LigneBudget.objects.filter(dossier=dossier, libelle="Salaires de l'équipe mobile").count() == 1
    submit(page, "Enregistrer le budget")
    lignes = LigneBudget.objects.filter(dossier=dossier, libelle="Salaires de l'équipe mobile")
    assert [ligne.montant for ligne in lignes] == [38000]
