"""FSE+ operations (issue 17): the default operation of a participation, the indicators per
operation, the data quality threshold, the bulk reassignment with history."""

import datetime
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Role
from accounts.tests.factories import UserFactory
from parcours.indicators import calculer_indicateurs
from parcours.models import Operation, Parcours, PieceFSE
from parcours.tests.factories import OperationFactory, ParcoursFactory
from participants.tests.factories import DocumentFactory, ParticipantFactory
from partners.tests.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ccas():
    """A CCAS with one referent and its 2026 operation (1 March – 30 November)."""
    structure = StructureFactory(nom="CCAS de Rouen")
    referent = UserFactory(role=Role.REFERENT, structure=structure)
    operation = OperationFactory(
        code="NO0001234",
        structure=structure,
        date_debut=datetime.date(2026, 3, 1),
        date_fin=datetime.date(2026, 11, 30),
    )
    return referent, operation


def entre_le(referent, jour, **champs):
    """A participation of `referent` oriented then entered on `jour`, through the transitions."""
    participant = ParticipantFactory(referent=referent, **champs)
    parcours = Parcours.orienter(participant, referent, jour)
    parcours.valider(referent, jour)
    # The entry questionnaire, as the situation form fills it: the participation counts.
    parcours.statut_marche_travail, parcours.niveau_formation = "chomeur", "niveau_3"
    parcours.save()
    return parcours


@pytest.mark.parametrize(
    ("jour", "attendue"),
    [
        (datetime.date(2026, 3, 1), True),  # the operation's first day
        (datetime.date(2026, 11, 30), True),  # its last day
        (datetime.date(2026, 2, 28), False),  # the day before
        (datetime.date(2026, 12, 1), False),  # the day after
    ],
)
def test_a_participation_joins_the_operation_of_its_referents_structure_running_on_the_entry_date(ccas, jour, attendue):
    referent, operation = ccas

    parcours = entre_le(referent, jour)

    assert (parcours.operation == operation) is attendue


def test_a_participation_of_a_structure_without_a_running_operation_has_none(world):
    sans = UserFactory(role=Role.REFERENT, structure=StructureFactory())

    assert entre_le(sans, datetime.date(2026, 5, 4)).operation is None


def test_the_entry_date_rather_than_the_orientation_decides_the_operation(ccas):
    referent, operation = ccas
    participant = ParticipantFactory(referent=referent)
    parcours = Parcours.orienter(participant, referent, datetime.date(2026, 2, 20))
    assert parcours.operation is None

    parcours.valider(referent, datetime.date(2026, 3, 2))

    assert Parcours.objects.get(pk=parcours.pk).operation == operation


def test_a_new_operation_takes_the_participations_without_one_that_it_covers_with_history(world):
    structure = StructureFactory()
    referent = UserFactory(role=Role.REFERENT, structure=structure)
    dedans, dehors = entre_le(referent, datetime.date(2027, 2, 1)), entre_le(referent, datetime.date(2028, 2, 1))

    operation = OperationFactory(
        structure=structure, date_debut=datetime.date(2027, 1, 1), date_fin=datetime.date(2027, 12, 31)
    )

    dedans.refresh_from_db()
    dehors.refresh_from_db()
    assert (dedans.operation, dehors.operation) == (operation, None)
    assert dedans.history.first().history_change_reason.startswith("Opération par défaut")


def test_the_indicators_of_an_operation_count_its_participations_only(ccas):
    referent, operation = ccas
    autre = UserFactory(role=Role.REFERENT, structure=StructureFactory())
    jeune = entre_le(referent, datetime.date(2026, 4, 1), date_naissance=datetime.date(2003, 6, 1))
    entre_le(referent, datetime.date(2026, 5, 1), date_naissance=datetime.date(1965, 1, 1))
    entre_le(autre, datetime.date(2026, 5, 1))
    jeune.sortir(referent, datetime.date(2026, 10, 1), "emploi_cdi", situation_sortie="emploi")

    resultats = calculer_indicateurs(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), operation.parcours.all())

    assert (resultats["EECO01"], resultats["EECO07"], resultats["EECO08"]) == (2, 1, 1)
    assert (resultats["sorties"], resultats["sorties_positives"]) == (1, 1)


def test_the_indicators_of_the_operations_add_up_to_the_plies_when_each_participation_has_one(ccas):
    referent, operation = ccas
    autre_structure = StructureFactory()
    autre = UserFactory(role=Role.REFERENT, structure=autre_structure)
    OperationFactory(structure=autre_structure)
    Parcours.objects.all().delete()
    for jour in (datetime.date(2026, 3, 5), datetime.date(2026, 6, 10)):
        entre_le(referent, jour)
        entre_le(autre, jour)
    debut, fin = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    assert not Parcours.objects.filter(operation=None).exists()

    par_operation = [calculer_indicateurs(debut, fin, o.parcours.all()) for o in Operation.objects.order_by("pk")]
    plie = calculer_indicateurs(debut, fin)

    for cle in ("EECO01", "EECO02", "EECO09", "sorties", "incomplets"):
        assert sum(i[cle] for i in par_operation) == plie[cle]


def test_the_command_gives_the_indicators_of_one_operation_with_the_same_keys(ccas):
    referent, operation = ccas
    entre_le(referent, datetime.date(2026, 4, 1))
    sortie = StringIO()

    call_command(
        "indicateurs_fse",
        "--debut",
        "2026-01-01",
        "--fin",
        "2026-12-31",
        "--operation",
        "NO0001234",
        "--json",
        stdout=sortie,
    )

    resultats = json.loads(sortie.getvalue())
    assert resultats["EECO01"] == 1
    assert set(resultats) == set(calculer_indicateurs(datetime.date(2026, 1, 1), datetime.date(2026, 1, 2)))


def test_the_command_names_an_unknown_operation_code(db):
    with pytest.raises(CommandError, match="« INCONNU »"):
        call_command("indicateurs_fse", "--debut", "2026-01-01", "--fin", "2026-12-31", "--operation", "INCONNU")


def avec_pieces(parcours):
    """The two proofs an open participation needs (signed questionnaire, eligibility)."""
    for type_ in ("questionnaire", "eligibilite"):
        PieceFSE.objects.create(
            parcours=parcours, document=DocumentFactory(participant=parcours.participant, type=type_)
        )
    return parcours


def avec_incompletes(operation, referent, complets, incomplets):
    """`complets` participations with all their data and proofs, `incomplets` without their
    education level (proofs there: only the FSE+ data is missing)."""
    for n in range(complets + incomplets):
        avec_pieces(
            ParcoursFactory(
                participant=ParticipantFactory(referent=referent),
                referent=referent,
                operation=operation,
                niveau_formation="" if n >= complets else "niveau_3",
            )
        )
    return Operation.objects.avec_qualite().get(pk=operation.pk)


def test_an_operation_at_35_percent_of_incomplete_data_is_not_flagged(ccas):
    referent, operation = ccas

    operation = avec_incompletes(operation, referent, complets=13, incomplets=7)

    assert operation.part_incomplete == Decimal("0.35") and not operation.alerte_qualite


def test_an_operation_just_above_35_percent_is_flagged_in_red(ccas, client_of, world):
    referent, operation = ccas
    operation = avec_incompletes(operation, referent, complets=12, incomplets=7)

    page = client_of(world.coordination).get(reverse("parcours:operation", args=[operation.pk])).content.decode()

    assert operation.alerte_qualite
    assert 'text-danger fw-bold">36,8 %' in page


def test_the_operation_page_lists_the_participations_to_complete(ccas, client_of, world):
    referent, operation = ccas
    avec_incompletes(operation, referent, complets=1, incomplets=1)
    incomplete = Parcours.objects.get(operation=operation, niveau_formation="")

    page = client_of(world.coordination).get(reverse("parcours:operation", args=[operation.pk])).content.decode()

    assert str(incomplete.participant) in page
    assert "niveau de formation" in page


def test_the_list_of_operations_says_how_many_participations_have_none(world, client_of):
    ParcoursFactory(participant=ParticipantFactory(referent=world.referent_autre))

    page = client_of(world.coordination).get(reverse("parcours:operations")).content.decode()

    assert "ne sont rattachées à aucune opération" in page or "n&#x27;est rattachée à aucune opération" in page


def test_creating_an_operation_with_its_fse_amount_above_its_cost_is_refused_and_keeps_the_input(world, client_of):
    donnees = {
        "code": "NO999",
        "intitule": "Opération trop chère",
        "structure": world.plie.pk,
        "date_debut": "2027-01-01",
        "date_fin": "2027-12-31",
        "cout_total": "1000",
        "montant_fse": "2000",
        "participants_prevus": "10",
        "statut": "programmee",
    }

    reponse = client_of(world.coordination).post(reverse("parcours:operation_creer"), donnees)

    assert reponse.status_code == 200
    assert "ne peut pas dépasser le coût total" in reponse.content.decode()
    assert 'value="Opération trop chère"' in reponse.content.decode()
    assert not Operation.objects.filter(code="NO999").exists()


def test_reassigning_participations_asks_for_confirmation_with_the_count_then_keeps_history(world, client_of, ccas):
    _referent, operation = ccas
    client = client_of(world.coordination)
    choisis = {"parcours": [world.parcours.pk, world.parcours_collegue.pk], "vers": operation.pk}

    confirmation = client.post(reverse("parcours:operations_rattacher"), choisis)

    assert "2 participations vont être rattachées" in confirmation.content.decode()
    assert Parcours.objects.filter(operation=operation).count() == 0
    client.post(reverse("parcours:operations_rattacher"), {**choisis, "confirme": "on"})
    world.parcours.refresh_from_db()
    assert world.parcours.operation == operation
    derniere = world.parcours.history.first()
    assert (derniere.history_user, derniere.history_change_reason) == (
        world.coordination,
        "Rattachement à l'opération NO0001234",
    )


def test_the_csv_import_gives_each_new_participation_its_default_operation(world, ccas):
    from parcours.importation import importer

    referent, operation = ccas
    entete = (
        "nom;prenom;date_naissance;commune_insee;date_entree;referent_email;sexe;statut_marche_travail;"
        "niveau_formation\n"
    )
    ligne = f"Import;Opération;1990-01-01;76540;2026-06-01;{referent.email};F;chomeur;niveau_3\n"

    rapport = importer((entete + ligne).encode(), par=world.coordination)

    assert rapport.valide, rapport.erreurs
    assert Parcours.objects.get(participant__nom="Import").operation == operation


def test_a_participation_without_its_proofs_counts_among_those_to_complete(ccas):
    referent, operation = ccas
    ParcoursFactory(participant=ParticipantFactory(referent=referent), referent=referent, operation=operation)

    operation = Operation.objects.avec_qualite().get(pk=operation.pk)

    assert (operation.nb_participations, operation.nb_incompletes) == (1, 1)
