"""Parcours objects of the shared test world: interviews inside and outside each scope, a
commission session.

Kept free of new participants: other apps count the participants of the world."""

import datetime

from django.utils import timezone

from parcours.choices import StatutEntretien, StatutEtape
from parcours.models import Atelier, ControleServiceFait, Importation, Invitation, LigneControle, SessionCommission
from parcours.operations.controles import constats
from parcours.tests.factories import EntretienFactory, EtapeFactory, OperationFactory


def build(world):
    w = world
    # A file checked by the worker, its preview waiting for confirmation.
    w.importation = Importation.objects.create(
        par=w.coordination, nom_fichier="import.csv", chemin="imports/monde.csv", statut="termine", resultat={}
    )
    # A proposal to the ACI (which has a portal account): only its partner answers it; one to a
    # structure without any portal account (partners world): the referent records its answers.
    w.etape_proposee = EtapeFactory(parcours=w.parcours, structure=w.aci, statut=StatutEtape.PROPOSEE)
    w.etape_sans_portail = EtapeFactory(parcours=w.parcours, structure=w.sans_portail, statut=StatutEtape.PROPOSEE)
    w.entretien = EntretienFactory(parcours=w.parcours, auteur=w.referent)
    w.entretien_autre = EntretienFactory(parcours=w.parcours_autre, auteur=w.referent_autre)
    w.entretien_collegue = EntretienFactory(
        parcours=w.parcours_collegue, auteur=w.referent_collegue, statut=StatutEntretien.PLANIFIE
    )
    # The PLIE's 2026 operation: the participations of its referents entered in 2026 join it.
    w.operation = OperationFactory(code="202600001", intitule="Accompagnement renforcé – PLIE – 2026", structure=w.plie)
    # A CV workshop the ACI leads for the referent's participant; another structure's session.
    prochain = timezone.now() + datetime.timedelta(days=7)
    w.atelier = Atelier.objects.create(
        theme="cv",
        intitule="Atelier CV du mardi",
        debut=prochain,
        lieu="Maison de l'emploi",
        structure=w.aci,
        cree_par=w.referent,
    )
    Invitation.objects.create(atelier=w.atelier, parcours=w.parcours)
    w.atelier_autre = Atelier.objects.create(
        theme="job_dating",
        intitule="Job dating logistique",
        debut=prochain,
        lieu="Salle des fêtes",
        structure=w.of_autre,
        cree_par=w.referent_autre,
    )
    Invitation.objects.create(atelier=w.atelier_autre, parcours=w.parcours_autre)
    # A contrôle de service fait of the whole 2026 operation (its two participations).
    w.controle = ControleServiceFait.objects.create(
        operation=w.operation,
        debut=datetime.date(2026, 1, 1),
        fin=datetime.date(2026, 12, 31),
        pourcentage=100,
        graine=7,
    )
    LigneControle.objects.bulk_create(
        [LigneControle(controle=w.controle, **ligne) for ligne in constats(w.controle.tirer())]
    )
    w.session = SessionCommission.objects.create(
        date=datetime.date(2026, 3, 10), membres_presents="Claire Coordination\nMarc Métropole", cree_par=w.coordination
    )
