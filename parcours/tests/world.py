"""Parcours objects of the shared test world: interviews inside and outside each scope, a
commission session and a pending orientation."""

import datetime

from parcours.choices import DecisionCommission, StatutEntretien
from parcours.models import SessionCommission
from parcours.tests.factories import EntretienFactory, ParcoursFactory
from participants.tests.factories import ParticipantFactory


def build(world):
    w = world
    w.entretien = EntretienFactory(parcours=w.parcours, auteur=w.referent)
    w.entretien_autre = EntretienFactory(parcours=w.parcours_autre, auteur=w.referent_autre)
    w.entretien_collegue = EntretienFactory(
        parcours=w.parcours_collegue, auteur=w.referent_collegue, statut=StatutEntretien.PLANIFIE
    )
    w.session = SessionCommission.objects.create(
        date=datetime.date(2026, 3, 10), membres_presents="Claire Coordination\nMarc Métropole", cree_par=w.coordination
    )
    # A participant of the referent waiting for the entry commission.
    w.participant_oriente = ParticipantFactory(nom="Bernard", prenom="Inès", referent=w.referent)
    w.orientation = ParcoursFactory(
        participant=w.participant_oriente,
        decision_commission=DecisionCommission.EN_ATTENTE,
        date_orientation=datetime.date(2026, 3, 1),
        date_entree=None,
    )
