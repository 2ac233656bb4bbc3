"""The forgotten-password e-mail leaves by the portal's one way: a task after commit, with retries."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_reset_link_is_sent_once_the_request_has_committed(
    world, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as rappels:
        response = client.post(reverse("accounts:password_reset"), {"email": world.referent.email})
    assert response.status_code == 302
    assert mailoutbox == []  # nothing sent inside the request
    for rappel in rappels:
        rappel()
    (courriel,) = mailoutbox
    assert courriel.to == [world.referent.email]
    assert courriel.subject.startswith("[Portail PLIE] ")
    assert "/comptes/mot-de-passe/" in courriel.body


def test_an_unknown_address_gets_the_same_answer_and_no_e_mail(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "inconnu@exemple.fr"})
    assert response.status_code == 302 and response.url == reverse("accounts:password_reset_done")
    assert mailoutbox == []
