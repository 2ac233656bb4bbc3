import datetime
from decimal import Decimal

import factory

from parcours.choices import DecisionCommission, NiveauFormation, StatutEtape, StatutMarcheTravail
from parcours.models import Entretien, Etape, Operation, Parcours
from participants.tests.factories import ParticipantFactory
from partners.tests.factories import EtapeTypeFactory, StructureFactory


class ParcoursFactory(factory.django.DjangoModelFactory):
    """An entered parcours with complete FSE+ data."""

    class Meta:
        model = Parcours

    participant = factory.SubFactory(ParticipantFactory)
    referent = factory.SelfAttribute("participant.referent")
    date_orientation = datetime.date(2026, 1, 5)
    decision_commission = DecisionCommission.VALIDEE
    date_entree = datetime.date(2026, 1, 15)
    statut_marche_travail = StatutMarcheTravail.CHOMEUR
    niveau_formation = NiveauFormation.NIVEAU_3


class EtapeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Etape

    parcours = factory.SubFactory(ParcoursFactory)
    type = factory.SubFactory(EtapeTypeFactory)
    structure = factory.SubFactory(StructureFactory)
    statut = StatutEtape.PROPOSEE
    date_debut_prevue = datetime.date(2026, 2, 1)
    date_fin_prevue = datetime.date(2026, 5, 31)


class EntretienFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entretien

    parcours = factory.SubFactory(ParcoursFactory)
    date = factory.LazyFunction(lambda: datetime.datetime(2026, 2, 3, 10, 0, tzinfo=datetime.UTC))
    note = "Point sur la recherche d'emploi."


class OperationFactory(factory.django.DjangoModelFactory):
    """An FSE+ operation of the calendar year 2026."""

    class Meta:
        model = Operation

    code = factory.Sequence(lambda n: f"2026{n:05d}")
    intitule = factory.Sequence(lambda n: f"Accompagnement renforcé vers l'emploi {n}")
    structure = factory.SubFactory(StructureFactory)
    date_debut = datetime.date(2026, 1, 1)
    date_fin = datetime.date(2026, 12, 31)
    cout_total = Decimal("400000.00")
    montant_fse = Decimal("240000.00")
    participants_prevus = 500
