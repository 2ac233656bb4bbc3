"""The instruction at the level of Démarches simplifiées, in a real browser under the CSP: an
instructor asks an EPS member's opinion and sees it arrive; a bulk message from the dashboard."""

import pytest
from playwright.sync_api import expect

from aap_invisibles.models import Message
from accounts.models import User
from accounts.tests.factories import PASSWORD

from .conftest import login
from .test_aap import second_factor, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_instructor_asks_an_opinion_and_sees_it_arrive(world, visite):
    v = visite()
    page = v.page
    second_factor(page, world.instructeur, "avis0001")
    page.goto(world.dossier_autre.get_absolute_url())
    demande = page.get_by_role("region", name="Demander un avis (EPS, Mission Locale…)")
    demande.get_by_label("Adresse e-mail de l'expert·e").fill("eps.maromme@exemple.fr")
    demande.get_by_label("Prénom").fill("Nadia")
    demande.get_by_label("Nom", exact=True).fill("Benali")
    demande.get_by_label("Question posée").fill("Les jeunes visés sont-ils connus de l'EPS ?")
    demande.get_by_label("Avis attendu pour le").fill("2099-01-15")
    submit(page, "Demander l'avis")
    expect(page.get_by_text("Avis demandé : l'expert·e est prévenu·e par e-mail.")).to_be_visible()
    v.axe()

    expert = User.objects.get(email="eps.maromme@exemple.fr")
    expert.set_password(PASSWORD)
    expert.save()
    e = visite()
    login(e.page, expert.email, PASSWORD)
    e.page.get_by_role("link", name=world.dossier_autre.projet_intitule or world.dossier_autre.porteur.nom).click()
    e.page.wait_for_load_state()
    e.axe()
    e.page.get_by_label("Réservé").check()
    e.page.get_by_label("Votre avis motivé").fill("Le repérage suppose l'accord des EPS.")
    submit(e.page, "Transmettre mon avis")
    expect(e.page.get_by_text("Votre avis est transmis à l'équipe d'instruction. Merci.")).to_be_visible()
    e.assert_no_csp_error()

    page.reload()
    expect(page.get_by_text("Avis Réservé", exact=False)).to_be_visible()
    expect(page.get_by_text("Le repérage suppose l'accord des EPS.")).to_be_visible()
    v.assert_no_csp_error()


def test_a_bulk_message_from_the_dashboard_is_confirmed_with_the_count_then_sent(world, visite):
    v = visite()
    page = v.page
    second_factor(page, world.instructeur, "lot00001")
    page.goto("/aap/instruction/")
    page.get_by_label(
        f"Sélectionner le dossier de {world.dossier_autre.porteur.nom} ({world.dossier_autre.appel.titre})"
    ).check()
    page.get_by_label("Pour les dossiers cochés").select_option(label="Envoyer un message aux porteurs")
    submit(page, "Continuer…")
    expect(page.get_by_text("1 dossier concerné :")).to_be_visible()
    page.get_by_label("Objet").fill("Pièce manquante")
    page.get_by_label("Message").fill("Merci de joindre le RIB.")
    submit(page, "Confirmer pour 1 dossier")
    expect(page.get_by_text("1 dossier traité : envoyer un message aux porteurs.")).to_be_visible()
    assert list(Message.objects.filter(objet="Pièce manquante").values_list("dossier_id", flat=True)) == [
        world.dossier_autre.pk
    ]
    v.axe()
