"""Sending notifications: in the portal and by email, as each recipient chose per category.

Each domain builds its own notifications (parcours.notifications, participants.notifications)
and sends them through `notifier`."""

from envois.services import mettre_en_file

from .models import Canal, Notification, Preference


def notifier(utilisateurs, categorie, titre, corps="", lien="", peut_voir=None):
    """Notify active `utilisateurs` in the portal and by email; emails leave after commit.

    `peut_voir(user)`, given by the domain that notifies, keeps only those who may open the object
    the notification is about: nobody is told of a person they could not see."""
    destinataires = {
        u.pk: u for u in utilisateurs if u is not None and u.is_active and (peut_voir is None or peut_voir(u))
    }
    if not destinataires:
        return []
    hors_portail = Preference.objects.desactivees(destinataires, Canal.APPLICATION)
    hors_email = Preference.objects.desactivees(destinataires, Canal.EMAIL)
    notifications = Notification.objects.bulk_create(
        Notification(utilisateur_id=pk, categorie=categorie, titre=titre[:200], corps=corps, lien=lien)
        for pk in destinataires
        if (pk, categorie) not in hors_portail
    )
    from .tasks import envoyer_email

    for pk in destinataires:
        if (pk, categorie) not in hors_email:
            mettre_en_file(envoyer_email, pk, str(titre), str(corps), lien)
    return notifications
