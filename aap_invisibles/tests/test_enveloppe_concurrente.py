"""Two coordinators deciding at once never exceed the envelope (row lock on the call; PostgreSQL only)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from aap_invisibles.models import StatutDossier, TransitionInvalide
from accounts.models import Role
from accounts.tests.factories import UserFactory

from .factories import AppelFactory, AssociationFactory, dossier_depose


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_decisions_cannot_exceed_the_envelope(communes):
    if connection.vendor != "postgresql":
        pytest.skip("select_for_update ne verrouille rien sous SQLite : test lancé sur PostgreSQL (CI services).")
    coordination = UserFactory(role=Role.COORDINATION)
    appel = AppelFactory(budget_total=Decimal("50000"))
    dossiers = [
        dossier_depose(appel, AssociationFactory(), Decimal("30000"), StatutDossier.EN_INSTRUCTION) for _ in range(2)
    ]
    barriere = threading.Barrier(2)
    resultats = []

    def decider(dossier):
        try:
            barriere.wait()
            dossier.retenir(coordination, Decimal("30000"))
            resultats.append("retenu")
        except TransitionInvalide:
            resultats.append("refuse")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decider, args=(d,)) for d in dossiers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(resultats) == ["refuse", "retenu"]
    assert appel.reste_a_allouer() == Decimal("20000")
