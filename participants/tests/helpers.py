"""Helpers of the participants tests: many participants at once, and reading XLSX answers."""

import datetime
from io import BytesIO

from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from parcours.choices import DecisionCommission, NiveauFormation, StatutMarcheTravail
from parcours.models import Parcours
from parcours.models.courant import recalculer
from participants.models import Participant


def creer_participants(nombre, referent, prefixe="Nom", **parcours):
    """`nombre` participants of `referent`, each with an entered parcours (bulk, for query-count tests)."""
    personnes = []
    for i in range(nombre):
        p = Participant(
            nom=f"{prefixe}{i:04d}",
            prenom="Prénom",
            sexe="F",
            date_naissance=datetime.date(1985, 1, 1),
            commune_id="76540",
            email=f"{prefixe.lower()}{i}@exemple.fr",
            referent=referent,
        )
        personnes.append(p)
    personnes = Participant.objects.creer_en_masse(personnes)
    valeurs = {
        "date_orientation": datetime.date(2026, 1, 5),
        "decision_commission": DecisionCommission.VALIDEE,
        "date_entree": datetime.date(2026, 1, 15),
        "statut_marche_travail": StatutMarcheTravail.CHOMEUR,
        "niveau_formation": NiveauFormation.NIVEAU_3,
        **parcours,
    }
    Parcours.objects.bulk_create([Parcours(participant=p, referent=referent, **valeurs) for p in personnes])
    # As every bulk writer of the portal: the kept columns of these people (parcours.models.courant).
    recalculer([p.pk for p in personnes])
    return personnes


def lire_xlsx(response):
    """The rows of the first sheet of an XLSX response, as lists of values."""
    classeur = load_workbook(BytesIO(response.content), read_only=True)
    feuille = classeur.worksheets[0]
    lignes = [list(ligne) for ligne in feuille.iter_rows(values_only=True)]
    classeur.close()
    return lignes


def nombre_de_requetes(client, url):
    """The number of SQL queries of one GET of `url` (which must answer 200)."""
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes.captured_queries)
