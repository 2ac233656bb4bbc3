"""The one way the portal sends an e-mail: after commit, from a task, retried on a passing failure."""

import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction

from plie_portal.courriels import envoyer_apres_commit


class PremierEnvoiEchoue(EmailBackend):
    """The SMTP server drops the first connection, then accepts: a passing failure."""

    essais = 0

    def send_messages(self, messages):
        PremierEnvoiEchoue.essais += 1
        if PremierEnvoiEchoue.essais == 1:
            raise smtplib.SMTPServerDisconnected("connexion perdue")
        return super().send_messages(messages)


def test_nothing_is_sent_for_an_action_that_is_rolled_back(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        envoyer_apres_commit("Essai", "Bonjour", ["a@exemple.fr"])
        transaction.set_rollback(True)

    assert mail.outbox == []


def test_an_email_is_sent_once_the_action_commits_with_the_portal_prefix(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        envoyer_apres_commit("Essai", "Bonjour", ["a@exemple.fr"])

    assert [(m.subject, m.to) for m in mail.outbox] == [("[Portail PLIE] Essai", ["a@exemple.fr"])]


def test_a_passing_smtp_failure_is_retried_and_the_email_then_leaves(db, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = f"{__name__}.PremierEnvoiEchoue"
    PremierEnvoiEchoue.essais = 0

    with django_capture_on_commit_callbacks(execute=True):
        envoyer_apres_commit("Essai", "Bonjour", ["a@exemple.fr"])

    assert PremierEnvoiEchoue.essais == 2
    assert len(mail.outbox) == 1


def test_an_email_carries_an_html_version_in_the_portal_colours_with_the_text_escaped(db):
    from plie_portal.courriels import envoyer

    envoyer("Essai", "Bonjour <b>Léa</b>,\n\nVoir https://portail.exemple.fr/participants/3/", ["a@exemple.fr"])
    html, type_mime = mail.outbox[0].alternatives[0]

    assert type_mime == "text/html"
    assert "#1f3a93" in html and "Portail PLIE" in html
    assert "&lt;b&gt;Léa&lt;/b&gt;" in html
    assert '<a href="https://portail.exemple.fr/participants/3/"' in html


def test_the_text_version_of_an_email_is_left_as_written(db):
    from plie_portal.courriels import envoyer

    envoyer("Essai", "Bonjour,\n\nLigne deux", ["a@exemple.fr"])

    assert mail.outbox[0].body == "Bonjour,\n\nLigne deux"
