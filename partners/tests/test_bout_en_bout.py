"""Done-when of issue 4, told as one story with the test client."""

import pytest
from django.urls import reverse

from parcours.choices import StatutEtape
from parcours.models import Etape
from partners.tests.factories import EtapeTypeFactory

pytestmark = pytest.mark.django_db


def test_a_partner_accepts_starts_and_finishes_a_proposal_and_the_referent_sees_it(
    world, client_of, django_capture_on_commit_callbacks, mailoutbox
):
    formation = EtapeTypeFactory(code="caces", libelle="Formation CACES")
    formation.structures.add(world.aci)

    # The referent proposes the step to the ACI from the participant's page.
    client = client_of(world.referent)
    fiche = client.get(reverse("participants:detail", args=[world.participant.pk])).content.decode()
    assert reverse("parcours:etape_proposer", args=[world.parcours.pk]) in fiche
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("parcours:etape_proposer", args=[world.parcours.pk]),
            {
                "type": formation.pk,
                "structure": world.aci.pk,
                "date_debut_prevue": "2026-03-02",
                "date_fin_prevue": "2026-03-27",
                "objectif": "Obtenir le CACES 1",
            },
        )
    etape = Etape.objects.get(type=formation)
    assert world.partenaire.email in [m.to[0] for m in mailoutbox]

    # The partner logs in, sees the proposal on their home page and answers it.
    client = client_of(world.partenaire)
    accueil = client.get(reverse("home"))
    assert etape in accueil.context["etapes"]
    assert "Formation CACES" in accueil.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("parcours:etape_transition", args=[etape.pk, "accepter"]),
            {"accepter-commentaire": "Place réservée, session de mars"},
        )
        client.post(
            reverse("parcours:etape_transition", args=[etape.pk, "demarrer"]), {"demarrer-date_debut": "2026-03-02"}
        )
        client.post(
            reverse("parcours:etape_transition", args=[etape.pk, "terminer"]),
            {"terminer-date_fin": "2026-03-27", "terminer-resultat": "CACES 1 obtenu"},
        )
    etape.refresh_from_db()
    assert etape.statut == StatutEtape.TERMINEE

    # The referent sees the answer on the participant's timeline and in their notifications.
    client = client_of(world.referent)
    fiche = client.get(reverse("participants:detail", args=[world.participant.pk])).content.decode()
    assert "Formation CACES" in fiche and "Terminée" in fiche
    assert "CACES 1 obtenu" in fiche and "Place réservée, session de mars" in fiche
    notifications = client.get(reverse("notifications:liste")).content.decode()
    assert "étape « Formation CACES » acceptée" in notifications
    assert "étape « Formation CACES » terminée" in notifications
    assert world.referent.email in [m.to[0] for m in mailoutbox]
