"""The Cerfa sections (issue 15): a tick per complete section in the menu, "Enregistrer et
continuer" to the next section, and one message per save."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def section(dossier, code):
    return reverse("aap_invisibles:dossier_section", kwargs={"pk": dossier.pk, "code": code})


def test_the_section_menu_ticks_a_complete_section_and_not_an_incomplete_one(world, client_of):
    dossier = world.dossier_brouillon
    client = client_of(world.porteur)
    client.post(section(dossier, "3"), {"reseaux": "Membre du réseau des centres sociaux"})

    page = client.get(section(dossier, "1")).content.decode()

    assert '3. Relations avec d&#x27;autres associations</a><span class="visually-hidden"> – complète</span>' in page
    assert '1. Identification de l&#x27;association</a><span class="visually-hidden"> – à compléter</span>' in page


def test_save_and_continue_opens_the_next_section(world, client_of):
    dossier = world.dossier_brouillon
    reponse = client_of(world.porteur).post(
        section(dossier, "3"), {"reseaux": "Membre du réseau des centres sociaux", "continuer": "1"}
    )

    assert reponse.status_code == 302
    assert reponse["Location"] == section(dossier, "4")


def test_the_last_section_leads_on_to_the_deposit_checklist(world, client_of):
    dossier = world.dossier_brouillon
    page = client_of(world.porteur).get(section(dossier, "pieces")).content.decode()

    assert reverse("aap_invisibles:dossier_deposer", kwargs={"pk": dossier.pk}) in page
    assert "Continuer vers le dépôt" in page


def test_a_save_shows_one_message_about_the_section(world, client_of):
    dossier = world.dossier_brouillon
    page = (
        client_of(world.porteur)
        .post(section(dossier, "3"), {"reseaux": "Membre du réseau des centres sociaux"}, follow=True)
        .content.decode()
    )

    assert page.count("Section enregistrée et complète.") == 1
    assert "Section complète." not in page
