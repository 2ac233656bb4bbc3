"""Lists keep a constant number of queries whatever the number of rows (pinned counts)."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import AppelFactory, AssociationFactory, DossierFactory, dossier_depose


def mesurer(client, adresse, django_assert_num_queries, ajouter, attendu):
    """Same count with few and with more rows (the session, user and middleware queries included)."""
    client.get(adresse)
    with CaptureQueriesContext(connection) as peu:
        assert client.get(adresse).status_code == 200
    ajouter()
    with CaptureQueriesContext(connection) as beaucoup:
        assert client.get(adresse).status_code == 200
    assert (len(peu), len(beaucoup)) == (attendu, attendu)


def test_the_applicants_dossiers_list_has_a_pinned_query_count(world, client_of, django_assert_num_queries):
    def ajouter():
        for _ in range(4):
            DossierFactory(appel=AppelFactory(), porteur=world.asso)

    mesurer(client_of(world.porteur), reverse("aap_invisibles:mes_dossiers"), django_assert_num_queries, ajouter, 8)


def test_the_public_list_has_a_pinned_query_count(world, client_of, django_assert_num_queries):
    def ajouter():
        for _ in range(4):
            AppelFactory()

    mesurer(client_of(None), reverse("aap_invisibles:liste"), django_assert_num_queries, ajouter, 1)


def test_the_calls_management_list_has_a_pinned_query_count(world, client_of, django_assert_num_queries):
    def ajouter():
        for _ in range(4):
            AppelFactory().instructeurs.add(world.instructeur)

    mesurer(
        client_of(world.coordination), reverse("aap_invisibles:gestion"), django_assert_num_queries, ajouter, 9
    )  # + the count of pending sign-up requests, the grants waiting for a SIRET


def test_the_committee_view_has_a_pinned_query_count(world, client_of, django_assert_num_queries):
    def ajouter():
        for _ in range(4):
            dossier_depose(world.appel, AssociationFactory(), Decimal("1000"), "en_instruction")

    adresse = reverse("aap_invisibles:comite", kwargs={"pk": world.appel.pk})
    # + the call's labels and the dossiers' labels (one prefetch)
    mesurer(client_of(world.coordination), adresse, django_assert_num_queries, ajouter, 10)
