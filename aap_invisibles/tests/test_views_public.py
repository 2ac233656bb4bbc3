"""Public pages: the calls, their deadline and postponements, documents."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from aap_invisibles.models import ReportCloture

PARIS = ZoneInfo("Europe/Paris")


def test_the_list_shows_open_calls_and_past_ones_without_login(world, client_of):
    world.appel_non_assigne.date_ouverture = datetime.datetime(2020, 3, 1, tzinfo=PARIS)
    world.appel_non_assigne.date_cloture = datetime.datetime(2020, 7, 1, 12, tzinfo=PARIS)
    world.appel_non_assigne.save()
    page = client_of(None).get(reverse("aap_invisibles:liste")).content.decode()
    ouverts, passes = page.split("Appels clos")
    assert world.appel.titre in ouverts
    assert world.appel_non_assigne.titre in passes


def test_a_published_call_not_open_yet_is_announced_not_shown_as_closed(world, client_of):
    world.appel_non_assigne.date_ouverture = timezone.now() + datetime.timedelta(days=10)
    world.appel_non_assigne.save()
    page = client_of(None).get(reverse("aap_invisibles:liste")).content.decode()
    a_venir, passes = page.split("Appels à venir")[1].split("Appels clos")
    assert world.appel_non_assigne.titre in a_venir and world.appel_non_assigne.titre not in passes
    porteur = client_of(world.porteur)
    assert world.appel_non_assigne not in porteur.get(reverse("aap_invisibles:mes_dossiers")).context["ouverts"]
    reponse = porteur.post(reverse("aap_invisibles:dossier_creer", args=[world.appel_non_assigne.slug]), follow=True)
    assert "pas encore ouvert" in reponse.content.decode()


def test_a_draft_call_is_not_public(world, client_of):
    world.appel.statut = "brouillon"
    world.appel.save()
    assert client_of(None).get(reverse("aap_invisibles:appel", kwargs={"slug": world.appel.slug})).status_code == 404
    assert world.appel.titre not in client_of(None).get(reverse("aap_invisibles:liste")).content.decode()


def test_the_call_page_shows_the_deadline_its_postponement_and_an_unset_hearing(world, client_of):
    appel = world.appel
    ReportCloture.objects.create(
        appel=appel,
        ancienne_date=datetime.datetime(2020, 5, 15, 12, tzinfo=PARIS),
        nouvelle_date=appel.date_cloture,
        motif="Crise sanitaire",
    )
    page = client_of(None).get(reverse("aap_invisibles:appel", kwargs={"slug": appel.slug})).content.decode()
    assert "Date reportée" in page and "Crise sanitaire" in page
    assert "date non définie" in page
    assert "154" in page
    assert "Règlement" in page


def test_a_public_document_is_downloaded_without_login(world, client_of):
    reponse = client_of(None).get(
        reverse("aap_invisibles:appel_document", kwargs={"slug": world.appel.slug, "pk": world.document_appel.pk})
    )
    assert reponse.status_code == 200
    assert reponse.content.startswith(b"%PDF")
    assert "attachment" in reponse["Content-Disposition"]


def test_coordination_downloads_the_documents_of_a_call_not_yet_published(world, client_of):
    world.appel.statut = "brouillon"
    world.appel.save()
    adresse = reverse("aap_invisibles:appel_document", kwargs={"slug": world.appel.slug, "pk": world.document_appel.pk})
    assert client_of(None).get(adresse).status_code == 404
    assert client_of(world.porteur).get(adresse).status_code == 404
    assert client_of(world.coordination).get(adresse).status_code == 200
