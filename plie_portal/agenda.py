"""Calendars (RFC 5545, the `icalendar` library): the one way the portal writes an event, for the
private feed of a staff member (`accounts.views.agenda`) and for the `.ics` attached to an
e-mail (a hearing convocation, a participant's next appointment).

Domain apps register what they put in a user's feed with `@source` (in their `ready()`); each
event carries a name and a time only, never a note: a calendar is synchronised to phones and
third-party servers that the portal does not control."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Métropole Rouen Normandie//Portail PLIE//FR"
DOMAINE = "portail-plie"
# How far back and ahead a feed reaches: enough for a week's review, light enough to poll hourly.
PASSE, AVENIR = datetime.timedelta(days=31), datetime.timedelta(days=366)

SOURCES = []


@dataclass(frozen=True)
class Evenement:
    """One event: a stable `uid` (the same event updated, not duplicated), a title, a time."""

    uid: str
    titre: str
    debut: datetime.datetime
    fin: datetime.datetime
    lieu: str = ""
    adresse: str = ""


def source(fonction):
    """Register `fonction(user, debut, fin) -> iterable of Evenement` as part of every user's feed."""
    if fonction not in SOURCES:
        SOURCES.append(fonction)
    return fonction


def evenements_de(user, maintenant=None):
    """The events of `user`'s feed, every registered source together, in time order."""
    maintenant = maintenant or timezone.now()
    debut, fin = maintenant - PASSE, maintenant + AVENIR
    return sorted((e for s in SOURCES for e in s(user, debut, fin)), key=lambda e: (e.debut, e.uid))


def calendrier(evenements, nom="", methode=""):
    """The iCalendar text of `evenements` (bytes, CRLF lines as RFC 5545 asks)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if methode:
        cal.add("method", methode)
    if nom:
        cal.add("x-wr-calname", nom)
    horodatage = timezone.now().astimezone(datetime.UTC)
    for e in evenements:
        vevent = Event()
        vevent.add("uid", f"{e.uid}@{DOMAINE}")
        vevent.add("dtstamp", horodatage)
        vevent.add("dtstart", e.debut.astimezone(datetime.UTC))
        vevent.add("dtend", e.fin.astimezone(datetime.UTC))
        vevent.add("summary", e.titre[:250])
        if e.lieu:
            vevent.add("location", e.lieu)
        if e.adresse:
            vevent.add("url", e.adresse)
        cal.add_component(vevent)
    return cal.to_ical()
