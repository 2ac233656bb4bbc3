"""The server-drawn SVG charts (plie_portal/graphiques.py): sizes from the figures, figures as text."""

from plie_portal import graphiques


def test_the_longest_horizontal_bar_fills_the_width_and_a_zero_draws_nothing():
    svg = graphiques.barres_horizontales([("À traiter", 4), ("Terminées", 0)], "Étapes par statut")

    assert 'width="260.0"' in svg  # the zone of a 440-wide chart with its label margin
    assert 'width="0.0"' in svg


def test_the_text_alternative_of_a_bar_chart_lists_every_figure():
    svg = graphiques.barres_horizontales([("À traiter", 4), ("Terminées", 1)], "Étapes par statut")

    assert 'aria-label="Étapes par statut : À traiter 4, Terminées 1"' in svg


def test_an_envelope_says_what_is_granted_simulated_and_left():
    svg = graphiques.enveloppe(154000, [("Accordé", 59000), ("Simulé", 25000)], "Enveloppe")

    assert "Accordé 59\u202f000 €, Simulé 25\u202f000 €, reste 70\u202f000 €" in svg


def test_an_envelope_overrun_is_marked_in_red():
    svg = graphiques.enveloppe(100000, [("Accordé", 80000), ("Simulé", 40000)], "Enveloppe")

    assert "dépassement 20\u202f000 €" in svg
    assert graphiques.ROUGE in svg


def test_a_chart_label_is_escaped():
    svg = graphiques.barres_horizontales([("<script>", 1)], "Titre")

    assert "<script>" not in svg
