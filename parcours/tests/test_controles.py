"""The contrôle de service fait (issue 17): a reproducible draw, the checklist prefilled from what the
portal holds, the sample's ZIP with a summary and the proofs of each participation."""

import datetime
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from parcours.models import ControleServiceFait, PieceFSE
from parcours.tests.factories import ParcoursFactory
from participants.tests.factories import DocumentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def controle(world, **champs):
    valeurs = {"operation": world.operation, "debut": datetime.date(2026, 1, 1), "fin": datetime.date(2026, 12, 31)}
    return ControleServiceFait(**{**valeurs, **champs})


@pytest.fixture
def vingt_et_une(world):
    """21 participations in the world's 2026 operation (19 more than its two)."""
    for _ in range(19):
        ParcoursFactory(participant=ParticipantFactory(referent=world.referent), operation=world.operation)


def test_the_same_seed_draws_the_same_sample(world, vingt_et_une):
    premier = controle(world, taille=5, graine=42).tirer()

    assert controle(world, taille=5, graine=42).tirer() == premier
    assert len(premier) == 5


def test_a_percentage_is_rounded_up_to_a_whole_participation(world, vingt_et_une):
    assert len(controle(world, pourcentage=5, graine=1).tirer()) == 2  # 5 % of 21 = 1.05


def test_drawing_from_the_operation_page_records_the_seed_and_prefills_the_checklist(world, client_of):
    PieceFSE.objects.create(
        parcours=world.parcours, document=DocumentFactory(participant=world.participant, type="eligibilite")
    )

    reponse = client_of(world.coordination).post(
        reverse("parcours:operation_controler", args=[world.operation.pk]),
        {"controle-debut": "2026-01-01", "controle-fin": "2026-12-31", "controle-taille": "2", "controle-graine": "99"},
    )

    nouveau = ControleServiceFait.objects.get(graine=99)
    assert reponse.url == reverse("parcours:controle", args=[nouveau.pk])
    ligne = nouveau.lignes.get(parcours=world.parcours)
    assert (ligne.eligibilite_prouvee, ligne.questionnaire_signe) == (True, False)


def test_a_draw_without_size_or_percentage_is_refused_with_the_reason(world, client_of):
    reponse = client_of(world.coordination).post(
        reverse("parcours:operation_controler", args=[world.operation.pk]),
        {"controle-debut": "2026-01-01", "controle-fin": "2026-12-31"},
        follow=True,
    )

    assert "soit un nombre de participations, soit un pourcentage" in reponse.content.decode()


def test_the_controller_ticks_and_concludes(world, client_of):
    ligne = world.controle.lignes.get(parcours=world.parcours)

    client_of(world.coordination).post(
        reverse("parcours:controle", args=[world.controle.pk]),
        {
            f"questionnaire_signe-{ligne.pk}": "on",
            f"conclusion-{ligne.pk}": "a_completer",
            f"commentaire-{ligne.pk}": "Signature manquante",
        },
    )

    ligne.refresh_from_db()
    assert (ligne.questionnaire_signe, ligne.eligibilite_prouvee, ligne.conclusion) == (True, False, "a_completer")


def test_the_control_page_says_the_draw_is_reproduced_by_its_seed(world, client_of):
    page = client_of(world.coordination).get(reverse("parcours:controle", args=[world.controle.pk])).content.decode()

    assert "la même graine redonne le même échantillon" in page


def test_the_zip_holds_a_folder_per_participation_with_its_summary_and_proofs(world, tmp_path):
    PieceFSE.objects.create(
        parcours=world.parcours,
        document=DocumentFactory(participant=world.participant, type="questionnaire", titre="Questionnaire signé"),
    )
    sortie = tmp_path / "csf.zip"

    call_command(
        "generer_rapport", "csf", "--controle", str(world.controle.pk), "--sortie", str(sortie), stdout=io.StringIO()
    )

    noms = zipfile.ZipFile(sortie).namelist()
    assert len([n for n in noms if n.endswith("fiche-de-controle.pdf")]) == 2
    dossier = next(n.split("/")[0] for n in noms if f"participation {world.parcours.pk})" in n)
    assert any(n.startswith(dossier) and n.endswith(".pdf") and "fiche" not in n for n in noms)
