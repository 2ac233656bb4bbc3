"""The access log exported with the filters of its page (RGPD: coordination and the DPO filter the
log by person, user, date and action, and export it)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import AccesDonnees
from reports.models import Rapport, StatutRapport

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_rows_of_the_filters_and_only_them(world, client_of, django_capture_on_commit_callbacks):
    AccesDonnees.objects.create(
        utilisateur=world.referent,
        utilisateur_email=world.referent.email,
        action="consultation",
        objet_type="participants.Participant",
        objet_id=str(world.participant.pk),
        description="Fiche",
    )
    AccesDonnees.objects.create(
        utilisateur=world.coordination,
        utilisateur_email=world.coordination.email,
        action="export",
        objet_type="participants.Participant",
        objet_id="",
        description="Liste",
    )
    client = client_of(world.coordination)
    page = client.get(reverse("accounts:acces"), {"utilisateur": world.referent.email}).content.decode()
    assert reverse("reports:demander", args=["journal_acces"]) in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:demander", args=["journal_acces"]), {"utilisateur": world.referent.email})
    rapport = Rapport.objects.filter(type="journal_acces").latest("pk")
    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    with rapport.fichier.open("rb") as fichier:
        lignes = list(load_workbook(io.BytesIO(fichier.read())).active.iter_rows(values_only=True))
    assert lignes[0][:3] == ("Le", "Utilisateur", "Action")
    assert {ligne[1] for ligne in lignes[1:]} == {world.referent.email}


def test_only_coordination_exports_the_access_log(world, client_of):
    reponse = client_of(world.referent).post(reverse("reports:demander", args=["journal_acces"]), {})
    assert reponse.status_code == 403
