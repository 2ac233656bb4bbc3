"""The private calendar feed of a staff member, read back with the `icalendar` library."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from aap_invisibles.models import CreneauAudition
from parcours.choices import StatutEntretien
from parcours.tests.factories import EntretienFactory


def flux(secret):
    return Client().get(reverse("accounts:agenda", args=[secret]))


def evenements(secret):
    return list(Calendar.from_ical(flux(secret).content).walk("VEVENT"))


def planifier(world, note="Parle de ses dettes"):
    return EntretienFactory(
        parcours=world.parcours,
        auteur=world.referent,
        statut=StatutEntretien.PLANIFIE,
        date=timezone.now() + datetime.timedelta(days=2),
        note=note,
    )


def test_the_feed_is_an_icalendar_document(world):
    reponse = flux(world.agenda_referent)
    assert reponse["Content-Type"] == "text/calendar; charset=utf-8"
    assert Calendar.from_ical(reponse.content)["version"] == "2.0"


def test_a_planned_interview_is_in_the_referent_s_feed_with_the_name_and_the_time(world):
    entretien = planifier(world)
    (evenement,) = [e for e in evenements(world.agenda_referent) if str(e["uid"]).startswith("entretien-")]
    assert str(evenement["summary"]) == f"Entretien – {world.participant} (en présentiel)"
    assert evenement.decoded("dtstart") == entretien.date.replace(microsecond=0)


def test_the_feed_carries_no_note_of_the_journal(world):
    planifier(world, note="Note-de-journal-ZQX")
    assert b"ZQX" not in flux(world.agenda_referent).content


def test_a_realised_interview_leaves_the_feed(world):
    entretien = planifier(world)
    entretien.statut = StatutEntretien.REALISE
    entretien.save()
    assert not [e for e in evenements(world.agenda_referent) if str(e["uid"]).startswith("entretien-")]


def test_another_structure_s_referent_does_not_get_the_interview(world):
    from accounts.tests.factories import jeton_de_test

    planifier(world)
    assert b"Entretien" not in flux(jeton_de_test(world.referent_autre, usage="agenda")).content


def test_an_instructor_gets_the_hearings_of_their_calls(world):
    from accounts.tests.factories import jeton_de_test

    world.appel.instructeurs.add(world.instructeur)
    CreneauAudition.objects.update_or_create(
        dossier=world.dossier_autre,
        defaults={
            "date": timezone.localdate() + datetime.timedelta(days=10),
            "heure": datetime.time(14, 0),
            "lieu": "Salle 3",
        },
    )
    (audition,) = [
        e
        for e in evenements(jeton_de_test(world.instructeur, usage="agenda"))
        if str(e["uid"]) == f"aap-audition-{world.dossier_autre.pk}@portail-plie"
    ]
    assert str(audition["location"]) == "Salle 3"
    assert str(audition["summary"]).startswith("Audition – ")


def test_a_revoked_calendar_address_answers_as_if_it_never_existed(world):
    from accounts.models import JetonPersonnel

    JetonPersonnel.objects.get(utilisateur=world.referent, usage="agenda").revoquer()
    assert flux(world.agenda_referent).status_code == 404


def test_an_api_token_is_no_calendar_address(world):
    assert flux(world.jetons_api["referent"]).status_code == 404
