"""Benchmark of the reports (not a test): `DEBUG=1 .venv/bin/python bench/bench_reports.py`.

Prints the time of a dossier PDF and of a parcours PDF (target under 2 s each), of the activity
report over the data in the database (target under 30 s at 25,000 participants) and the peak
memory of the process. Runs the kinds' own generation code, without writing any Rapport row.
"""

import io
import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plie_portal.settings")

import django

django.setup()

from accounts.models import Role, User  # noqa: E402
from reports.kinds import get_kind  # noqa: E402
from reports.models import Rapport  # noqa: E402


def mesurer(libelle, code, demandeur, parametres, cible=None):
    rapport = Rapport(type=code, parametres=parametres, demandeur=demandeur)
    sortie = io.BytesIO()
    debut = time.perf_counter()
    get_kind(code).generate(rapport, lambda *args: None, sortie)
    duree = time.perf_counter() - debut
    verdict = ""
    if cible is not None:
        verdict = f" (objectif < {cible:.0f} s : {'atteint' if duree < cible else 'MANQUÉ'})"
    print(f"{libelle:<45} {duree:7.2f} s  {len(sortie.getvalue()) / 1024:8.0f} Kio{verdict}")
    return duree


def main():
    from aap_invisibles.models import Dossier
    from parcours.models import Parcours
    from participants.models import Participant

    coordination = (
        User.objects.filter(is_active=True, role=Role.COORDINATION).order_by("pk").first()
        or User.objects.filter(is_active=True, is_superuser=True).order_by("pk").first()
    )
    if coordination is None:
        sys.exit("Aucun compte de coordination : lancez d'abord `manage.py seed_demo`.")
    print(f"Base : {Participant.objects.count()} participants, {Parcours.objects.count()} parcours")
    # Warm-up: WeasyPrint loads Pango and the fonts once per process.
    participant = Participant.objects.filter(parcours__etapes__isnull=False).order_by("pk").first()
    if participant is None:
        print("Aucun participant avec des étapes : fiche de parcours non mesurée.")
    else:
        mesurer("Échauffement (fiche de parcours)", "parcours", coordination, {"participant": participant.pk})
        mesurer("Fiche de parcours (PDF)", "parcours", coordination, {"participant": participant.pk}, cible=2)
    dossier = Dossier.objects.exclude(statut="brouillon").order_by("pk").first()
    if dossier:
        mesurer("Dossier Cerfa 12156*06 (PDF)", "cerfa", coordination, {"dossier": dossier.pk}, cible=2)
    else:
        print("Aucun dossier AAP déposé dans la base : dossier Cerfa non mesuré.")
    premiere = Parcours.objects.exclude(date_entree=None).order_by("date_entree").values_list("date_entree", flat=True)
    debut = premiere.first() or date(date.today().year, 1, 1)
    periode = {"debut": debut.isoformat(), "fin": date.today().isoformat()}
    mesurer(f"Rapport d'activité {debut:%d/%m/%Y} → aujourd'hui (PDF)", "activite", coordination, periode, cible=30)
    mesurer("Classeur FSE+ même période (XLSX)", "fse", coordination, periode)
    # ru_maxrss is in kibibytes on Linux.
    print(f"Mémoire maximale du processus : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} Mio")


if __name__ == "__main__":
    main()
