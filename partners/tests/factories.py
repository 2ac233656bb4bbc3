import factory

from partners.models import Contact, Structure, TypeStructure
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
