"""Notification objects of the shared test world: one of the referent's."""

from notifications.models import Categorie, Notification


def build(world):
    world.notification = Notification.objects.create(
        utilisateur=world.referent, categorie=Categorie.ETAPE_SUIVI, titre="Étape acceptée", lien="/"
    )
