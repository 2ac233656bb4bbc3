import factory

from partners.models import CategorieEtape, Contact, EtapeType, Structure, TypeStructure
from partners.siret import make_siret


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    nom = factory.Sequence(lambda n: f"Structure {n}")
    type = TypeStructure.ASSOCIATION
    siret = factory.Sequence(lambda n: make_siret(500_000 + n))
    commune_id = "76540"
    partenaire_plie = True


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    structure = factory.SubFactory(StructureFactory)
    nom = factory.Faker("last_name", locale="fr_FR")
    prenom = factory.Faker("first_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"contact{n}@exemple.fr")


class EtapeTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EtapeType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"etape-{n}")
    libelle = factory.Sequence(lambda n: f"Étape type {n}")
    categorie = CategorieEtape.REMOBILISATION
