"""FSE+ indicators: one story per key, with the boundaries of DESIGN §2."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from parcours.choices import MotifSortie, Nationalite, NiveauFormation, SituationSortie, StatutMarcheTravail
from parcours.indicators import CLES, calculer_indicateurs, taux
from parcours.models import Parcours
from parcours.tests.factories import ParcoursFactory
from participants.tests.factories import ParticipantFactory
from plie_portal.dates import months_before

pytestmark = pytest.mark.django_db

D = datetime.date
DEBUT, FIN = D(2026, 1, 1), D(2026, 12, 31)
ENTREE = D(2026, 6, 15)
NAISSANCE = D(1990, 5, 17)
SORTIE, ENTREE_ANCIENNE = D(2026, 9, 30), D(2025, 3, 1)


def entree(date_entree=ENTREE, naissance=NAISSANCE, sexe="F", **champs):
    """A complete participation entering on `date_entree` (inactive, CAP level unless told)."""
    champs.setdefault("statut_marche_travail", StatutMarcheTravail.INACTIF)
    champs.setdefault("niveau_formation", NiveauFormation.NIVEAU_3)
    participant = ParticipantFactory(date_naissance=naissance, sexe=sexe)
    return ParcoursFactory(
        participant=participant,
        date_orientation=min(date_entree, D(2020, 1, 1)),
        date_entree=date_entree,
        **champs,
    )


def sortie(date_sortie=SORTIE, date_entree=ENTREE_ANCIENNE, **champs):
    champs.setdefault("motif_sortie", MotifSortie.AUTRE)
    return entree(date_entree=date_entree, date_sortie=date_sortie, **champs)


def calcul():
    return calculer_indicateurs(DEBUT, FIN)


def test_the_keys_are_exactly_those_of_the_design_table_without_eeco15():
    attendu = [f"EECO{i:02d}" for i in range(1, 18) if i != 15]
    attendu += [f"EECR{i:02d}" for i in range(1, 7)]
    attendu += ["sorties", "sorties_positives", "taux_sorties_positives", "incomplets"]
    assert list(calcul()) == attendu == list(CLES)


def test_eeco01_counts_participations_not_persons_and_includes_both_period_bounds():
    premier = entree(date_entree=DEBUT, date_sortie=D(2026, 3, 1))
    ParcoursFactory(
        participant=premier.participant,
        date_orientation=D(2026, 3, 2),
        date_entree=FIN,
        statut_marche_travail=StatutMarcheTravail.EN_EMPLOI,
    )
    entree(date_entree=D(2025, 12, 31))
    entree(date_entree=D(2027, 1, 1))
    resultat = calcul()
    assert resultat["EECO01"] == 2
    assert resultat["EECO01"] == resultat["EECO02"] + resultat["EECO04"] + resultat["EECO05"]


def test_eeco02_counts_the_unemployed_including_long_term():
    entree(statut_marche_travail=StatutMarcheTravail.CHOMEUR, date_debut_chomage=D(2020, 1, 1))
    entree(statut_marche_travail=StatutMarcheTravail.CHOMEUR)
    entree(statut_marche_travail=StatutMarcheTravail.INACTIF)
    assert calcul()["EECO02"] == 2


@pytest.mark.parametrize(
    ("date_entree", "debut_chomage", "longue_duree"),
    [
        (D(2026, 6, 15), D(2025, 6, 15), True),  # exactly twelve months
        (D(2026, 6, 15), D(2025, 6, 16), False),  # one day short
        (D(2026, 6, 15), D(2020, 1, 1), True),
        (D(2028, 2, 29), D(2027, 2, 28), True),  # 29 Feb -> 28 Feb of the year before
        (D(2027, 2, 28), D(2026, 2, 28), True),
        (D(2027, 2, 28), D(2026, 3, 1), False),
        (D(2026, 3, 31), D(2025, 3, 31), True),
        (D(2026, 3, 31), D(2025, 4, 1), False),
        (D(2025, 2, 28), D(2024, 2, 29), False),  # 12 months before 28/02/2025 is 28/02/2024
        (D(2025, 2, 28), D(2024, 2, 28), True),
    ],
)
def test_eeco03_long_term_unemployment_follows_calendar_months(date_entree, debut_chomage, longue_duree):
    parcours = entree(
        date_entree=date_entree, statut_marche_travail=StatutMarcheTravail.CHOMEUR, date_debut_chomage=debut_chomage
    )
    resultat = calculer_indicateurs(date_entree, date_entree)
    assert resultat["EECO03"] == int(longue_duree)
    assert parcours.chomeur_longue_duree is longue_duree
    assert (debut_chomage <= months_before(date_entree, 12)) is longue_duree


def test_eeco03_needs_a_start_date_and_the_unemployed_status():
    entree(statut_marche_travail=StatutMarcheTravail.CHOMEUR, date_debut_chomage=None)
    entree(statut_marche_travail=StatutMarcheTravail.INACTIF, date_debut_chomage=D(2020, 1, 1))
    resultat = calcul()
    assert resultat["EECO03"] == 0
    assert resultat["EECO02"] == 1


def test_eeco04_counts_the_inactive():
    entree(statut_marche_travail=StatutMarcheTravail.INACTIF)
    entree(statut_marche_travail=StatutMarcheTravail.EN_EMPLOI)
    assert calcul()["EECO04"] == 1


def test_eeco05_counts_the_employed():
    entree(statut_marche_travail=StatutMarcheTravail.EN_EMPLOI)
    entree(statut_marche_travail=StatutMarcheTravail.EN_EMPLOI)
    entree(statut_marche_travail=StatutMarcheTravail.CHOMEUR)
    assert calcul()["EECO05"] == 2


def test_eeco06_under_18_turns_false_on_the_18th_birthday():
    entree(naissance=D(2008, 6, 15))  # 18 on the entry day
    entree(naissance=D(2008, 6, 16))  # 17 until tomorrow
    resultat = calcul()
    assert resultat["EECO06"] == 1
    assert resultat["EECO07"] == 1


def test_eeco06_someone_born_on_29_february_is_18_on_1_march_not_28_february():
    entree(naissance=D(2008, 2, 29), date_entree=D(2026, 2, 28))
    entree(naissance=D(2008, 2, 29), date_entree=D(2026, 3, 1))
    resultat = calcul()
    assert resultat["EECO06"] == 1
    assert resultat["EECO07"] == 1


def test_eeco07_18_to_29_includes_the_29_year_olds_and_not_the_30th_birthday():
    entree(naissance=D(1996, 6, 15))  # 30 on the entry day
    entree(naissance=D(1996, 6, 16))  # still 29
    entree(naissance=D(2008, 6, 15))  # 18 on the entry day
    assert calcul()["EECO07"] == 2


def test_eeco08_55_and_over_counts_from_the_55th_birthday():
    entree(naissance=D(1971, 6, 15))  # 55 on the entry day
    entree(naissance=D(1971, 6, 16))  # 54
    entree(naissance=D(1940, 1, 1))
    assert calcul()["EECO08"] == 2


def test_eeco09_isced_0_2_includes_no_schooling_at_all():
    entree(niveau_formation=NiveauFormation.AUCUN)
    entree(niveau_formation=NiveauFormation.INFRA_3)
    entree(niveau_formation=NiveauFormation.NIVEAU_3)
    resultat = calcul()
    assert resultat["EECO09"] == 2
    assert resultat["incomplets"] == 0


def test_eeco10_isced_3_4():
    entree(niveau_formation=NiveauFormation.NIVEAU_3)
    entree(niveau_formation=NiveauFormation.NIVEAU_4)
    entree(niveau_formation=NiveauFormation.NIVEAU_5)
    assert calcul()["EECO10"] == 2


def test_eeco11_isced_5_8():
    for niveau in (NiveauFormation.NIVEAU_5, NiveauFormation.NIVEAU_6, NiveauFormation.NIVEAU_7):
        entree(niveau_formation=niveau)
    entree(niveau_formation=NiveauFormation.NIVEAU_8)
    entree(niveau_formation=NiveauFormation.NIVEAU_4)
    assert calcul()["EECO11"] == 4


def test_eeco12_counts_rqth_yes_and_not_aah_alone_nor_unknown():
    entree(rqth=True)
    entree(rqth=None, aah=True)
    entree(rqth=False, aah=True)
    entree(rqth=None)
    assert calcul()["EECO12"] == 1


def test_eeco13_counts_non_eu_and_not_an_empty_nationality():
    entree(nationalite=Nationalite.HORS_UE)
    entree(nationalite=Nationalite.UE)
    entree(nationalite="")
    entree(nationalite=Nationalite.FRANCAISE)
    assert calcul()["EECO13"] == 1


def test_eeco14_counts_foreign_background_yes_only():
    entree(origine_etrangere=True)
    entree(origine_etrangere=None)
    entree(origine_etrangere=False)
    assert calcul()["EECO14"] == 1


def test_eeco16_counts_housing_exclusion_yes_only():
    entree(sans_domicile=True)
    entree(sans_domicile=None)
    entree(sans_domicile=False)
    assert calcul()["EECO16"] == 1


def test_eeco17_counts_rural_area_yes_only():
    entree(zone_rurale=True)
    entree(zone_rurale=True)
    entree(zone_rurale=None)
    assert calcul()["EECO17"] == 2


def test_eecr01_situation_at_exit_job_seeking_whatever_the_entry_date():
    sortie(situation_sortie=SituationSortie.RECHERCHE_EMPLOI, date_entree=D(2019, 1, 1))
    sortie(situation_sortie=SituationSortie.RECHERCHE_EMPLOI, date_sortie=D(2025, 12, 31))
    sortie(situation_sortie=SituationSortie.EMPLOI)
    resultat = calcul()
    assert resultat["EECR01"] == 1
    assert resultat["EECO01"] == 0


def test_eecr02_situation_at_exit_training():
    sortie(situation_sortie=SituationSortie.FORMATION, date_sortie=FIN)
    sortie(situation_sortie=SituationSortie.FORMATION, date_sortie=D(2027, 1, 1))
    assert calcul()["EECR02"] == 1


def test_eecr03_qualification_obtained_yes_only():
    sortie(qualification_obtenue=True, date_sortie=DEBUT)
    sortie(qualification_obtenue=None)
    sortie(qualification_obtenue=False)
    assert calcul()["EECR03"] == 1


def test_eecr04_situation_at_exit_employment():
    sortie(situation_sortie=SituationSortie.EMPLOI)
    sortie(situation_sortie=SituationSortie.INCONNUE)
    assert calcul()["EECR04"] == 1


def test_eecr05_in_employment_six_months_after_yes_only():
    sortie(emploi_6_mois=True)
    sortie(emploi_6_mois=None)
    sortie(emploi_6_mois=False)
    assert calcul()["EECR05"] == 1


def test_eecr06_situation_improved_six_months_after_yes_only():
    sortie(situation_amelioree_6_mois=True)
    sortie(situation_amelioree_6_mois=True)
    sortie(situation_amelioree_6_mois=None)
    assert calcul()["EECR06"] == 2


def test_sorties_counts_the_exits_of_the_period_including_both_bounds():
    sortie(date_sortie=DEBUT)
    sortie(date_sortie=FIN)
    sortie(date_sortie=D(2025, 12, 31))
    sortie(date_sortie=D(2027, 1, 1), date_entree=D(2026, 2, 1))
    resultat = calcul()
    assert resultat["sorties"] == 2
    assert resultat["EECO01"] == 1


def test_sorties_positives_reads_the_exit_reason_only():
    sortie(motif_sortie=MotifSortie.EMPLOI_CDI, situation_sortie=SituationSortie.INACTIF)
    sortie(motif_sortie=MotifSortie.FORMATION_QUALIFIANTE)
    sortie(motif_sortie=MotifSortie.EMPLOI_COURT, situation_sortie=SituationSortie.EMPLOI)
    resultat = calcul()
    assert resultat["sorties_positives"] == 2
    assert resultat["sorties"] == 3


def test_taux_sorties_positives_is_rounded_half_up_to_three_decimals():
    sortie(motif_sortie=MotifSortie.EMPLOI_CDI)
    sortie(motif_sortie=MotifSortie.ALTERNANCE)
    sortie(motif_sortie=MotifSortie.ABANDON)
    assert calcul()["taux_sorties_positives"] == 0.667
    assert taux(1, 8) == 0.125
    assert taux(1, 16) == 0.063  # 0.0625 rounds half-up, not to even
    assert taux(5, 5) == 1.0


def test_taux_sorties_positives_is_zero_without_exit():
    entree()
    resultat = calcul()
    assert resultat["taux_sorties_positives"] == 0
    assert isinstance(resultat["taux_sorties_positives"], float)


@pytest.mark.parametrize(
    "manque",
    [
        {"sexe": ""},
        {"statut_marche_travail": ""},
        {"niveau_formation": ""},
    ],
)
def test_incomplets_are_counted_only_there_exits_included(manque):
    sexe = manque.pop("sexe", "F")
    incomplet = entree(
        sexe=sexe,
        date_entree=D(2026, 2, 1),
        date_sortie=D(2026, 5, 1),
        motif_sortie=MotifSortie.EMPLOI_CDI,
        situation_sortie=SituationSortie.EMPLOI,
        qualification_obtenue=True,
        emploi_6_mois=True,
        situation_amelioree_6_mois=True,
        rqth=True,
        zone_rurale=True,
        sans_domicile=True,
        origine_etrangere=True,
        nationalite=Nationalite.HORS_UE,
        **{"statut_marche_travail": StatutMarcheTravail.CHOMEUR, "date_debut_chomage": D(2020, 1, 1), **manque},
    )
    assert not incomplet.fse_complet
    resultat = calcul()
    assert resultat["incomplets"] == 1
    assert all(valeur == 0 for cle, valeur in resultat.items() if cle != "incomplets")


def test_incomplets_only_counts_those_entering_in_the_period():
    entree(niveau_formation="", date_entree=D(2025, 6, 1))
    entree(niveau_formation="", date_entree=FIN)
    assert calcul()["incomplets"] == 1


def test_a_base_queryset_narrows_the_participations_counted():
    garde = entree(rqth=True)
    entree(rqth=True)
    resultat = calculer_indicateurs(DEBUT, FIN, Parcours.objects.filter(pk=garde.pk))
    assert resultat["EECO01"] == 1
    assert resultat["EECO12"] == 1


def test_the_indicators_take_three_queries_at_most_whatever_the_number_of_rows(django_assert_max_num_queries):
    for i in range(30):
        entree(date_entree=D(2026, 1, 1) + datetime.timedelta(days=i))
        sortie()
    with django_assert_max_num_queries(2):
        calcul()


def test_the_command_prints_one_json_object_keyed_as_the_table():
    entree(rqth=True)
    sortie(motif_sortie=MotifSortie.EMPLOI_CDI)
    sortie()
    out = StringIO()
    call_command("indicateurs_fse", "--debut", "2026-01-01", "--fin", "2026-12-31", "--json", stdout=out)
    resultat = json.loads(out.getvalue())
    assert list(resultat) == list(CLES)
    assert resultat["EECO01"] == 1
    assert resultat["EECO12"] == 1
    assert resultat["sorties"] == 2
    assert resultat["taux_sorties_positives"] == 0.5


def test_the_command_prints_a_human_table_by_default():
    entree()
    out = StringIO()
    call_command("indicateurs_fse", "--debut", "2026-01-01", "--fin", "2026-12-31", stdout=out)
    texte = out.getvalue()
    assert "Indicateurs FSE+ du 01/01/2026 au 31/12/2026" in texte
    assert "EECO01" in texte and "Participants" in texte


def test_the_command_refuses_a_bad_date_in_french():
    with pytest.raises(CommandError, match="Date invalide"):
        call_command("indicateurs_fse", "--debut", "01/01/2026", "--fin", "2026-12-31")
