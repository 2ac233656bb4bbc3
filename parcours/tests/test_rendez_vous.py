"""A planned interview e-mailed to the participant, with its `.ics` invitation."""

import datetime

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from parcours.choices import StatutEntretien
from parcours.tests.factories import EntretienFactory


def rendez_vous(world, jours=3):
    return EntretienFactory(
        parcours=world.parcours,
        auteur=world.referent,
        statut=StatutEntretien.PLANIFIE,
        date=timezone.now() + datetime.timedelta(days=jours),
        note="Note-de-journal-ZQX",
    )


def envoyer(client, entretien):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("parcours:entretien_envoyer", args=[entretien.pk]), follow=True)


def test_the_participant_receives_the_appointment_with_an_ics_invitation(world, client_of):
    world.participant.email = "helene@exemple.fr"
    world.participant.save()
    entretien = rendez_vous(world)
    reponse = envoyer(client_of(world.referent), entretien)
    assert "Le rendez-vous est envoyé à helene@exemple.fr." in reponse.content.decode()
    (courriel,) = mail.outbox
    assert courriel.to == ["helene@exemple.fr"]
    nom, contenu, type_mime = courriel.attachments[0]
    assert (nom, type_mime) == ("rendez-vous.ics", "text/calendar")
    (evenement,) = Calendar.from_ical(contenu).walk("VEVENT")
    assert evenement.decoded("dtstart") == entretien.date.replace(microsecond=0)


def test_the_invitation_carries_no_note_of_the_journal(world, client_of):
    world.participant.email = "helene@exemple.fr"
    world.participant.save()
    envoyer(client_of(world.referent), rendez_vous(world))
    (courriel,) = mail.outbox
    assert "ZQX" not in courriel.body + str(courriel.attachments[0][1])


def test_without_an_e_mail_address_the_referent_is_told_what_to_do(world, client_of):
    world.participant.email = ""
    world.participant.save()
    reponse = envoyer(client_of(world.referent), rendez_vous(world))
    assert "ajoutez-la pour envoyer le rendez-vous" in reponse.content.decode()
    assert mail.outbox == []


def test_a_past_appointment_is_not_sent(world, client_of):
    world.participant.email = "helene@exemple.fr"
    world.participant.save()
    reponse = envoyer(client_of(world.referent), rendez_vous(world, jours=-1))
    assert "Seul un rendez-vous planifié à venir" in reponse.content.decode()
    assert mail.outbox == []
