"""The daily counters of entries and exits (issue 20, `parcours.models.activite`): one test per write
path proves they stay what counting the participations gives."""

import datetime
import importlib
import io
from collections import Counter

import pytest
from django.apps import apps as registre
from django.core.management import call_command

from parcours.choices import MotifSortie
from parcours.importation import importer
from parcours.indicators import entrees_et_sorties_par_mois
from parcours.models import ActiviteJournaliere, Parcours
from parcours.models.activite import recompter
from parcours.reprise import reprendre
from parcours.tests.factories import ParcoursFactory
from parcours.tests.reprise_exemple import dossier_exemple, octets
from parcours.tests.test_importation import fichier, ligne
from participants.tests.factories import ParticipantFactory

D = datetime.date


def comptes_des_parcours():
    """{(day, counter): n} from the participations themselves (the rule the counters keep)."""
    attendu = Counter()
    for p in Parcours.objects.all():
        if p.date_entree:
            attendu[p.date_entree, "entrees"] += 1
        if p.date_sortie:
            attendu[p.date_sortie, "sorties"] += 1
            if p.sortie_positive:
                attendu[p.date_sortie, "sorties_positives"] += 1
    return attendu


def comptes_tenus():
    lu = Counter()
    for ligne_ in ActiviteJournaliere.objects.all():
        for champ in ("entrees", "sorties", "sorties_positives"):
            if getattr(ligne_, champ):
                lu[ligne_.jour, champ] = getattr(ligne_, champ)
    return lu


def ecarts():
    """The days where the counters and the participations disagree: {} when all is right."""
    attendu, lu = comptes_des_parcours(), comptes_tenus()
    return {cle: (lu.get(cle, 0), n) for cle, n in (attendu | lu).items() if lu.get(cle, 0) != attendu.get(cle, 0)}


def test_validating_at_the_commission_counts_an_entry_on_the_entry_day(world):
    parcours = Parcours.orienter(ParticipantFactory(referent=world.referent), world.referent, D(2026, 3, 2))

    parcours.valider(world.coordination, D(2026, 3, 16))

    assert ActiviteJournaliere.objects.get(jour=D(2026, 3, 16)).entrees >= 1
    assert ecarts() == {}


def test_a_positive_exit_counts_an_exit_and_a_positive_one_on_its_day(world):
    world.parcours.sortir(world.referent, D(2026, 6, 30), MotifSortie.EMPLOI_CDI, clore_etapes=True)

    jour = ActiviteJournaliere.objects.get(jour=D(2026, 6, 30))
    assert (jour.sorties, jour.sorties_positives) == (1, 1)
    assert ecarts() == {}


def test_correcting_an_exits_date_and_motive_moves_it_between_days(world):
    parcours = ParcoursFactory(
        participant__referent=world.referent, date_sortie=D(2026, 6, 30), motif_sortie=MotifSortie.EMPLOI_CDI
    )

    parcours.date_sortie = D(2026, 7, 3)
    parcours.motif_sortie = MotifSortie.ABANDON
    parcours.save()

    assert ActiviteJournaliere.objects.get(jour=D(2026, 6, 30)).sorties == 0
    assert ActiviteJournaliere.objects.get(jour=D(2026, 7, 3)).sorties_positives == 0
    assert ecarts() == {}


def test_saving_a_copy_read_before_another_change_counts_from_the_stored_row(world):
    parcours = ParcoursFactory(participant__referent=world.referent, date_entree=D(2026, 2, 2))
    copie = Parcours.objects.get(pk=parcours.pk)
    parcours.date_entree = D(2026, 2, 9)
    parcours.save()

    copie.date_entree = D(2026, 2, 16)
    copie.save()

    assert ecarts() == {}


def test_deleting_a_parcours_takes_its_entry_and_exit_away(world):
    parcours = ParcoursFactory(
        participant__referent=world.referent, date_sortie=D(2026, 6, 30), motif_sortie=MotifSortie.EMPLOI_CDI
    )

    parcours.delete()

    assert ecarts() == {}


def test_deleting_a_person_takes_their_participations_away(world):
    parcours = ParcoursFactory(participant__referent=world.referent, date_sortie=D(2026, 6, 30))

    parcours.participant.delete()

    assert ecarts() == {}


def test_the_csv_import_counts_the_entries_it_creates(db):
    rapport = importer(fichier(ligne(nom="Garnier", prenom="Inès"), ligne(nom="Roussel", prenom="Yanis")))

    assert rapport.ecrit, rapport.erreurs
    assert ActiviteJournaliere.objects.get(jour=D(2026, 2, 1)).entrees == 2
    assert ecarts() == {}


@pytest.mark.usefixtures("communes")
def test_the_historical_import_counts_the_participations_it_brings(world):
    rapport = reprendre(octets(dossier_exemple(world)))

    assert rapport.ecrit, rapport.erreurs
    assert ecarts() == {}


def test_the_demo_seed_counts_its_participations(db):
    call_command("seed_demo", "--participants", "30", stdout=io.StringIO())

    assert ActiviteJournaliere.objects.exists()
    assert ecarts() == {}


def test_the_migration_and_the_rebuild_count_every_existing_participation(world):
    ParcoursFactory(participant__referent=world.referent, date_sortie=D(2026, 6, 30))
    ActiviteJournaliere.objects.all().delete()
    migration = importlib.import_module("parcours.migrations.0021_activite_journaliere")

    migration.remplir(registre, None)
    assert ecarts() == {}
    recompter()
    assert ecarts() == {}


def test_the_months_of_the_plie_read_from_the_counters_equal_those_of_a_structure_filter(world):
    for jour in (D(2026, 1, 5), D(2026, 1, 31), D(2026, 2, 1)):
        ParcoursFactory(
            participant__referent=world.referent, date_orientation=jour, date_entree=jour, date_sortie=D(2026, 3, 2)
        )

    par_les_compteurs = entrees_et_sorties_par_mois(D(2026, 1, 1), D(2026, 3, 31))
    en_comptant = entrees_et_sorties_par_mois(D(2026, 1, 1), D(2026, 3, 31), Parcours.objects.all())

    assert par_les_compteurs == en_comptant
    assert [m["entrees"] for m in par_les_compteurs][:2] >= [2, 1]
