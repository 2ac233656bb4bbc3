"""The XLSX helpers of every export."""

import pytest

from plie_portal.xlsx import neutraliser


@pytest.mark.parametrize("texte", ["=1+1", "+33", "-1", "@SOMME(A1)", "\t=1+1", "\r=1+1"])
def test_a_text_that_a_spreadsheet_could_evaluate_is_quoted(texte):
    assert neutraliser(texte) == "'" + texte


def test_an_ordinary_text_and_a_number_are_left_as_they_are():
    assert (neutraliser("Rouen"), neutraliser(-1)) == ("Rouen", -1)
