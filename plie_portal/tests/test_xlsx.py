"""The XLSX helpers of every export."""

import pytest
from openpyxl import load_workbook

from plie_portal.xlsx import Classeur, neutraliser


@pytest.mark.parametrize("texte", ["=1+1", "+33", "-1", "@SOMME(A1)", "\t=1+1", "\r=1+1"])
def test_a_text_that_a_spreadsheet_could_evaluate_is_quoted(texte):
    assert neutraliser(texte) == "'" + texte


def test_an_ordinary_text_and_a_number_are_left_as_they_are():
    assert (neutraliser("Rouen"), neutraliser(-1)) == ("Rouen", -1)


def test_a_sheet_name_already_taken_gets_a_number_within_excels_31_characters(tmp_path):
    chemin = tmp_path / "c.xlsx"
    classeur = Classeur(chemin)
    long = "Op. " + "X" * 40
    for _ in range(3):
        classeur.feuille(long).ajouter(["une ligne"])
    classeur.enregistrer()

    noms = load_workbook(chemin, read_only=True).sheetnames
    assert noms == ["Op. " + "X" * 27, "Op. " + "X" * 23 + " (2)", "Op. " + "X" * 23 + " (3)"]
