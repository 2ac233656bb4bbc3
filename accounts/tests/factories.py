import factory

from accounts.models import Role, User
from partners.tests.factories import StructureFactory

PASSWORD = "Mot-de-passe-de-test-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"utilisateur{n}@exemple.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    role = Role.REFERENT
    structure = factory.SubFactory(StructureFactory)
    password = factory.django.Password(PASSWORD)
