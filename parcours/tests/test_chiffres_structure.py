"""The parcours panel of a structure's page in the directory (parcours/structures.py)."""

import pytest
from django.urls import reverse

from parcours.choices import StatutEtape
from parcours.tests.factories import EtapeFactory

pytestmark = pytest.mark.django_db


def test_the_structure_page_shows_users_and_figures_to_coordination_only(world, client_of):
    EtapeFactory(parcours=world.parcours, structure=world.aci, statut=StatutEtape.TERMINEE)
    coordination = client_of(world.coordination).get(reverse("partners:detail", args=[world.aci.pk]))
    assert world.partenaire.email in coordination.content.decode()
    (panneau,) = coordination.context["panneaux"]
    chiffres = panneau["contexte"]["chiffres"]
    assert chiffres["en_cours"] == 1 and chiffres["terminee"] == 1 and chiffres["proposee"] == 1
    assert chiffres["participants"] == 1
    referent = client_of(world.referent).get(reverse("partners:detail", args=[world.aci.pk]))
    assert world.partenaire.email not in referent.content.decode()
    assert referent.context["panneaux"] == []
    assert "Leroy" in referent.content.decode()  # contacts are public to the directory's users
