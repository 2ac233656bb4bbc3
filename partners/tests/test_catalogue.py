"""The step catalogue kept by coordination (partners/views/catalogue.py)."""

import pytest
from django.urls import reverse

from partners.models import CategorieEtape, EtapeType

pytestmark = pytest.mark.django_db


def test_coordination_adds_a_step_type(world, client_of):
    response = client_of(world.coordination).post(
        reverse("partners:catalogue_creer"),
        {"libelle": "Atelier CV", "categorie": CategorieEtape.REMOBILISATION, "code": "atelier-cv"},
    )
    assert response.status_code == 302
    assert EtapeType.objects.get(code="atelier-cv").libelle == "Atelier CV"


def test_renaming_a_step_type_keeps_its_code(world, client_of):
    etape_type = world.etape.type
    client_of(world.coordination).post(
        reverse("partners:catalogue_modifier", args=[etape_type.pk]),
        {"libelle": "Nouveau libellé", "categorie": CategorieEtape.EMPLOI, "code": "pirate"},
    )
    etape_type.refresh_from_db()
    assert etape_type.libelle == "Nouveau libellé" and etape_type.code != "pirate"


def test_a_used_step_type_offers_deactivation_not_deletion(world, client_of):
    page = client_of(world.coordination).get(reverse("partners:catalogue"), {"tri": "usage"}).content.decode()
    assert reverse("partners:catalogue_supprimer", args=[world.etape.type.pk]) not in page
    assert reverse("partners:catalogue_activer", args=[world.etape.type.pk]) in page
    assert reverse("partners:catalogue_supprimer", args=[world.etape_type_libre.pk]) in page


def test_a_used_step_type_is_never_deleted(world, client_of):
    response = client_of(world.coordination).post(
        reverse("partners:catalogue_supprimer", args=[world.etape.type.pk]), follow=True
    )
    assert EtapeType.objects.filter(pk=world.etape.type.pk).exists()
    assert "ne peut pas être supprimé, désactivez-le" in response.content.decode()


def test_an_unused_step_type_is_deleted(world, client_of):
    client_of(world.coordination).post(reverse("partners:catalogue_supprimer", args=[world.etape_type_libre.pk]))
    assert not EtapeType.objects.filter(pk=world.etape_type_libre.pk).exists()


def test_deactivating_then_reactivating_a_step_type(world, client_of):
    client = client_of(world.coordination)
    url = reverse("partners:catalogue_activer", args=[world.etape.type.pk])
    client.post(url)
    assert not EtapeType.objects.get(pk=world.etape.type.pk).actif
    client.post(url)
    assert EtapeType.objects.get(pk=world.etape.type.pk).actif


def test_the_catalogue_filters_by_category_and_counts(world, client_of):
    response = client_of(world.coordination).get(
        reverse("partners:catalogue"), {"categorie": CategorieEtape.REMOBILISATION, "actif": "oui"}
    )
    types = list(response.context["types"])
    assert types and all(t.categorie == CategorieEtape.REMOBILISATION for t in types)
    usage = {t.pk: t.nb_etapes for t in types}
    assert usage[world.etape.type.pk] >= 1


def test_the_catalogue_sorts_both_ways_from_the_column_header(world, client_of):
    client = client_of(world.coordination)
    croissant = [t.libelle for t in client.get(reverse("partners:catalogue"), {"tri": "libelle"}).context["types"]]
    decroissant = [t.libelle for t in client.get(reverse("partners:catalogue"), {"tri": "-libelle"}).context["types"]]
    assert croissant == sorted(croissant) and decroissant == croissant[::-1]
    page = client.get(reverse("partners:catalogue"), {"tri": "libelle"}).content.decode()
    assert 'aria-sort="ascending"' in page and "?tri=-libelle" in page


def test_the_counts_of_steps_and_structures_do_not_multiply_each_other(world, client_of):
    from parcours.tests.factories import EtapeFactory
    from partners.tests.factories import StructureFactory

    type_etape = EtapeType.objects.create(code="compte-test", libelle="Compte test", categorie=CategorieEtape.EMPLOI)
    type_etape.structures.add(*StructureFactory.create_batch(3))
    EtapeFactory.create_batch(2, type=type_etape, parcours=world.etape.parcours)
    types = {t.pk: t for t in client_of(world.coordination).get(reverse("partners:catalogue")).context["types"]}
    if type_etape.pk not in types:  # on another page of the catalogue
        types = {
            t.pk: t
            for t in client_of(world.coordination).get(reverse("partners:catalogue"), {"page": 2}).context["types"]
        }
    assert (types[type_etape.pk].nb_etapes, types[type_etape.pk].nb_structures) == (2, 3)
