"""The state badge and the score of a dossier on the instruction lists."""

from types import SimpleNamespace

from aap_invisibles.models import StatutDossier
from aap_invisibles.templatetags.dossiers import badge_statut, note_dossier


def test_a_retained_dossier_has_a_green_badge_with_its_label():
    assert badge_statut(SimpleNamespace(statut=StatutDossier.RETENU)) == (
        '<span class="badge text-bg-success">Retenu</span>'
    )


def test_a_dossier_under_instruction_has_the_default_badge():
    assert "text-bg-primary" in badge_statut(SimpleNamespace(statut=StatutDossier.EN_INSTRUCTION))


def test_a_score_is_shown_with_one_decimal_in_french():
    assert note_dossier(SimpleNamespace(score=74, notes_visibles=True)) == "74,0"


def test_a_blind_instructor_is_told_the_score_is_hidden_until_they_score():
    html = note_dossier(SimpleNamespace(score=None, notes_visibles=False))

    assert "note masquée jusqu&#x27;à votre propre notation" in html and 'aria-hidden="true"' in html
