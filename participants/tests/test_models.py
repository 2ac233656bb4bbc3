import datetime

import pytest

from parcours.choices import DecisionCommission
from parcours.models import TransitionInvalide
from parcours.tests.factories import ParcoursFactory
from participants.fusion import fusionner
from participants.models import Fusion, Participant, StatutParcours
from participants.tests.factories import ParticipantFactory
from plie_portal.xlsx import neutraliser


def test_search_is_accent_and_case_insensitive(world):
    assert list(Participant.objects.recherche("LEFEVRE hélene")) == [world.participant]
    assert list(Participant.objects.recherche("lèfêvre")) == [world.participant]


def test_homonyms_ignore_accents_and_case(world):
    assert list(Participant.objects.homonymes("LEFEVRE", "helene", world.participant.date_naissance)) == [
        world.participant
    ]
    assert not Participant.objects.homonymes("Lefèvre", "Hélène", datetime.date(1991, 1, 1)).exists()


def test_sensitive_data_is_visible_to_coordination_and_the_referents_of_the_structure(world):
    assert set(Participant.objects.sensibles_visibles_par(world.referent)) == {
        world.participant,
        world.participant_collegue,
    }
    assert set(Participant.objects.sensibles_visibles_par(world.coordination)) == set(Participant.objects.all())
    assert not Participant.objects.sensibles_visibles_par(world.partenaire).exists()
    assert world.participant_collegue.voit_sensible(world.referent)
    assert not world.participant.voit_sensible(world.partenaire)
    assert not world.participant.voit_sensible(world.referent_autre)


def test_only_coordination_and_the_participants_referent_may_change_the_record(world):
    assert world.participant.peut_modifier(world.referent)
    assert world.participant.peut_modifier(world.coordination)
    assert not world.participant_collegue.peut_modifier(world.referent)
    assert not world.participant.peut_modifier(world.partenaire)


def test_the_current_parcours_status_is_a_column_of_the_participant(world):
    refuse = ParticipantFactory(nom="Refus")
    ParcoursFactory(participant=refuse, decision_commission=DecisionCommission.REFUSEE, date_entree=None)
    sans = ParticipantFactory(nom="Sans")
    statuts = dict(Participant.objects.values_list("nom", "statut_parcours"))
    assert statuts["Lefèvre"] == StatutParcours.EN_PARCOURS
    assert statuts["Refus"] == StatutParcours.REFUSE
    assert statuts["Sans"] == StatutParcours.AUCUN
    assert Participant.objects.get(pk=sans.pk).get_statut_parcours_display() == "Sans parcours"


def test_fse_incompleteness_reads_sex_and_the_current_parcours(world):
    world.participant.sexe = ""
    world.participant.save()
    incomplets = Participant.objects.filter(parcours_incomplet=True)
    assert list(incomplets) == [world.participant]


def test_a_merge_refuses_two_open_parcours_and_changes_nothing(world):
    with pytest.raises(TransitionInvalide):
        fusionner(world.participant, world.participant_autre, world.coordination)
    assert Participant.objects.filter(pk=world.participant_autre.pk).exists()
    assert not Fusion.objects.exists()


def test_a_merge_keeps_a_snapshot_of_the_absorbed_identity(world):
    doublon = ParticipantFactory(nom="Lefevre", prenom="Helene", email="doublon@exemple.fr")
    fusion = fusionner(world.participant, doublon, world.coordination)
    assert fusion.absorbe_identite["email"] == "doublon@exemple.fr"
    assert fusion.conserve == world.participant
    assert str(fusion) == f"Fiche {doublon.pk} fusionnée dans la fiche {world.participant.pk}"


@pytest.mark.parametrize("valeur", ["=1+1", "+33 6", "-2", "@SUM(A1)"])
def test_cells_starting_like_a_formula_are_neutralised(valeur):
    assert neutraliser(valeur) == "'" + valeur


def test_ordinary_cells_are_kept():
    assert neutraliser("Hélène") == "Hélène"
    assert neutraliser(datetime.date(2026, 1, 1)) == datetime.date(2026, 1, 1)


def test_the_export_tells_its_progress_as_it_writes(world, monkeypatch):
    from io import BytesIO

    from participants import exports

    monkeypatch.setattr(exports, "PAS_PROGRESSION", 1)
    etapes = []
    lignes = exports.ecrire_export_participants(
        Participant.objects.all(), world.coordination, BytesIO(), lambda pct, msg: etapes.append((pct, msg))
    )
    assert len(etapes) == lignes > 1
    assert [pct for pct, _msg in etapes] == sorted(pct for pct, _msg in etapes) and etapes[-1][0] == 90
    assert etapes[-1][1] == f"{lignes} participants sur {lignes}"


def test_an_export_longer_than_an_excel_sheet_keeps_every_participant_over_following_sheets(world, monkeypatch):
    from io import BytesIO

    from openpyxl import load_workbook

    from participants import exports
    from plie_portal import xlsx

    monkeypatch.setattr(xlsx, "LIGNES_PAR_FEUILLE", 3)
    ParticipantFactory.create_batch(4)
    fichier = BytesIO()
    lignes = exports.ecrire_export_participants(Participant.objects.all(), world.coordination, fichier)

    classeur = load_workbook(fichier, read_only=True)
    rangees = [list(r) for nom in classeur.sheetnames for r in classeur[nom].iter_rows(values_only=True)]
    entetes = rangees[0]
    assert classeur.sheetnames[1] == "Participants – suite 2"
    assert [r for r in rangees if r == entetes] == [entetes] * len(classeur.sheetnames)
    assert len(rangees) - len(classeur.sheetnames) == lignes == Participant.objects.count()


def test_changing_the_commune_on_the_record_updates_its_sort_column(world):
    from territoire.models import Commune

    world.participant.commune = Commune.objects.exclude(pk=world.participant.commune_id).order_by("nom").first()
    world.participant.save()

    assert Participant.objects.get(pk=world.participant.pk).tri_commune == world.participant.commune.nom


def test_renaming_a_referent_moves_their_people_in_the_referent_sort(world):
    world.referent.last_name = "Zola"
    world.referent.save()

    tri = Participant.objects.get(pk=world.participant.pk).tri_referent
    assert tri == f"Zola {world.referent.first_name}"


def test_a_login_does_not_rewrite_the_sort_columns_of_the_referents_people(world, django_assert_num_queries):
    from django.utils import timezone

    world.referent.last_login = timezone.now()
    with django_assert_num_queries(1):
        world.referent.save(update_fields=["last_login"])


def test_the_bulk_door_fills_the_normalised_and_sort_columns(world):
    personne = Participant(
        nom="Étienne",
        prenom="Zoé",
        date_naissance=datetime.date(1990, 1, 2),
        commune_id="76540",
        referent=world.referent,
    )

    (creee,) = Participant.objects.creer_en_masse([personne])

    creee = Participant.objects.get(pk=creee.pk)
    assert creee.recherche.startswith("etienne") and creee.history.count() == 1
    assert (creee.tri_commune, creee.tri_referent) == (
        creee.commune.nom,
        f"{world.referent.last_name} {world.referent.first_name}",
    )
