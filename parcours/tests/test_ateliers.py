"""Collective sessions (issue 17): creation, invitations, attendance, the signed sheet; attending
is a contact of the 30-day alert and appears in the journal; a partner leading a session sees
the names of the people invited and nothing more."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from parcours.models import Atelier, Invitation
from parcours.portefeuille import avec_alertes
from participants.models import Participant
from tests.fichiers import pdf_upload

pytestmark = pytest.mark.django_db


def sans_contact_depuis(world, jours):
    """The referent's participant, last seen at an interview `jours` days ago."""
    world.entretien.statut = "realise"
    world.entretien.date = timezone.now() - datetime.timedelta(days=jours)
    world.entretien.save()


def alerte(world):
    return avec_alertes(Participant.objects.filter(pk=world.participant.pk)).get().alerte_entretien


def test_a_session_attended_within_30_days_turns_off_the_no_contact_alert(world):
    sans_contact_depuis(world, 40)
    assert alerte(world)
    Atelier.objects.filter(pk=world.atelier.pk).update(debut=timezone.now() - datetime.timedelta(days=3))

    Invitation.objects.filter(atelier=world.atelier, parcours=world.parcours).update(presence="present")

    assert not alerte(world)


def test_a_session_missed_leaves_the_alert_on(world):
    sans_contact_depuis(world, 40)
    Atelier.objects.filter(pk=world.atelier.pk).update(debut=timezone.now() - datetime.timedelta(days=3))

    Invitation.objects.filter(atelier=world.atelier, parcours=world.parcours).update(presence="absent")

    assert alerte(world)


def test_a_referent_creates_a_session_then_invites_a_person_of_their_caseload(world, client_of):
    client = client_of(world.referent)
    reponse = client.post(
        reverse("parcours:atelier_creer"),
        {
            "theme": "information",
            "intitule": "Réunion d'information collective",
            "debut": "2027-01-12T14:00",
            "duree_minutes": "90",
            "lieu": "Hôtel de la Métropole",
            "structure": world.plie.pk,
        },
    )
    atelier = Atelier.objects.get(intitule="Réunion d'information collective")
    assert reponse.url == reverse("parcours:atelier", args=[atelier.pk])

    client.post(reverse("parcours:atelier_inviter", args=[atelier.pk]), {"parcours": [world.parcours.pk]})

    assert list(atelier.invitations.values_list("parcours", flat=True)) == [world.parcours.pk]


def test_a_referent_cannot_invite_a_person_outside_their_scope(world, client_of):
    client_of(world.referent).post(
        reverse("parcours:atelier_inviter", args=[world.atelier.pk]), {"parcours": [world.parcours_autre.pk]}
    )

    assert not world.atelier.invitations.filter(parcours=world.parcours_autre).exists()


def test_the_leading_partner_records_the_attendance(world, client_of):
    invitation = world.atelier.invitations.get()

    client_of(world.partenaire).post(
        reverse("parcours:atelier_presences", args=[world.atelier.pk]), {f"presence-{invitation.pk}": "excuse"}
    )

    invitation.refresh_from_db()
    assert invitation.presence == "excuse"


def test_a_partner_leading_a_session_sees_the_names_and_nothing_more(world, client_of):
    world.parcours.rqth = True
    world.parcours.save()

    page = client_of(world.partenaire).get(reverse("parcours:atelier", args=[world.atelier.pk])).content.decode()

    assert str(world.participant) in page
    assert reverse("participants:detail", args=[world.participant.pk]) not in page
    for absent in (world.participant.telephone, world.participant.email, "RQTH", "Inviter des participants"):
        assert absent not in page


def test_the_signed_sheet_is_uploaded_then_downloaded_and_logged(world, client_of):
    from accounts.models import AccesDonnees

    client = client_of(world.partenaire)
    client.post(
        reverse("parcours:atelier_feuille", args=[world.atelier.pk]), {"feuille_signee": pdf_upload("feuille.pdf")}
    )

    reponse = client.get(reverse("parcours:atelier_feuille", args=[world.atelier.pk]))

    assert reponse.status_code == 200 and reponse.content.startswith(b"%PDF")
    assert AccesDonnees.objects.filter(utilisateur=world.partenaire, action="telechargement").exists()


def test_a_sheet_that_is_not_a_pdf_or_an_image_is_refused_with_the_reason(world, client_of):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_of(world.partenaire)
    reponse = client.post(
        reverse("parcours:atelier_feuille", args=[world.atelier.pk]),
        {"feuille_signee": SimpleUploadedFile("feuille.pdf", b"ceci n'est pas un PDF", "application/pdf")},
        follow=True,
    )

    assert "PDF" in reponse.content.decode()
    world.atelier.refresh_from_db()
    assert not world.atelier.feuille_signee


def test_the_journal_shows_the_sessions_the_person_was_invited_to(world, client_of):
    page = client_of(world.referent).get(reverse("participants:detail", args=[world.participant.pk])).content.decode()

    assert "Atelier CV du mardi" in page
