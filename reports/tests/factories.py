import factory

from accounts.tests.factories import UserFactory
from reports.models import Rapport, StatutRapport


class RapportFactory(factory.django.DjangoModelFactory):
    """A finished activity report with a small file in private storage."""

    class Meta:
        model = Rapport

    type = "activite"
    parametres = factory.LazyFunction(lambda: {"debut": "2026-01-01", "fin": "2026-03-31"})
    demandeur = factory.SubFactory(UserFactory)
    libelle = "Rapport d'activité du PLIE du 01/01/2026 au 31/03/2026"
    statut = StatutRapport.TERMINE
    progression = 100
    fichier = factory.django.FileField(filename="activite.pdf", data=b"%PDF-1.7 rapport de test")
    nom_fichier = "activite-20260101-20260331.pdf"
