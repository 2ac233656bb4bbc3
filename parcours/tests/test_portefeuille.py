"""Coordination moves a referent's whole caseload to another referent (parcours/portefeuille.py)."""

import pytest
from django.urls import reverse

from notifications.models import Categorie, Notification
from parcours.models import Parcours
from parcours.tests.factories import ParcoursFactory
from participants.models import Participant
from participants.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_a_whole_caseload_moves_to_another_referent_in_one_action_with_a_notification(
    world, client_of, django_capture_on_commit_callbacks, mailoutbox
):
    autre = ParticipantFactory(referent=world.referent)
    ParcoursFactory(participant=autre)
    nombre = Participant.objects.filter(referent=world.referent).count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(world.coordination).post(
            reverse("parcours:reaffecter", args=[world.referent.pk]), {"nouveau": world.referent_collegue.pk}
        )
    assert response.status_code == 302
    assert not Participant.objects.filter(referent=world.referent).exists()
    assert (
        Participant.objects.filter(referent=world.referent_collegue, pk__in=[world.participant.pk, autre.pk]).count()
        == 2
    )
    assert not Parcours.objects.ouverts().filter(referent=world.referent).exists()
    notification = Notification.objects.get(utilisateur=world.referent_collegue)
    assert notification.categorie == Categorie.AFFECTATION and f"{nombre} participant" in notification.titre
    assert [m.to for m in mailoutbox] == [[world.referent_collegue.email]]
    # The change history keeps each move.
    assert world.participant.history.filter(referent=world.referent_collegue).exists()


def test_a_caseload_cannot_be_given_to_a_partner_account(world, client_of):
    response = client_of(world.coordination).post(
        reverse("parcours:reaffecter", args=[world.referent.pk]), {"nouveau": world.partenaire.pk}
    )
    assert response.status_code == 200
    assert Participant.objects.filter(referent=world.referent).exists()
