"""The decided grants as open data, checked against the SCDL "subventions" schema with frictionless."""

import csv
import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from frictionless import Resource, Schema, validate

from aap_invisibles.models import Convention, StatutDossier, Versement
from aap_invisibles.scdl import COLONNES
from aap_invisibles.tests.factories import dossier_depose
from partners.tests.factories import StructureFactory

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "scdl_subventions.schema.json"


def telecharger():
    return Client().get(reverse("aap_invisibles:subventions_csv"))


def retenir(world, porteur, montant, accorde):
    dossier = dossier_depose(world.appel, porteur, Decimal(montant), StatutDossier.EN_INSTRUCTION)
    dossier.retenir(world.coordination, Decimal(accorde))
    return dossier


@pytest.fixture
def subventions(world):
    """Two grants: one of 30,000 € with a signed convention paid in two instalments, one of 12,500 €."""
    world.appel.reference_deliberation = "C2026-0412"
    world.appel.save()
    world.tremplin = StructureFactory(nom="Association Tremplin", siret="78467169500087", partenaire_plie=False)
    grande = retenir(world, world.tremplin, "30000", "30000")
    Convention.objects.create(dossier=grande, date_signature=datetime.date(2026, 7, 1))
    Versement.objects.create(
        dossier=grande,
        nature="avance",
        montant=Decimal("15000"),
        date=datetime.date(2026, 7, 15),
        enregistre_par=world.coordination,
    )
    Versement.objects.create(
        dossier=grande,
        nature="solde",
        montant=Decimal("15000"),
        date=datetime.date(2027, 1, 20),
        enregistre_par=world.coordination,
    )
    petite = retenir(
        world,
        StructureFactory(nom="Les Invisibles", siret="44306184100047", partenaire_plie=False),
        "20000",
        "12500.50",
    )
    return grande, petite


def lignes():
    return list(csv.DictReader(io.StringIO(telecharger().content.decode("utf-8"))))


def test_the_file_validates_against_the_scdl_schema(world, subventions, tmp_path):
    fichier = tmp_path / "subventions.csv"
    fichier.write_bytes(telecharger().content)
    rapport = validate(
        Resource(
            path=fichier.name, basepath=str(tmp_path), schema=Schema.from_descriptor(json.loads(SCHEMA.read_text()))
        )
    )
    assert rapport.valid, rapport.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_header_lists_the_fourteen_columns_in_the_format_s_order(world, subventions):
    entete = telecharger().content.decode("utf-8").splitlines()[0]
    assert (
        entete.split(",")
        == COLONNES
        == [f["name"] for f in Schema.from_descriptor(json.loads(SCHEMA.read_text())).to_dict()["fields"]]
    )


def test_a_grant_reads_with_decimal_point_iso_dates_and_the_two_sirets(world, subventions):
    grande = next(ligne for ligne in lignes() if ligne["idBeneficiaire"] == "78467169500087")
    assert grande == {
        "nomAttribuant": "Métropole Rouen Normandie",
        "idAttribuant": "20002341400010",
        "dateConvention": "2026-07-01",
        "referenceDecision": "C2026-0412",
        "nomBeneficiaire": "Association Tremplin",
        "idBeneficiaire": "78467169500087",
        "objet": subventions[0].projet_intitule or world.appel.titre,
        "montant": "30000.00",
        "nature": "aide en numéraire",
        "conditionsVersement": "echelonne",
        "datesPeriodeVersement": "2026-07-15_2027-01-20",
        "idRAE": "",
        "notificationUE": "non",
        "pourcentageSubvention": "1",
    }


def test_a_grant_without_convention_is_dated_by_its_decision(world, subventions):
    from django.utils import timezone

    petite = next(ligne for ligne in lignes() if ligne["idBeneficiaire"] == "44306184100047")
    assert (petite["dateConvention"], petite["montant"]) == (timezone.localdate().isoformat(), "12500.50")


def test_a_dossier_not_retained_is_not_published(world, subventions):
    dossier = dossier_depose(
        world.appel, StructureFactory(siret="51234567800019", partenaire_plie=False), statut=StatutDossier.REFUSE
    )
    assert dossier.porteur.siret not in {ligne["idBeneficiaire"] for ligne in lignes()}


def test_a_grant_whose_organisation_has_no_siret_is_left_out_and_counted(world, subventions):
    from aap_invisibles.scdl import sans_siret

    sans = retenir(world, StructureFactory(siret="", partenaire_plie=False), "10000", "5000")
    sans.siret = ""
    sans.save()
    assert sans in sans_siret()
    assert sans.porteur.nom not in {ligne["nomBeneficiaire"] for ligne in lignes()}


def test_the_file_is_public_utf8_csv(world):
    reponse = telecharger()
    assert reponse["Content-Type"] == "text/csv; charset=utf-8"


def test_the_schema_refuses_a_decimal_comma_so_the_validation_is_not_vacuous(world, subventions, tmp_path):
    texte = telecharger().content.decode("utf-8").replace("30000.00", '"30000,00"')
    (tmp_path / "faux.csv").write_text(texte, encoding="utf-8")
    rapport = validate(
        Resource(path="faux.csv", basepath=str(tmp_path), schema=Schema.from_descriptor(json.loads(SCHEMA.read_text())))
    )
    assert [e.type for e in rapport.tasks[0].errors] == ["type-error"]


def test_coordination_is_told_which_grants_wait_for_a_siret(world, client_of):
    sans = retenir(world, StructureFactory(nom="Asso sans SIRET", siret="", partenaire_plie=False), "10000", "5000")
    page = client_of(world.coordination).get(reverse("aap_invisibles:gestion")).content.decode()
    assert "faute de SIRET" in page and sans.porteur.nom in page
