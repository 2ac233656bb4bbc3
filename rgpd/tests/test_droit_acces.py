"""Right of access (RGPD art. 15): everything held about a participant, as JSON and PDF."""

import json

import pytest
from django.urls import reverse

from accounts.models import AccesDonnees
from parcours.models import Etape
from parcours.tests.factories import EntretienFactory
from rgpd.droit_acces import donnees_participant

pytestmark = pytest.mark.django_db


def test_coordination_downloads_everything_about_a_participant_as_json(world, client_of):
    EntretienFactory(parcours=world.parcours, note="A parlé de son projet de permis.")
    world.participant.telephone = "0601020304"
    world.participant.save()
    response = client_of(world.coordination).get(
        reverse("rgpd:droit_acces", kwargs={"pk": world.participant.pk}), {"format": "json"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["participant"]["nom d'usage"] == "Lefèvre"
    assert data["participant"]["prénom"] == "Hélène"
    notes = [entretien["note"] for un in data["parcours"] for entretien in un["entretiens"]]
    assert "A parlé de son projet de permis." in notes
    assert str(world.aci) in [etape["structure"] for un in data["parcours"] for etape in un["etapes"]]
    assert any(ligne["valeurs"]["téléphone"] == "0601020304" for ligne in data["historique"]["participant"])
    assert AccesDonnees.objects.filter(
        action="export", objet_type="participants.Participant", objet_id=str(world.participant.pk)
    ).exists()


def test_the_page_summarises_the_data_and_offers_json_and_pdf(world, client_of):
    response = client_of(world.coordination).get(reverse("rgpd:droit_acces", kwargs={"pk": world.participant.pk}))
    content = response.content.decode()
    assert response.context["resume"]["parcours"] == world.participant.parcours.count()
    assert response.context["resume"]["etapes"] == Etape.objects.filter(parcours__participant=world.participant).count()
    assert "?format=json" in content
    assert reverse("reports:demander", kwargs={"type": "droit_acces"}) in content


def test_the_pdf_is_produced_in_the_background_for_coordination(world, client_of, django_capture_on_commit_callbacks):
    from reports.models import Rapport

    client = client_of(world.coordination)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:demander", kwargs={"type": "droit_acces"}), {"participant": world.participant.pk}
        )
    assert response.status_code == 302
    rapport = Rapport.objects.get(type="droit_acces")
    rapport.refresh_from_db()
    assert rapport.statut == "termine", rapport.erreur
    with rapport.fichier.open("rb") as fichier:
        assert fichier.read(5) == b"%PDF-"


def test_the_data_include_access_log_rows_about_the_participant(world):
    AccesDonnees.objects.create(
        utilisateur=world.referent,
        utilisateur_email=world.referent.email,
        action="consultation",
        objet_type="participants.Participant",
        objet_id=str(world.participant.pk),
    )
    data = donnees_participant(world.participant)
    assert [row["e-mail de l'utilisateur"] for row in data["acces"]] == [world.referent.email]


def test_a_referent_cannot_use_the_right_of_access_page(world, client_of):
    url = reverse("rgpd:droit_acces", kwargs={"pk": world.participant.pk})
    assert client_of(world.referent).get(url).status_code == 403
