"""Coordination pages: FSE+ indicators of a period and yearly objectives."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from parcours.choices import MotifSortie
from parcours.models import Objectif
from parcours.tests.factories import ParcoursFactory


def test_the_indicators_default_to_the_current_calendar_year(world, client_of):
    annee = timezone.localdate().year
    ParcoursFactory(date_orientation=datetime.date(annee, 1, 1), date_entree=datetime.date(annee, 1, 2))
    texte = client_of(world.coordination).get(reverse("parcours:indicateurs")).content.decode()
    assert f"Indicateurs du 01/01/{annee} au 31/12/{annee}" in texte
    assert f'value="{annee}-01-01"' in texte
    assert "Chômeurs de longue durée" in texte and "EECO03" in texte
    assert "EECO15" not in texte


def test_the_indicators_of_a_chosen_period_with_french_labels(world, client_of):
    ParcoursFactory(
        date_sortie=datetime.date(2026, 3, 1), motif_sortie=MotifSortie.EMPLOI_CDI, situation_sortie="emploi"
    )
    ParcoursFactory(date_sortie=datetime.date(2026, 3, 2), motif_sortie=MotifSortie.ABANDON)
    response = client_of(world.coordination).get(
        reverse("parcours:indicateurs"), {"debut": "2026-03-01", "fin": "2026-03-31"}
    )
    texte = response.content.decode()
    assert response.context["resultats"]["sorties"] == 2
    assert response.context["resultats"]["EECR04"] == 1
    assert "0,500 (50,0 %)" in texte
    assert "Taux de sorties positives" in texte


def test_a_period_ending_before_it_starts_is_refused_in_french(world, client_of):
    response = client_of(world.coordination).get(
        reverse("parcours:indicateurs"), {"debut": "2026-03-31", "fin": "2026-03-01"}
    )
    assert "ne peut pas précéder son début" in response.content.decode()
    assert response.context["lignes"] is None


def test_the_objectives_are_added_and_edited(world, client_of):
    Objectif.objects.create(annee=2026)
    client = client_of(world.coordination)
    response = client.post(
        reverse("parcours:objectifs"),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "1",
            "form-0-id": Objectif.objects.get().pk,
            "form-0-annee": "2026",
            "form-0-participants_min": "2300",
            "form-0-participants_max": "2600",
            "form-0-taux_sorties_positives": "0.55",
            "form-1-annee": "2027",
            "form-1-participants_min": "2400",
            "form-1-participants_max": "2500",
            "form-1-taux_sorties_positives": "0.5",
        },
    )
    assert response.status_code == 302
    assert Objectif.objects.get(annee=2026).participants_max == 2600
    assert str(Objectif.objects.get(annee=2026).taux_sorties_positives) == "0.550"
    assert Objectif.objects.get(annee=2027).participants_min == 2400


def test_objectives_with_a_maximum_below_the_minimum_or_a_rate_above_one_are_refused(world, client_of):
    response = client_of(world.coordination).post(
        reverse("parcours:objectifs"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-annee": "2027",
            "form-0-participants_min": "2500",
            "form-0-participants_max": "2300",
            "form-0-taux_sorties_positives": "1.5",
        },
    )
    texte = response.content.decode()
    assert "Le maximum doit être supérieur ou égal au minimum" in texte
    assert "Le taux doit être compris entre 0 et 1" in texte
    assert 'value="2500"' in texte
    assert not Objectif.objects.exists()


def _champs_affiches(page):
    """The inputs of the page as the browser holds them (name → value attribute)."""
    import re

    return dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))


def test_the_objectives_page_renders_numbers_a_browser_keeps(world, client_of):
    import re

    from parcours.models import Objectif

    Objectif.objects.update_or_create(annee=2026, defaults={"taux_sorties_positives": "0.5"})
    page = client_of(world.coordination).get(reverse("parcours:objectifs")).content.decode()
    nombres = re.findall(r'<input[^>]*type="number"[^>]*value="([^"]*)"', page)
    assert nombres and all(re.fullmatch(r"(\d+(\.\d+)?)?", valeur) for valeur in nombres), nombres
    assert 'value="0.500"' in page  # never "0,500", which a number field drops


def test_the_objectives_saved_unchanged_are_saved_without_error(world, client_of):
    from parcours.models import Objectif

    Objectif.objects.update_or_create(annee=2026, defaults={"taux_sorties_positives": "0.5"})
    client = client_of(world.coordination)
    donnees = _champs_affiches(client.get(reverse("parcours:objectifs")).content.decode())
    reponse = client.post(reverse("parcours:objectifs"), donnees)
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    assert Objectif.objects.get(annee=2026).taux_sorties_positives == Decimal("0.5")


def test_the_indicators_page_shows_no_internal_key_only_the_official_codes(world, client_of):
    texte = client_of(world.coordination).get(reverse("parcours:indicateurs")).content.decode()

    assert "EECO01" in texte
    for cle in ("sorties_positives", "taux_sorties_positives", "incomplets", "<code>"):
        assert cle not in texte


def test_the_incomplete_participations_lead_to_the_list_of_incomplete_records(world, client_of):
    annee = timezone.localdate().year
    ParcoursFactory(
        date_orientation=datetime.date(annee, 1, 1), date_entree=datetime.date(annee, 1, 2), participant__sexe=""
    )

    texte = client_of(world.coordination).get(reverse("parcours:indicateurs")).content.decode()

    assert reverse("participants:liste") + "?fse_incomplet=true" in texte


def test_the_period_shown_can_be_exported_as_the_fse_workbook(world, client_of):
    texte = (
        client_of(world.coordination)
        .get(reverse("parcours:indicateurs"), {"debut": "2026-03-01", "fin": "2026-03-31"})
        .content.decode()
    )

    assert reverse("reports:demander", args=["fse"]) in texte
    assert 'name="debut" value="2026-03-01"' in texte and 'name="fin" value="2026-03-31"' in texte


def test_the_indicators_are_split_by_sex_as_the_managing_authority_asks(world, client_of):
    from participants.tests.factories import ParticipantFactory

    for sexe in ("F", "F", "M"):
        ParcoursFactory(
            participant=ParticipantFactory(sexe=sexe),
            date_orientation=datetime.date(2026, 3, 1),
            date_entree=datetime.date(2026, 3, 2),
        )

    response = client_of(world.coordination).get(
        reverse("parcours:indicateurs"), {"debut": "2026-03-01", "fin": "2026-03-31"}
    )

    ligne = next(valeurs for cle, _, valeurs in response.context["lignes"] if cle == "EECO01")
    assert ligne == [3, 2, 1, 0]
    assert "Non binaire" in response.content.decode()


def test_the_indicators_page_draws_entries_and_exits_by_sex(world, client_of):
    texte = client_of(world.coordination).get(reverse("parcours:indicateurs")).content.decode()

    assert 'aria-label="Entrées, sorties et sorties positives par sexe"' in texte
    assert ">Femme</text>" in texte
