import datetime

import factory

from participants.models import Document, Participant, Sexe


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    sexe = Sexe.FEMME
    nom = factory.Faker("last_name", locale="fr_FR")
    prenom = factory.Faker("first_name", locale="fr_FR")
    date_naissance = datetime.date(1990, 5, 17)
    commune_id = "76540"
    telephone = "06 12 34 56 78"
    email = factory.Sequence(lambda n: f"participant{n}@exemple.fr")
    referent = None


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    participant = factory.SubFactory(ParticipantFactory)
    type = "cv"
    titre = "CV"
    fichier = factory.django.FileField(filename="cv.pdf", data=b"%PDF-1.4 test")
