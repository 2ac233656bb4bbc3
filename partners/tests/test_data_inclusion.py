"""The directory as data·inclusion records, every one validated by the official package's models
(warnings counted as errors)."""

import pytest
from data_inclusion.schema import v1
from django.test import Client
from django.urls import reverse

from partners.data_inclusion import CORRESPONDANCE, SOURCE
from partners.models import CategorieEtape, Structure
from partners.tests.factories import EtapeTypeFactory, StructureFactory

STRICT = {"ignore_warnings": False}


def lire(nom):
    reponse = Client().get(reverse(f"partners:data_inclusion_{nom}"))
    assert reponse.status_code == 200
    return reponse.json()


@pytest.fixture
def offre(world):
    """The ACI offers a remobilisation workshop."""
    etape = EtapeTypeFactory(libelle="Atelier confiance en soi", categorie=CategorieEtape.REMOBILISATION)
    etape.structures.add(world.aci)
    return etape


def test_every_structure_record_passes_the_official_model(world, offre):
    structures = lire("structures")
    assert structures
    for record in structures:
        v1.Structure.model_validate(record, context=STRICT)


def test_every_service_record_passes_the_official_model(world, offre):
    services = lire("services")
    assert services
    for record in services:
        v1.Service.model_validate(record, context=STRICT)


def test_a_structure_s_offer_becomes_a_service_with_the_schema_s_vocabulary(world, offre):
    (service,) = [s for s in lire("services") if s["id"] == f"{SOURCE}--{world.aci.pk}--{offre.code}"]
    assert service["structure_id"] == f"{SOURCE}--{world.aci.pk}"
    assert service["type"] == "atelier"
    assert set(service["thematiques"]) == {"remobilisation--bien-etre-confiance-en-soi", "remobilisation--lien-social"}
    assert service["zone_eligibilite"] == ["200023414"]


def test_an_organisation_outside_the_plie_is_not_published(world):
    ids = {s["id"] for s in lire("structures")}
    assert f"{SOURCE}--{world.asso.pk}" not in ids
    assert f"{SOURCE}--{world.aci.pk}" in ids


def test_every_step_category_has_a_correspondence():
    assert set(CORRESPONDANCE) == set(CategorieEtape)


def test_a_record_the_official_model_refuses_is_left_out_not_published_broken(world):
    # A SIRET the schema refuses (13 digits) written straight to the base, past the form's check.
    fausse = StructureFactory(nom="Structure au SIRET faux")
    Structure.objects.filter(pk=fausse.pk).update(siret="1234567890123")
    assert f"{SOURCE}--{fausse.pk}" not in {s["id"] for s in lire("structures")}
