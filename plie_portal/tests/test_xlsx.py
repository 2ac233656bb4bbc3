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


def _lignes(chemin):
    classeur = load_workbook(chemin, read_only=True)
    return {nom: [list(r) for r in classeur[nom].iter_rows(values_only=True)] for nom in classeur.sheetnames}


def test_a_table_longer_than_a_sheet_goes_on_over_a_following_sheet_with_its_headings(tmp_path, monkeypatch):
    from plie_portal import xlsx

    monkeypatch.setattr(xlsx, "LIGNES_PAR_FEUILLE", 3)
    chemin = tmp_path / "long.xlsx"
    classeur = Classeur(chemin)
    feuille = classeur.feuille("Participants", entetes=["Nom", "Rang"])
    for rang in range(1, 6):
        feuille.ajouter([f"P{rang}", rang])
    classeur.enregistrer()

    assert _lignes(chemin) == {
        "Participants": [["Nom", "Rang"], ["P1", 1], ["P2", 2]],
        "Participants – suite 2": [["Nom", "Rang"], ["P3", 3], ["P4", 4]],
        "Participants – suite 3": [["Nom", "Rang"], ["P5", 5]],
    }


def test_excels_own_row_limit_is_the_default_length_of_a_sheet(tmp_path):
    import xlsxwriter

    feuille = xlsxwriter.Workbook(tmp_path / "x.xlsx").add_worksheet()
    assert Classeur(tmp_path / "c.xlsx").lignes_par_feuille == feuille.xls_rowmax


def test_each_cell_keeps_its_type_and_an_empty_text_or_a_missing_value_leaves_no_cell(tmp_path):
    import datetime
    from decimal import Decimal

    chemin = tmp_path / "types.xlsx"
    classeur = Classeur(chemin)
    classeur.feuille("Types").ajouter(
        ["Rouen", "", None, datetime.date(2026, 12, 7), 3, 2.5, True, Decimal("1.5"), "0612", "https://x.fr", "'=1"]
    )
    classeur.enregistrer()

    feuille = load_workbook(chemin)["Types"]
    assert [c.value for c in feuille[1]] == [
        "Rouen",
        None,
        None,
        datetime.datetime(2026, 12, 7),
        3,
        2.5,
        True,
        1.5,
        "0612",
        "https://x.fr",
        "'=1",
    ]
    assert feuille["D1"].number_format == "dd/mm/yyyy"
    assert feuille["I1"].data_type == "s" and not feuille["J1"].hyperlink
