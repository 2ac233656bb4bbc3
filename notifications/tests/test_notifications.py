"""Notifications: sending by preference, list, bell and preferences (notifications/)."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from notifications.models import Canal, Categorie, Notification, Preference
from notifications.services import notifier
from notifications.tasks import envoyer_email
from participants.notifications import notifier_affectation

pytestmark = pytest.mark.django_db


def test_a_notification_is_stored_and_emailed_after_commit(world, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notifier([world.referent], Categorie.ETAPE_SUIVI, "Étape acceptée", "Détail", "/parcours/etapes/1/")
        assert mailoutbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    assert Notification.objects.filter(utilisateur=world.referent, titre="Étape acceptée").exists()
    assert len(mailoutbox) == 1 and "Étape acceptée" in mailoutbox[0].subject
    assert "/parcours/etapes/1/" in mailoutbox[0].body


def test_a_category_switched_off_per_channel_is_not_sent_on_that_channel(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    Preference.objects.create(
        utilisateur=world.referent, categorie=Categorie.AFFECTATION, canal=Canal.EMAIL, actif=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        notifier_affectation(world.participant, world.referent)
    assert Notification.objects.filter(utilisateur=world.referent, categorie=Categorie.AFFECTATION).exists()
    assert mailoutbox == []


def test_a_deactivated_account_receives_nothing(world, django_capture_on_commit_callbacks, mailoutbox):
    world.referent.is_active = False
    world.referent.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert notifier_affectation(world.participant, world.referent) == []
    assert mailoutbox == []
    assert envoyer_email(world.referent.pk, "Titre", "Corps") is False


def test_notifier_affectation_links_to_the_participant(world):
    [notification] = notifier_affectation(world.participant, world.referent_collegue)
    assert notification.lien == reverse("participants:detail", kwargs={"pk": world.participant.pk})
    assert str(world.participant) in notification.titre


def test_the_list_shows_only_my_notifications_and_filters_unread(world, client_of):
    Notification.objects.create(utilisateur=world.referent_autre, categorie=Categorie.AFFECTATION, titre="Pas à moi")
    Notification.objects.create(
        utilisateur=world.referent, categorie=Categorie.AFFECTATION, titre="Déjà lue", lue_le="2026-01-01T10:00Z"
    )
    client = client_of(world.referent)
    toutes = [n.titre for n in client.get(reverse("notifications:liste")).context["notifications"]]
    assert "Pas à moi" not in toutes and set(toutes) == {"Étape acceptée", "Déjà lue"}
    non_lues = client.get(reverse("notifications:liste"), {"filtre": "non_lues"}).context["notifications"]
    assert [n.titre for n in non_lues] == ["Étape acceptée"]


def test_marking_one_and_all_as_read(world, client_of):
    autre = Notification.objects.create(utilisateur=world.referent, categorie=Categorie.AFFECTATION, titre="Autre")
    client = client_of(world.referent)
    response = client.post(reverse("notifications:marquer_lue", args=[world.notification.pk]), {"suivant": "/"})
    assert response["Location"] == "/"
    world.notification.refresh_from_db()
    assert world.notification.est_lue
    client.post(reverse("notifications:tout_marquer_lu"))
    autre.refresh_from_db()
    assert autre.est_lue


def test_an_external_next_link_is_ignored(world, client_of):
    response = client_of(world.referent).post(
        reverse("notifications:marquer_lue", args=[world.notification.pk]), {"suivant": "https://pirate.example/"}
    )
    assert response["Location"] == reverse("notifications:liste")


def test_nobody_marks_the_notification_of_someone_else(world, client_of):
    response = client_of(world.referent_autre).post(reverse("notifications:marquer_lue", args=[world.notification.pk]))
    assert response.status_code == 404
    world.notification.refresh_from_db()
    assert not world.notification.est_lue


def test_the_bell_shows_the_unread_count_with_one_query(world, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = world.referent
    template = Template("{% load notifications %}{% notifications_non_lues as n %}{{ n }}")
    with django_assert_num_queries(1):
        assert template.render(Context({"request": request})) == "1"


def test_the_bell_is_in_the_navigation(world, client_of):
    page = client_of(world.referent).get(reverse("notifications:preferences")).content.decode()
    assert reverse("notifications:liste") in page and "non lue" in page and "(s)" not in page


def test_preferences_switch_a_category_off_per_channel(world, client_of):
    client = client_of(world.referent)
    data = {f"{c.value}__{canal.value}": "on" for c in Categorie for canal in Canal}
    del data[f"{Categorie.ETAPE_SUIVI.value}__{Canal.EMAIL.value}"]
    client.post(reverse("notifications:preferences"), data)
    assert set(
        Preference.objects.filter(utilisateur=world.referent, actif=False).values_list("categorie", "canal")
    ) == {(Categorie.ETAPE_SUIVI.value, Canal.EMAIL.value)}
    form = client.get(reverse("notifications:preferences")).context["form"]
    assert form[f"{Categorie.ETAPE_SUIVI.value}__{Canal.EMAIL.value}"].initial is False


def test_the_email_link_is_absolute_on_the_public_address_of_the_portal(world, settings, mailoutbox):
    settings.PORTAIL_URL = "https://plie.metropole-rouen-normandie.fr"
    assert envoyer_email(world.referent.pk, "Titre", "Corps", lien="/participants/12/") is True
    assert "https://plie.metropole-rouen-normandie.fr/participants/12/" in mailoutbox[0].body


def test_nobody_is_told_about_a_person_they_could_not_open(world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        envoyees = notifier_affectation(world.participant, world.referent_autre)

    assert envoyees == [] and mailoutbox == []
