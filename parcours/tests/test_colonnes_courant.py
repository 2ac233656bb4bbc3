"""The columns kept from the parcours (issue 20, `parcours.models.courant`): one test per write path
proves they stay what the Python rules of the models say."""

import datetime
import importlib
import io
import random

import pytest
from django.apps import apps as registre
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parcours.choices import MotifSortie, StatutMarcheTravail, TrancheAge
from parcours.importation import importer
from parcours.models import Parcours, PieceFSE
from parcours.models.courant import EN_COURS, poser_premiere_participation, statut_de
from parcours.reprise import reprendre
from parcours.tests.factories import ParcoursFactory
from parcours.tests.reprise_exemple import dossier_exemple, octets
from parcours.tests.test_importation import fichier, ligne
from participants.fusion import fusionner
from participants.models import Participant, StatutParcours
from participants.tests.factories import DocumentFactory, ParticipantFactory

D = datetime.date


def tranche_attendue(parcours):
    age = parcours.age_entree()
    if age is None:
        return ""
    if age < 18:
        return TrancheAge.MOINS_DE_18
    if age < 30:
        return TrancheAge.DE_18_A_29
    if age < 55:
        return TrancheAge.DE_30_A_54
    return TrancheAge.PLUS_DE_55


def ecarts(participants=None):
    """Every kept column that differs from what the Python rules give: [] when all is right."""
    differences = []
    for personne in participants or Participant.objects.prefetch_related("parcours"):
        personne = Participant.objects.get(pk=personne.pk)
        tous = list(Parcours.objects.filter(participant=personne).select_related("participant"))
        courant = max(tous, key=lambda p: (p.date_orientation, p.pk), default=None)
        fins = [p.date_sortie or EN_COURS for p in tous if p.date_entree]
        attendu = (
            statut_de(courant),
            courant.date_entree if courant else None,
            bool(courant) and not courant.fse_complet,
            max(fins, default=None),
        )
        lu = (
            personne.statut_parcours,
            personne.date_entree_parcours,
            personne.parcours_incomplet,
            personne.fin_accompagnement,
        )
        if lu != attendu:
            differences.append((personne.pk, "participant", attendu))
        for parcours in tous:
            colonnes = (
                parcours.courant,
                parcours.complet_fse,
                parcours.tranche_age_entree,
                parcours.chomage_longue_duree,
                parcours.a_completer,
            )
            regle = (
                parcours == courant,
                parcours.fse_complet,
                tranche_attendue(parcours),
                parcours.chomeur_longue_duree,
                not parcours.fse_complet or bool(parcours.pieces_manquantes()),
            )
            if colonnes != regle:
                differences.append((parcours.pk, colonnes, regle))
    return differences


def test_orienting_makes_the_new_parcours_current_and_the_person_waiting(world):
    personne = ParticipantFactory(referent=world.referent)
    parcours = Parcours.orienter(personne, world.referent, D(2026, 3, 2))

    personne.refresh_from_db()
    assert personne.statut_parcours == StatutParcours.EN_ATTENTE
    assert Parcours.objects.get(pk=parcours.pk).courant
    assert ecarts([personne]) == []


def test_validating_at_the_commission_enters_the_person_on_the_entry_date(world):
    personne = ParticipantFactory(referent=world.referent)
    parcours = Parcours.orienter(personne, world.referent, D(2026, 3, 2))

    parcours.valider(world.coordination, D(2026, 3, 16))

    personne.refresh_from_db()
    assert (personne.statut_parcours, personne.date_entree_parcours) == (StatutParcours.EN_PARCOURS, D(2026, 3, 16))


def test_refusing_at_the_commission_marks_the_person_refused(world):
    personne = ParticipantFactory(referent=world.referent)
    parcours = Parcours.orienter(personne, world.referent, D(2026, 3, 2))

    parcours.refuser(world.coordination, "Hors critères")

    assert Participant.objects.get(pk=personne.pk).statut_parcours == StatutParcours.REFUSE


def test_the_exit_marks_the_person_exited(world):
    world.parcours.sortir(world.referent, D(2026, 6, 30), MotifSortie.EMPLOI_CDI, clore_etapes=True)

    assert Participant.objects.get(pk=world.participant.pk).statut_parcours == StatutParcours.SORTI


def test_the_questionnaire_form_recomputes_completeness_and_long_term_unemployment(world, client_of):
    parcours = ParcoursFactory(participant__referent=world.referent, niveau_formation="")
    assert not Parcours.objects.get(pk=parcours.pk).complet_fse

    client_of(world.referent).post(
        reverse("parcours:situation", kwargs={"pk": parcours.pk}),
        {"statut_marche_travail": "chomeur", "date_debut_chomage": "2024-12-01", "niveau_formation": "aucun"},
    )

    parcours.refresh_from_db()
    assert (parcours.complet_fse, parcours.chomage_longue_duree) == (True, True)


def test_emptying_the_sex_on_the_record_makes_its_parcours_incomplete(world, client_of):
    client_of(world.referent).post(
        reverse("participants:modifier", args=[world.participant.pk]),
        {
            "sexe": "",
            "nom": "Lefèvre",
            "prenom": "Hélène",
            "date_naissance": world.participant.date_naissance.isoformat(),
            "commune": world.participant.commune_id,
            "telephone": "06 11 22 33 44",
            "version": Participant.objects.get(pk=world.participant.pk).version,
        },
    )

    assert Participant.objects.get(pk=world.participant.pk).sexe == ""
    assert not Parcours.objects.get(pk=world.parcours.pk).complet_fse


def test_changing_the_birth_date_moves_the_age_band_at_entry(world):
    world.participant.date_naissance = D(2009, 1, 20)  # 16 on the entry of 15 January 2026
    world.participant.save()

    assert Parcours.objects.get(pk=world.parcours.pk).tranche_age_entree == TrancheAge.MOINS_DE_18


def test_deleting_the_current_parcours_makes_the_previous_one_current(world):
    ancien = ParcoursFactory(
        participant=world.participant,
        date_orientation=D(2024, 1, 5),
        date_entree=D(2024, 1, 15),
        date_sortie=D(2024, 12, 31),
    )

    Parcours.objects.filter(pk=world.parcours.pk).delete()

    assert Parcours.objects.get(pk=ancien.pk).courant
    assert Participant.objects.get(pk=world.participant.pk).statut_parcours == StatutParcours.SORTI


def test_deleting_the_only_parcours_leaves_the_person_without_parcours(world):
    world.parcours.delete()

    personne = Participant.objects.get(pk=world.participant.pk)
    assert (personne.statut_parcours, personne.date_entree_parcours) == (StatutParcours.AUCUN, None)


def test_a_copy_read_earlier_and_saved_later_does_not_undo_the_columns(world):
    copie = Participant.objects.get(pk=world.participant.pk)
    world.parcours.sortir(world.referent, D(2026, 6, 30), MotifSortie.EMPLOI_CDI, clore_etapes=True)

    copie.telephone = "07 00 00 00 00"
    copie.save()

    assert Participant.objects.get(pk=world.participant.pk).statut_parcours == StatutParcours.SORTI


@pytest.mark.usefixtures("communes")
def test_the_csv_import_fills_the_columns_of_the_people_it_creates(db):
    rapport = importer(
        fichier(
            ligne(nom="Garnier", prenom="Inès", date_debut_chomage="2024-06-01"),
            ligne(nom="Roussel", prenom="Yanis", sexe=""),
        )
    )

    assert rapport.ecrit, rapport.erreurs
    ines = Participant.objects.get(nom="Garnier")
    assert (ines.statut_parcours, ines.date_entree_parcours) == (StatutParcours.EN_PARCOURS, D(2026, 2, 1))
    assert ines.parcours.get().chomage_longue_duree
    assert not Participant.objects.get(nom="Roussel").parcours.get().complet_fse
    assert ecarts() == []


@pytest.mark.usefixtures("communes")
def test_the_historical_import_fills_the_columns_of_the_people_it_brings(world):
    rapport = reprendre(octets(dossier_exemple(world)))

    assert rapport.ecrit, rapport.erreurs
    repris = Participant.objects.filter(parcours__identifiant_source__startswith="P-").distinct()
    assert repris.count() == 2
    assert ecarts(repris) == []


def test_a_merge_leaves_one_current_parcours_the_latest_oriented(world):
    doublon = ParticipantFactory(nom="Lefevre", prenom="Helene", referent=world.referent)
    ancien = ParcoursFactory(
        participant=doublon, date_orientation=D(2025, 1, 6), date_entree=D(2025, 1, 20), date_sortie=D(2025, 9, 1)
    )

    fusionner(world.participant, doublon, world.coordination)

    assert list(Parcours.objects.filter(participant=world.participant, courant=True)) == [world.parcours]
    assert not Parcours.objects.get(pk=ancien.pk).courant
    assert ecarts([world.participant]) == []


def test_a_merge_makes_the_absorbed_later_parcours_current(world):
    doublon = ParticipantFactory(nom="Lefevre", prenom="Helene", referent=world.referent)
    world.parcours.sortir(world.referent, D(2026, 3, 1), MotifSortie.EMPLOI_CDI, clore_etapes=True)
    plus_recent = ParcoursFactory(participant=doublon, date_orientation=D(2026, 9, 1), date_entree=D(2026, 9, 14))

    fusionner(world.participant, doublon, world.coordination)

    assert Parcours.objects.get(pk=plus_recent.pk).courant
    assert Participant.objects.get(pk=world.participant.pk).statut_parcours == StatutParcours.EN_PARCOURS


def test_the_anonymisation_keeps_the_age_band_of_the_time(world):
    # 17 on the entry day; with the birth date moved to 1 January by the anonymisation, 18.
    personne = ParticipantFactory(
        date_naissance=D(1998, 12, 20), cree_le=datetime.datetime(2016, 5, 2, 9, tzinfo=datetime.UTC)
    )
    ParcoursFactory(
        participant=personne, date_orientation=D(2016, 6, 1), date_entree=D(2016, 6, 1), date_sortie=D(2016, 12, 1)
    )

    call_command("purge_expired", stdout=io.StringIO())

    personne.refresh_from_db()
    assert personne.anonymise_le is not None and personne.date_naissance == D(1998, 1, 1)
    assert personne.parcours.get().tranche_age_entree == TrancheAge.MOINS_DE_18
    assert personne.statut_parcours == StatutParcours.SORTI


def test_the_migration_fills_every_existing_row(world):
    Participant.objects.update(statut_parcours=StatutParcours.AUCUN, date_entree_parcours=None)
    Parcours.objects.update(courant=False, complet_fse=False, tranche_age_entree="", chomage_longue_duree=False)
    migration = importlib.import_module("parcours.migrations.0017_remplir_les_colonnes_tenues")

    migration.remplir(registre, None)

    assert Parcours.objects.filter(courant=True).count() == Participant.objects.filter(parcours__isnull=False).count()
    assert ecarts() == []


def test_the_migration_fills_whether_each_participation_is_to_complete(world):
    complet = ParcoursFactory(participant__referent=world.referent)
    for type_ in ("questionnaire", "eligibilite"):
        piece(complet, type_)
    Parcours.objects.update(a_completer=False)
    migration = importlib.import_module("parcours.migrations.0020_colonne_a_completer")

    migration.remplir(registre, None)

    assert ecarts() == []


def piece(parcours, type_):
    """A document of `type_` filed as a proof of `parcours` (the signal keeps `a_completer`)."""
    document = DocumentFactory(participant=parcours.participant, type=type_)
    PieceFSE.objects.create(parcours=parcours, document=document)
    return document


def parcours_justifie(world, **champs):
    """An entered participation with complete FSE+ data and both proofs of its entry."""
    parcours = ParcoursFactory(participant__referent=world.referent, **champs)
    for type_ in ("questionnaire", "eligibilite"):
        piece(parcours, type_)
    parcours.refresh_from_db()
    return parcours


def test_a_participation_with_its_data_and_proofs_is_not_to_complete(world):
    parcours = parcours_justifie(world)

    assert parcours.complet_fse and not parcours.a_completer
    assert ecarts() == []


def test_deleting_a_proofs_document_makes_its_participation_to_complete_again(world):
    parcours = ParcoursFactory(participant__referent=world.referent)
    piece(parcours, "questionnaire")
    document = piece(parcours, "eligibilite")

    document.delete()

    parcours.refresh_from_db()
    assert parcours.a_completer
    assert ecarts() == []


def test_retyping_a_proofs_document_makes_its_participation_to_complete(world):
    parcours = parcours_justifie(world)
    document = parcours.pieces.get(document__type="eligibilite").document

    document.type = "cv"
    document.save()

    parcours.refresh_from_db()
    assert parcours.a_completer


def test_a_participation_ending_without_the_exit_proof_becomes_to_complete(world):
    parcours = parcours_justifie(world)

    parcours.date_sortie = D(2026, 6, 30)
    parcours.motif_sortie = MotifSortie.EMPLOI_CDI
    parcours.save()

    parcours.refresh_from_db()
    assert parcours.a_completer
    assert ecarts() == []


def test_a_person_who_can_no_longer_be_reached_makes_the_participation_to_complete(world):
    parcours = parcours_justifie(world)
    personne = parcours.participant

    personne.telephone = personne.email = personne.contact_tiers = ""
    personne.save()

    parcours.refresh_from_db()
    assert parcours.a_completer
    assert ecarts() == []


def test_deleting_a_person_with_proofs_recomputes_nothing_for_the_rows_that_go(world):
    parcours = parcours_justifie(world)

    with CaptureQueriesContext(connection) as requetes:
        parcours.participant.delete()

    assert not [q for q in requetes.captured_queries if q["sql"].startswith('UPDATE "parcours_parcours"')]


def personnes_variees():
    """Forty people with one participation each, and the edges the rules draw."""
    hasard = random.Random(20)
    for _ in range(40):
        naissance = D(hasard.randint(1955, 2010), hasard.choice([1, 2, 6, 12]), hasard.choice([1, 15, 28]))
        entree = D(2026, hasard.choice([1, 2, 6, 12]), hasard.choice([1, 15, 28]))
        statut = hasard.choice(list(StatutMarcheTravail))
        ParcoursFactory(
            participant__date_naissance=naissance,
            participant__sexe=hasard.choice(["F", "M", ""]),
            date_orientation=entree,
            date_entree=entree,
            statut_marche_travail=statut,
            date_debut_chomage=entree - datetime.timedelta(days=hasard.choice([300, 364, 365, 366, 400]))
            if statut == StatutMarcheTravail.CHOMEUR
            else None,
            niveau_formation=hasard.choice(["", "niveau_3"]),
        )
    # On a birthday, on the eve of one, a year of unemployment to the day: the edges the rules draw.
    ParcoursFactory(participant__date_naissance=D(2008, 1, 15), date_entree=D(2026, 1, 15))
    ParcoursFactory(participant__date_naissance=D(1971, 1, 16), date_entree=D(2026, 1, 15))
    ParcoursFactory(date_entree=D(2026, 1, 15), date_debut_chomage=D(2025, 1, 15))


def test_the_columns_agree_with_the_rules_of_the_models_on_varied_people(world):
    personnes_variees()

    assert ecarts() == []


@pytest.mark.usefixtures("communes")
def test_the_demo_seed_fills_the_columns(db):
    call_command("seed_demo", "--participants", "30", stdout=io.StringIO())

    assert Participant.objects.exclude(statut_parcours=StatutParcours.AUCUN).exists()
    assert ecarts() == []


def accompagnes_par_la_regle(debut, fin):
    """The definition of DESIGN §2, person by person: a participation entered on or before the end
    and not exited before the start."""
    return len(
        {
            p.participant_id
            for p in Parcours.objects.all()
            if p.date_entree and p.date_entree <= fin and (p.date_sortie is None or p.date_sortie >= debut)
        }
    )


def test_the_people_accompanied_this_year_are_counted_from_the_kept_column_as_by_the_rule(world):
    from parcours.indicators import personnes_accompagnees

    deux_fois = ParticipantFactory()
    ParcoursFactory(
        participant=deux_fois, date_orientation=D(2026, 1, 5), date_entree=D(2026, 1, 6), date_sortie=D(2026, 3, 1)
    )
    ParcoursFactory(participant=deux_fois, date_orientation=D(2026, 5, 4), date_entree=D(2026, 5, 5))
    ParcoursFactory(date_orientation=D(2024, 1, 5), date_entree=D(2024, 1, 8), date_sortie=D(2025, 12, 31))
    ParcoursFactory(date_orientation=D(2025, 3, 5), date_entree=D(2025, 3, 9), date_sortie=D(2026, 1, 1))

    assert personnes_accompagnees(D(2026, 1, 1), D(2026, 12, 31)) == accompagnes_par_la_regle(
        D(2026, 1, 1), D(2026, 12, 31)
    )
    assert personnes_accompagnees(D(2026, 1, 1), D(2026, 12, 31)) == 5  # the world's three, these two


def test_a_gap_between_two_parcours_holding_the_whole_period_is_not_counted(world):
    from parcours.indicators import personnes_accompagnees

    # Out in 2024, back in 2026: not accompanied in 2025, though first entry and latest end surround it.
    personne = ParticipantFactory()
    ParcoursFactory(
        participant=personne, date_orientation=D(2023, 1, 5), date_entree=D(2023, 1, 9), date_sortie=D(2024, 6, 1)
    )
    ParcoursFactory(participant=personne, date_orientation=D(2026, 1, 5), date_entree=D(2026, 1, 6))

    assert personnes_accompagnees(D(2025, 1, 1), D(2025, 12, 31)) == accompagnes_par_la_regle(
        D(2025, 1, 1), D(2025, 12, 31)
    )


def test_deleting_a_person_does_not_recompute_the_columns_of_their_parcours(world, django_assert_max_num_queries):
    personne = ParticipantFactory()
    for annee in (2021, 2022, 2023):
        ParcoursFactory(
            participant=personne,
            date_orientation=D(annee, 1, 4),
            date_entree=D(annee, 1, 5),
            date_sortie=D(annee, 6, 30),
        )
    with django_assert_max_num_queries(60) as requetes:
        personne.delete()

    assert not [q for q in requetes.captured_queries if 'SET "courant"' in q["sql"]]


COLONNES_PARCOURS = ("courant", "complet_fse", "tranche_age_entree", "chomage_longue_duree", "a_completer")
COLONNES_PERSONNE = ("statut_parcours", "date_entree_parcours", "parcours_incomplet", "fin_accompagnement")


def test_the_columns_an_import_sets_before_inserting_equal_those_written_in_sql(world):
    personnes_variees()
    seuls = Parcours.objects.filter(participant__in=Participant.objects.filter(parcours__isnull=False))
    for parcours in seuls.select_related("participant"):
        if parcours.participant.parcours.count() != 1:
            continue
        en_base = (
            [getattr(parcours, c) for c in COLONNES_PARCOURS],
            [getattr(parcours.participant, c) for c in COLONNES_PERSONNE],
        )

        poser_premiere_participation(parcours.participant, parcours)

        en_python = (
            [getattr(parcours, c) for c in COLONNES_PARCOURS],
            [getattr(parcours.participant, c) for c in COLONNES_PERSONNE],
        )
        assert en_python == en_base, parcours.pk


def test_the_csv_import_fills_the_columns_of_a_new_person_with_two_parcours_and_of_a_known_one(world):
    connue = ParticipantFactory(nom="Martin", prenom="Léa", date_naissance=D(1990, 5, 5), referent=world.referent)
    rapport = importer(
        fichier(
            ligne(nom="Garnier", prenom="Inès", date_entree="2024-01-08", date_sortie="2024-09-30"),
            ligne(nom="Garnier", prenom="Inès", date_entree="2025-03-03"),
            ligne(nom="Martin", prenom="Léa", date_naissance="1990-05-05", date_entree="2025-04-07"),
        )
    )

    assert rapport.ecrit, rapport.erreurs
    ines = Participant.objects.get(nom="Garnier")
    assert (ines.statut_parcours, ines.date_entree_parcours) == (StatutParcours.EN_PARCOURS, D(2025, 3, 3))
    assert Participant.objects.get(pk=connue.pk).date_entree_parcours == D(2025, 4, 7)
    assert ecarts() == []
