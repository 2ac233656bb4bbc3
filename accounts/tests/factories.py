import datetime

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


def jeton_de_test(user, usage="api", secret=None, duree=datetime.timedelta(days=30), **champs):
    """A personal token of `user` with a known secret (the real ones are random): the secret."""
    from django.utils import timezone

    from accounts.models import PREFIXE_JETON, JetonPersonnel, empreinte_du_secret

    secret = secret or f"{PREFIXE_JETON}test-{usage}-{user.pk}-{JetonPersonnel.objects.count()}"
    JetonPersonnel.objects.create(
        utilisateur=user,
        usage=usage,
        nom=champs.pop("nom", "Jeton de test"),
        empreinte=empreinte_du_secret(secret),
        debut=secret[:9],
        expire_le=timezone.now() + duree,
        **champs,
    )
    return secret
