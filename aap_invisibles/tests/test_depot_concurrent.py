"""A deposit overlapping bursts of autosaves never sends the dossier back to draft (issue 14,
critical 1): parallel requests on PostgreSQL, many rounds (services suite)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from aap_invisibles.models import Dossier, StatutDossier
from accounts.models import Role
from accounts.tests.factories import UserFactory

from .factories import AppelFactory, AssociationFactory, DossierFactory, remplir

TOURS = 12
SAUVEGARDES_PAR_TOUR = 6


def un_tour(appel, tour):
    """One draft, one deposit and a burst of autosaves released at the same instant."""
    porteur = UserFactory(role=Role.PORTEUR, structure=AssociationFactory())
    dossier = DossierFactory(appel=appel, porteur=porteur.structure)
    remplir(dossier)
    client = Client()
    client.force_login(porteur)
    section = reverse("aap_invisibles:dossier_section", kwargs={"pk": dossier.pk, "code": "1"})
    form = client.get(section).context["form"]
    donnees = {nom: "" if form[nom].value() is None else form[nom].value() for nom in form.fields}
    depart = threading.Barrier(SAUVEGARDES_PAR_TOUR + 1)
    codes = []

    def sauvegarder(numero):
        try:
            autre = Client()
            autre.force_login(porteur)
            depart.wait()
            reponse = autre.post(
                section,
                {**donnees, "representant_nom": f"Autosave {tour}-{numero}"},
                headers={"X-Requested-With": "fetch"},
            )
            codes.append(reponse.status_code)
        finally:
            connections.close_all()

    def deposer():
        try:
            depart.wait()
            Dossier.objects.get(pk=dossier.pk).deposer(porteur)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=sauvegarder, args=(n,)) for n in range(SAUVEGARDES_PAR_TOUR)]
    fils.append(threading.Thread(target=deposer))
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    return Dossier.objects.get(pk=dossier.pk), codes


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_autosaves_racing_the_deposit_never_undo_it(communes):
    if connection.vendor != "postgresql":
        pytest.skip("select_for_update ne verrouille rien sous SQLite : test lancé sur PostgreSQL (CI services).")
    appel = AppelFactory()
    for tour in range(TOURS):
        apres, codes = un_tour(appel, tour)
        assert apres.statut == StatutDossier.DEPOSE, f"tour {tour} : {apres.statut}"
        assert apres.numero_accuse and apres.copie_deposee
        # Every autosave either landed before the deposit or was refused after it (409), never a 500.
        assert set(codes) <= {200, 409}, codes
