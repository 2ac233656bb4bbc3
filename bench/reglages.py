"""`python bench/reglages.py`: the effect of PostgreSQL's `work_mem` and JIT on the portal's heaviest
queries, on the database of DATABASE_URL (a size of bench/echelle.py). Each query runs 5 times under
each setting (SET in the session, nothing changed on the server); the median is printed."""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plie_portal.settings")
os.environ.setdefault("SECRET_KEY", "banc-d-essai-" + os.urandom(16).hex())

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from parcours import indicators  # noqa: E402

REGLAGES = [
    ("work_mem 4MB, jit on (défaut)", "4MB", "on"),
    ("work_mem 4MB, jit off", "4MB", "off"),
    ("work_mem 64MB, jit off", "64MB", "off"),
    ("work_mem 64MB, jit on", "64MB", "on"),
]


def requetes():
    annee = datetime.date.today().year - 1
    debut, fin = datetime.date(annee, 1, 1), datetime.date(annee, 12, 31)
    return {
        "indicateurs FSE+ d'une année": lambda: indicators.calculer_indicateurs(debut, fin),
        "personnes accompagnées d'une année passée (DISTINCT)": lambda: indicators.personnes_accompagnees(debut, fin),
        "entrées et sorties par mois (12 mois)": lambda: indicators.entrees_et_sorties_par_mois(debut, fin),
    }


def main():
    resultats = {}
    for libelle, work_mem, jit in REGLAGES:
        with connection.cursor() as cursor:
            cursor.execute(f"SET work_mem = '{work_mem}'")
            cursor.execute(f"SET jit = {jit}")
        for nom, fonction in requetes().items():
            fonction()  # warm-up
            durees = []
            for _ in range(5):
                debut = time.perf_counter()
                fonction()
                durees.append((time.perf_counter() - debut) * 1000)
            resultats.setdefault(nom, {})[libelle] = round(statistics.median(durees), 1)
    print("| requête | " + " | ".join(libelle for libelle, _w, _j in REGLAGES) + " |")
    print("|---|" + "---|" * len(REGLAGES))
    for nom, mesures in resultats.items():
        print(f"| {nom} | " + " | ".join(f"{mesures[libelle]} ms" for libelle, _w, _j in REGLAGES) + " |")


if __name__ == "__main__":
    main()
