"""The partner's home: their structure's steps by status (parcours/etapes/espace.py)."""

import pytest
from django.urls import reverse

from parcours.choices import StatutEtape
from parcours.tests.factories import EtapeFactory, ParcoursFactory
from participants.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_the_partner_lands_on_the_proposals_to_answer(world, client_of):
    response = client_of(world.partenaire).get(reverse("home"))
    assert response.templates[0].name == "parcours/etapes/espace_partenaire.html"
    assert list(response.context["etapes"]) == [world.etape_proposee]
    page = response.content.decode()
    assert world.participant.telephone in page and world.participant.email in page
    assert reverse("parcours:etape_transition", args=[world.etape_proposee.pk, "accepter"]) in page


def test_tabs_show_counts_and_filter_by_status(world, client_of):
    client = client_of(world.partenaire)
    onglets = {cle: nombre for cle, _libelle, nombre in client.get(reverse("home")).context["onglets"]}
    assert onglets["a_traiter"] == 1 and onglets["en_cours"] == 1 and onglets["terminees"] == 0
    en_cours = client.get(reverse("home"), {"onglet": "en_cours"})
    assert list(en_cours.context["etapes"]) == [world.etape]
    assert client.get(reverse("home"), {"onglet": "tout"}).context["nombre"] == 2


def test_the_partner_never_sees_another_structures_steps(world, client_of):
    response = client_of(world.partenaire).get(reverse("home"), {"onglet": "tout"})
    assert world.etape_autre not in response.context["etapes"]
    page = response.content.decode()
    assert world.participant_autre.email not in page
    assert reverse("parcours:etape_detail", args=[world.etape_autre.pk]) not in page


def test_the_partner_home_shows_no_sensitive_data(world, client_of):
    page = client_of(world.partenaire).get(reverse("home"), {"onglet": "tout"}).content.decode()
    for sensible in ("RSA", "RQTH", "Journal", "Documents", "Historique", "Niveau de formation"):
        assert sensible not in page


def test_the_partner_home_is_not_the_home_of_other_roles(world, client_of):
    response = client_of(world.referent).get(reverse("home"))
    assert "parcours/etapes/espace_partenaire.html" not in [t.name for t in response.templates]


@pytest.mark.parametrize("nombre", [10, 100])
def test_the_partner_home_costs_the_same_number_of_queries_for_10_or_100_steps(
    nombre, world, client_of, django_assert_num_queries
):
    for _ in range(nombre):
        parcours = ParcoursFactory(participant=ParticipantFactory(referent=world.referent))
        EtapeFactory(parcours=parcours, structure=world.aci, statut=StatutEtape.PROPOSEE)
    client = client_of(world.partenaire)
    client.get(reverse("home"))
    # session and security middlewares (session, user, OTP devices), the user's structure in the
    # menu, bell, counts per tab (one aggregate), page count, one page of steps with participants
    # and types: the same for 10 or 100 steps.
    with django_assert_num_queries(7):
        response = client.get(reverse("home"))
    assert response.context["onglets"][0][2] == nombre + 1


def test_the_partner_searches_a_participant_without_accents(world, client_of):
    response = client_of(world.partenaire).get(reverse("home"), {"onglet": "tout", "q": "helene lefevre"})
    assert {e.pk for e in response.context["etapes"]} == {world.etape.pk, world.etape_proposee.pk}
    vide = client_of(world.partenaire).get(reverse("home"), {"onglet": "tout", "q": world.participant_autre.email})
    assert list(vide.context["etapes"]) == []


def test_the_partner_cannot_find_a_participant_by_their_france_travail_identifier(world, client_of):
    world.participant.identifiant_france_travail = "7654321X"
    world.participant.save()
    client = client_of(world.partenaire)
    assert list(client.get(reverse("home"), {"onglet": "tout", "q": "7654321X"}).context["etapes"]) == []
    trouve = client.get(reverse("home"), {"onglet": "tout", "q": world.participant.email}).context["etapes"]
    assert {e.pk for e in trouve} == {world.etape.pk, world.etape_proposee.pk}


def test_the_tabs_keep_the_search_and_the_sort(world, client_of):
    page = client_of(world.partenaire).get(reverse("home"), {"q": "helene", "tri": "participant", "page": "1"})
    assert 'href="?q=helene&amp;tri=participant&amp;onglet=tout"' in page.content.decode()


def test_the_partner_home_draws_its_steps_by_status(world, client_of):
    response = client_of(world.partenaire).get(reverse("home"))

    assert [str(libelle) for libelle, _n in response.context["par_statut"]][0] == "À traiter"
    assert 'aria-label="Étapes par statut : ' in response.content.decode()
