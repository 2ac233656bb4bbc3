"""Coordination creates and edits structures, contacts and offers (partners/views/structures.py)."""

import pytest
from django.urls import reverse

from partners.models import Contact, Structure
from partners.siret import make_siret
from partners.tests.factories import ContactFactory, EtapeTypeFactory

pytestmark = pytest.mark.django_db


def donnees(**extra):
    return {
        "nom": "Régie de quartier Grand-Quevilly",
        "type": "association",
        "commune": "76322",
        "actif": "on",
        "partenaire_plie": "on",
        **extra,
    }


def test_coordination_creates_a_structure_with_a_siret_typed_with_spaces(world, client_of):
    siret = make_siret(424_242)
    avec_espaces = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    response = client_of(world.coordination).post(reverse("partners:creer"), donnees(siret=avec_espaces))
    structure = Structure.objects.get(nom="Régie de quartier Grand-Quevilly")
    assert response.status_code == 302 and response["Location"] == reverse("partners:detail", args=[structure.pk])
    assert structure.siret == siret and structure.nom_normalise == "regie de quartier grand-quevilly"


def test_a_siret_with_a_wrong_key_is_refused_in_french_and_the_form_keeps_what_was_typed(world, client_of):
    faux = make_siret(424_242)[:-1] + str((int(make_siret(424_242)[-1]) + 1) % 10)
    response = client_of(world.coordination).post(reverse("partners:creer"), donnees(siret=faux))
    assert response.status_code == 200
    assert "clé de contrôle ne correspond pas" in response.content.decode()
    assert "Régie de quartier Grand-Quevilly" in response.content.decode()
    assert not Structure.objects.filter(nom="Régie de quartier Grand-Quevilly").exists()


def test_a_siret_already_used_is_refused_with_a_clear_message(world, client_of):
    response = client_of(world.coordination).post(reverse("partners:creer"), donnees(siret=world.aci.siret))
    assert "Une structure avec ce SIRET existe déjà." in response.content.decode()


def test_coordination_edits_a_structure(world, client_of):
    client_of(world.coordination).post(
        reverse("partners:modifier", args=[world.aci.pk]), donnees(nom="ACI renommé", siret=world.aci.siret)
    )
    world.aci.refresh_from_db()
    assert world.aci.nom == "ACI renommé" and world.aci.commune_id == "76322"


def test_coordination_adds_edits_and_deletes_a_contact(world, client_of):
    client = client_of(world.coordination)
    client.post(
        reverse("partners:contact_ajouter", args=[world.ccas.pk]),
        {"prenom": "Nadia", "nom": "Belkacem", "fonction": "Conseillère", "email": "nadia@ccas.fr"},
    )
    contact = Contact.objects.get(nom="Belkacem")
    assert contact.structure == world.ccas
    client.post(reverse("partners:contact_modifier", args=[contact.pk]), {"prenom": "Nadia", "nom": "Belkacem-Roux"})
    contact.refresh_from_db()
    assert contact.nom == "Belkacem-Roux" and contact.structure == world.ccas
    page = client.get(reverse("partners:detail", args=[world.ccas.pk])).content.decode()
    assert 'data-confirm="Supprimer le contact Nadia Belkacem-Roux ?"' in page
    client.post(reverse("partners:contact_supprimer", args=[contact.pk]))
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_a_contact_cannot_be_deleted_with_a_get(world, client_of):
    contact = ContactFactory(structure=world.ccas)
    assert (
        client_of(world.coordination).get(reverse("partners:contact_supprimer", args=[contact.pk])).status_code == 405
    )
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_coordination_sets_the_step_types_a_structure_offers(world, client_of):
    mobilite = EtapeTypeFactory(code="mobilite-test", libelle="Mobilité")
    inactif = EtapeTypeFactory(code="ancien-test", libelle="Ancien", actif=False)
    client = client_of(world.coordination)
    page = client.get(reverse("partners:offres", args=[world.ccas.pk])).content.decode()
    assert "Mobilité" in page and "Ancien" not in page
    client.post(reverse("partners:offres", args=[world.ccas.pk]), {"offres": [mobilite.pk]})
    assert list(world.ccas.offres.all()) == [mobilite]
    assert inactif not in world.ccas.offres.all()
