"""The FSE+ proofs of a participation (issue 17): the SQL rule and the missing list agree, the
caseload alert, the upload prefilled from a missing proof."""

import datetime

import pytest
from django.urls import reverse

from parcours.models import Parcours, PieceFSE
from parcours.portefeuille import avec_alertes
from parcours.tests.factories import ParcoursFactory
from participants.models import Participant
from participants.tests.factories import DocumentFactory, ParticipantFactory
from tests.fichiers import pdf_upload

pytestmark = pytest.mark.django_db


def piece(parcours, type_):
    """A document of `type_` filed as a proof of `parcours`."""
    PieceFSE.objects.create(parcours=parcours, document=DocumentFactory(participant=parcours.participant, type=type_))


def a_completer(parcours):
    return Parcours.objects.a_completer().filter(pk=parcours.pk).exists()


def test_an_entered_participation_needs_its_signed_questionnaire_and_its_eligibility_proof(world):
    parcours = ParcoursFactory(participant=ParticipantFactory(referent=world.referent))

    assert parcours.pieces_manquantes() == ["questionnaire d'entrée signé", "justificatif d'éligibilité"]
    assert a_completer(parcours)


def test_with_both_proofs_an_open_participation_is_complete(world):
    parcours = ParcoursFactory(participant=ParticipantFactory(referent=world.referent))
    for type_ in ("questionnaire", "eligibilite"):
        piece(parcours, type_)

    assert parcours.pieces_manquantes() == []
    assert not a_completer(parcours)


def test_an_ended_participation_also_needs_the_proof_of_its_exit_situation(world):
    parcours = ParcoursFactory(
        participant=ParticipantFactory(referent=world.referent), date_sortie=datetime.date(2026, 6, 1)
    )
    for type_ in ("questionnaire", "eligibilite"):
        piece(parcours, type_)

    assert parcours.pieces_manquantes() == ["justificatif de situation à la sortie"]
    assert a_completer(parcours)


def test_a_person_without_phone_email_or_contact_cannot_be_reached_and_that_is_missing(world):
    personne = ParticipantFactory(referent=world.referent, telephone="", email="")
    parcours = ParcoursFactory(participant=personne)
    for type_ in ("questionnaire", "eligibilite"):
        piece(parcours, type_)
    assert a_completer(parcours)

    personne.contact_tiers = "Mme Roux (sœur), 06 11 22 33 44"
    personne.save()

    assert not a_completer(Parcours.objects.get(pk=parcours.pk))


def test_the_caseload_raises_the_missing_proofs_alert(world):
    personne = ParticipantFactory(referent=world.referent)
    ParcoursFactory(participant=personne)

    ligne = avec_alertes(Participant.objects.filter(pk=personne.pk)).get()

    assert ligne.alerte_pieces


def test_a_missing_proof_links_to_the_upload_prefilled_with_its_type_and_participation(world, client_of):
    page = client_of(world.referent).get(reverse("participants:detail", args=[world.participant.pk])).content.decode()
    ajout = reverse("participants:document_ajouter", args=[world.participant.pk])

    assert f"{ajout}?type=questionnaire&amp;parcours={world.parcours.pk}" in page

    formulaire = client_of(world.referent).get(f"{ajout}?type=questionnaire&parcours={world.parcours.pk}")
    assert formulaire.context["form"].initial == {"type": "questionnaire", "parcours": str(world.parcours.pk)}


def test_a_proof_uploaded_for_a_participation_of_another_person_is_refused(world, client_of):
    reponse = client_of(world.referent).post(
        reverse("participants:document_ajouter", args=[world.participant.pk]),
        {
            "type": "questionnaire",
            "parcours": world.parcours_collegue.pk,
            "titre": "Questionnaire",
            "date": "2026-02-01",
            "fichier": pdf_upload("questionnaire.pdf"),
        },
    )

    assert reponse.status_code == 200
    assert "parcours" in reponse.context["form"].errors


def test_a_proof_uploaded_for_a_participation_is_filed_as_its_proof(world, client_of):
    client_of(world.referent).post(
        reverse("participants:document_ajouter", args=[world.participant.pk]),
        {
            "type": "questionnaire",
            "parcours": world.parcours.pk,
            "titre": "Questionnaire signé",
            "date": "2026-02-01",
            "fichier": pdf_upload("questionnaire.pdf"),
        },
    )

    assert world.parcours.pieces_manquantes() == ["justificatif d'éligibilité"]
