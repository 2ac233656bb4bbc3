"""Two retention rules of the daily purge: import files left at the preview, and sign-ups whose
address was never verified (RGPD issue: nothing personal is kept without a purpose)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from aap_invisibles.models import DemandeAdhesion
from accounts.models import Role, User
from accounts.tests.factories import UserFactory
from parcours.models import Importation
from rgpd.purge import purger

pytestmark = pytest.mark.django_db


def vieillir(modele, objet, jours):
    modele.objects.filter(pk=objet.pk).update(cree_le=timezone.now() - datetime.timedelta(days=jours))


def test_an_import_file_left_at_the_preview_is_deleted_after_a_day_its_result_kept(world):
    chemin = default_storage.save("imports/oublie.csv", ContentFile(b"nom;prenom\\nDupont;Jean\\n"))
    oublie = Importation.objects.create(par=world.coordination, nom_fichier="oublie.csv", chemin=chemin)
    recent = Importation.objects.create(
        par=world.coordination,
        nom_fichier="recent.csv",
        chemin=default_storage.save("imports/recent.csv", ContentFile(b"x")),
    )
    vieillir(Importation, oublie, 2)
    assert purger(dry_run=True).imports_oublies == 1 and default_storage.exists(chemin)
    bilan = purger()
    assert bilan.imports_oublies == 1
    assert not default_storage.exists(chemin) and default_storage.exists(recent.chemin)
    assert Importation.objects.filter(pk=oublie.pk).exists()


def test_a_sign_up_never_verified_is_deleted_after_30_days(world):
    ancien = UserFactory(email="jamais@asso.fr", role=Role.PORTEUR, is_active=False)
    demande = DemandeAdhesion.objects.create(utilisateur=ancien, structure_nom="Asso fantôme", rna="W763000001")
    recent = UserFactory(email="bientot@asso.fr", role=Role.PORTEUR, is_active=False)
    DemandeAdhesion.objects.create(utilisateur=recent, structure_nom="Asso neuve", rna="W763000002")
    vieillir(DemandeAdhesion, demande, 31)
    assert purger(dry_run=True).inscriptions_abandonnees == 1 and User.objects.filter(pk=ancien.pk).exists()
    assert purger().inscriptions_abandonnees == 1
    assert not User.objects.filter(pk=ancien.pk).exists()
    assert User.objects.filter(pk=recent.pk).exists()
