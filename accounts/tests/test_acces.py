"""Access log page (coordination) and its one-year purge."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccesDonnees
from rgpd.tasks import purger_donnees_expirees

pytestmark = pytest.mark.django_db


def ligne(user, objet_type="participants.Participant", objet_id="1", action="consultation", le=None):
    row = AccesDonnees.objects.create(
        utilisateur=user, utilisateur_email=user.email, action=action, objet_type=objet_type, objet_id=objet_id
    )
    if le is not None:
        AccesDonnees.objects.filter(pk=row.pk).update(le=le)
    return row


def test_coordination_searches_the_log_by_user_object_action_and_dates(world, client_of):
    ligne(world.referent, objet_id="7")
    ligne(world.referent, objet_id="8", action="export")
    ligne(world.partenaire, objet_id="7", le=timezone.now() - datetime.timedelta(days=40))
    client = client_of(world.coordination)
    url = reverse("accounts:acces")
    assert client.get(url).context["page_obj"].paginator.count == 3
    assert client.get(url, {"utilisateur": "ref@"}).context["page_obj"].paginator.count == 2
    assert client.get(url, {"objet_id": "7"}).context["page_obj"].paginator.count == 2
    response = client.get(url, {"action": "export", "objet_type": "participants.Participant"})
    assert [row.objet_id for row in response.context["acces"]] == ["8"]
    du = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    assert client.get(url, {"du": du}).context["page_obj"].paginator.count == 2
    au = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    response = client.get(url, {"au": au})
    assert [row.utilisateur_email for row in response.context["acces"]] == [world.partenaire.email]


def test_the_log_is_paginated_sorted_and_says_when_empty(world, client_of):
    client = client_of(world.coordination)
    assert "Aucun accès ne correspond" in client.get(reverse("accounts:acces")).content.decode()
    for i in range(30):
        ligne(world.referent if i % 2 else world.partenaire, objet_id=str(i))
    response = client.get(reverse("accounts:acces"), {"tri": "utilisateur"})
    assert len(response.context["acces"]) == 25
    assert response.context["acces"][0].utilisateur_email == world.partenaire.email
    page = response.content.decode()
    assert 'aria-current="page"' in page and "?tri=utilisateur&amp;page=2" in page and "Suivante" in page


@pytest.mark.parametrize("rows", [1, 40])
def test_the_log_page_runs_a_constant_number_of_queries(world, client_of, django_assert_num_queries, rows):
    for i in range(rows):
        ligne(world.referent, objet_id=str(i))
    client = client_of(world.coordination)
    client.get(reverse("accounts:acces"))
    # session, user, OTP device, object types, count, page; base.html: unread notifications.
    with django_assert_num_queries(7):
        client.get(reverse("accounts:acces"), {"utilisateur": "ref"})


def test_rows_older_than_one_year_are_purged_daily(world):
    old = ligne(world.referent, le=timezone.now() - datetime.timedelta(days=366))
    recent = ligne(world.referent, le=timezone.now() - datetime.timedelta(days=364))
    assert purger_donnees_expirees.apply().get()["acces"] == 1
    assert list(AccesDonnees.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AccesDonnees.objects.filter(pk=old.pk).exists()
