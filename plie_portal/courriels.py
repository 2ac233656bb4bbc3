"""The one way the portal sends an e-mail: from a Celery task, after the transaction that decided
it has committed, with the same retries everywhere. Domain tasks build their text (rehydrated from
ids at send time) and call `envoyer`; a view with only a text to send calls `envoyer_apres_commit`."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from envois.services import mettre_en_file

PREFIXE = "[Portail PLIE] "
# Failures worth trying again (the SMTP server busy or unreachable), and how: five tries, spaced
# out exponentially. Every task that sends an e-mail takes these options.
TRANSITOIRES = (smtplib.SMTPException, ConnectionError, TimeoutError)
REPRISE = {"autoretry_for": TRANSITOIRES, "retry_backoff": True, "max_retries": 5}


def envoyer(sujet, corps, destinataires, pieces=()):
    """Send one e-mail now (from a task): the portal's prefix and sender, the text and its HTML
    version in the portal's identity, attachments as (name, content, MIME type). Returns the
    number sent (0 without a recipient)."""
    destinataires = [adresse for adresse in destinataires if adresse]
    if not destinataires:
        return 0
    sujet = str(sujet)
    corps = str(corps)
    courriel = EmailMultiAlternatives(
        subject=sujet if sujet.startswith(PREFIXE) else PREFIXE + sujet,
        body=corps,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=destinataires,
    )
    # The same text in the portal's colours for the mail software that shows HTML (escaped, links made clickable).
    courriel.attach_alternative(
        render_to_string("courriels/message.html", {"sujet": sujet, "corps": corps}), "text/html"
    )
    for nom, contenu, type_mime in pieces:
        courriel.attach(nom, contenu, type_mime)
    return courriel.send()


def envoyer_apres_commit(sujet, corps, destinataires):
    """Queue one e-mail for the background task once the current transaction commits: nothing is
    sent for an action that was rolled back, and a slow SMTP server never holds a request."""
    from .tasks import envoyer_courriel

    mettre_en_file(envoyer_courriel, str(sujet), str(corps), list(destinataires))
