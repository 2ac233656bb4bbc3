"""Calls for projects: an applicant signs up, starts and submits a dossier; the instructor declares
it admissible, scores it and proposes an amount; coordination records the committee's decision."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from aap_invisibles.models import Dossier, StatutDossier
from aap_invisibles.tests.factories import remplir
from accounts import otp
from accounts.tests.factories import PASSWORD

from .conftest import login

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


def test_an_applicant_submits_a_dossier_that_is_instructed_and_decided(world, visite):
    # Sign-up of a new organisation, email verified, first login.
    v = visite()
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
    # The seven Cerfa sections are filled as the editor would (their forms have their own tests).
    remplir(dossier, montant=Decimal("30000"))
    page.goto(f"/aap/dossiers/{dossier.pk}/deposer/")
    v.axe()
    submit(page, "Déposer le dossier")
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.DEPOSE
    v.axe()
    v.assert_no_csp_error()

    # The instructor: admissibility, then a proposal to the committee.
    i = visite()
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
    c = visite()
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
