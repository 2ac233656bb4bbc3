"""The bilan d'exécution of an FSE+ operation (issue 17): the workbook's sheets, the participants
in the managing authority's layout from the mapping file, a wrong mapping refused with its line."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from parcours.operations import bilan

pytestmark = pytest.mark.django_db


def classeur(world, tmp_path, code="bilan"):
    sortie = tmp_path / "bilan.xlsx"
    call_command(
        "generer_rapport",
        code,
        "--operation",
        str(world.operation.pk),
        "--debut",
        "2026-01-01",
        "--fin",
        "2026-12-31",
        "--sortie",
        str(sortie),
        stdout=io.StringIO(),
    )
    return sortie


def test_the_workbook_has_the_synthesis_the_participations_the_activity_and_the_export(world, tmp_path):
    feuilles = load_workbook(classeur(world, tmp_path))

    assert feuilles.sheetnames == ["Synthèse", "Participations", "Export autorité de gestion", "Activité"]
    synthese = {ligne[0]: ligne[1] for ligne in feuilles["Synthèse"].iter_rows(values_only=True) if ligne}
    assert (synthese["Participants prévus"], synthese["Participations de la période"]) == (500, 2)


def test_the_export_follows_the_columns_of_the_mapping_file(world, tmp_path):
    lignes = list(load_workbook(classeur(world, tmp_path))["Export autorité de gestion"].iter_rows(values_only=True))

    assert lignes[0][:3] == ("Numéro d'opération", "Identifiant du participant", "Nom")
    assert {ligne[2] for ligne in lignes[1:]} == {world.participant.nom, world.participant_collegue.nom}
    assert {ligne[0] for ligne in lignes[1:]} == {"202600001"}


def test_a_plie_adjusts_the_layout_with_its_own_mapping_file(world, tmp_path, settings):
    fichier = tmp_path / "ma_correspondance.csv"
    fichier.write_text("colonne;champ\nNOM_USAGE;nom\nDATE_ENTREE;date_entree\n", encoding="utf-8")
    settings.PLIE_CORRESPONDANCE_AG = str(fichier)

    assert [titre for titre, _lire in bilan.correspondance()] == ["NOM_USAGE", "DATE_ENTREE"]


def test_a_mapping_naming_an_unknown_field_is_refused_with_its_line(tmp_path):
    fichier = tmp_path / "faux.csv"
    fichier.write_text("colonne;champ\nNom;nom\nRevenu;salaire\n", encoding="utf-8")

    with pytest.raises(bilan.CorrespondanceInvalide, match="ligne 3 : champ inconnu « salaire »"):
        bilan.correspondance(fichier)


def test_the_pdf_bilan_is_produced(world, tmp_path):
    sortie = tmp_path / "bilan.pdf"
    call_command(
        "generer_rapport",
        "bilan_pdf",
        "--operation",
        str(world.operation.pk),
        "--debut",
        "2026-01-01",
        "--fin",
        "2026-12-31",
        "--sortie",
        str(sortie),
        stdout=io.StringIO(),
    )

    assert sortie.read_bytes().startswith(b"%PDF")
