"""The shared scenario of permission tests: personas of DESIGN §1 and objects inside and
outside their scope. Apps add their objects with a builder listed in WORLD_BUILDERS."""

import datetime
from types import SimpleNamespace

from django.utils import timezone
from django.utils.module_loading import import_string

from accounts.models import Role
from accounts.tests.factories import UserFactory
from parcours.choices import StatutEtape
from parcours.tests.factories import EtapeFactory, ParcoursFactory
from participants.tests.factories import ParticipantFactory
from partners.models import TypeStructure
from partners.tests.factories import StructureFactory

# Builders run after `base`, each receiving the world and adding attributes to it.
WORLD_BUILDERS = [
    "tests.world.base",
    "partners.tests.world.build",
    "participants.tests.world.build",
    "parcours.tests.world.build",
    "aap_invisibles.tests.world.build",
    "reports.tests.world.build",
    "notifications.tests.world.build",
    "api.tests.world.build",
]

PERSONAS = [
    "anonyme",
    "coordination",
    "referent",
    "referent_autre",
    "partenaire",
    "instructeur",
    "porteur",
    "dpo",
    "expert",
    "admin",
]


def base(world):
    w = world
    w.plie = StructureFactory(nom="PLIE test", type=TypeStructure.PLIE)
    w.ccas = StructureFactory(nom="CCAS test", type=TypeStructure.COMMUNE_CCAS)
    w.aci = StructureFactory(nom="ACI test", type=TypeStructure.SIAE_ACI)
    w.of_autre = StructureFactory(nom="Organisme autre", type=TypeStructure.ORGANISME_FORMATION)
    w.metropole = StructureFactory(nom="Métropole test", type=TypeStructure.METROPOLE, partenaire_plie=False)
    w.asso = StructureFactory(
        nom="Association porteuse", type=TypeStructure.ASSOCIATION, partenaire_plie=False, rna="W763009991"
    )
    w.asso_autre = StructureFactory(
        nom="Autre association", type=TypeStructure.ASSOCIATION, partenaire_plie=False, rna="W763009992"
    )

    w.coordination = UserFactory(email="coord@test.fr", role=Role.COORDINATION, structure=w.plie)
    w.referent = UserFactory(email="ref@test.fr", role=Role.REFERENT, structure=w.plie)
    w.referent_collegue = UserFactory(email="ref2@test.fr", role=Role.REFERENT, structure=w.plie)
    w.referent_autre = UserFactory(email="ref.ccas@test.fr", role=Role.REFERENT, structure=w.ccas)
    w.partenaire = UserFactory(email="part@test.fr", role=Role.PARTENAIRE, structure=w.aci)
    w.partenaire_autre = UserFactory(email="part.autre@test.fr", role=Role.PARTENAIRE, structure=w.of_autre)
    w.instructeur = UserFactory(email="instr@test.fr", role=Role.INSTRUCTEUR, structure=w.metropole)
    w.porteur = UserFactory(email="porteur@test.fr", role=Role.PORTEUR, structure=w.asso)
    w.dpo = UserFactory(email="dpo@test.fr", role=Role.DPO, structure=w.metropole)
    # An outside expert (a commune's EPS member): an account of their own, no structure.
    w.expert = UserFactory(email="expert@test.fr", role=Role.EXPERT, structure=None)
    w.porteur_autre = UserFactory(email="porteur2@test.fr", role=Role.PORTEUR, structure=w.asso_autre)
    w.admin = UserFactory(email="admin@test.fr", role="", structure=w.metropole, is_superuser=True, is_staff=True)

    # A participant of the referent, with a step carried by the ACI (the partner sees them).
    w.participant = ParticipantFactory(nom="Lefèvre", prenom="Hélène", referent=w.referent)
    w.parcours = ParcoursFactory(participant=w.participant)
    w.etape = EtapeFactory(
        parcours=w.parcours, structure=w.aci, statut=StatutEtape.EN_COURS, date_debut=datetime.date(2026, 2, 2)
    )
    # A participant of the CCAS referent only: outside the scope of the PLIE referent and the partner.
    w.participant_autre = ParticipantFactory(nom="Martin", prenom="Paul", referent=w.referent_autre)
    w.parcours_autre = ParcoursFactory(participant=w.participant_autre)
    w.etape_autre = EtapeFactory(parcours=w.parcours_autre, structure=w.of_autre, statut=StatutEtape.PROPOSEE)
    # A colleague's participant: read-only for the referent.
    w.participant_collegue = ParticipantFactory(nom="Durand", prenom="Léa", referent=w.referent_collegue)
    w.parcours_collegue = ParcoursFactory(participant=w.participant_collegue)
    w.today = timezone.localdate()


def build_world():
    world = SimpleNamespace()
    # A builder that cannot be imported fails the suite: skipping it would test a smaller world.
    for path in WORLD_BUILDERS:
        import_string(path)(world)
    return world
