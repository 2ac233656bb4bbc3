"""Background sending of notification emails (enqueued after commit, rehydrated from ids)."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model

from plie_portal.courriels import REPRISE, envoyer


@shared_task(**REPRISE)
def envoyer_email(user_id, titre, corps, lien=""):
    """Send one notification email to a user who is still active (a deactivated account gets nothing)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    texte = corps
    if lien:
        # A worker has no request: settings.PORTAIL_URL makes the portal's relative link absolute.
        texte = f"{corps}\n\n{settings.PORTAIL_URL.rstrip('/')}{lien}"
    envoyer(titre, f"Bonjour,\n\n{texte}\n\nL'équipe du PLIE", [user.email])
    return True
