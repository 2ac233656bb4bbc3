"""Benchmark of the participant pages (not a test).

Loads N demo participants (default 25,000) into the configured database through the seed code if
fewer exist, then prints the median and 95th percentile server time (Django test client) and the
query count of: the list, a search, a filter, a referent's caseload and a participant page.

    DEBUG=1 .venv/bin/python bench/bench_participants.py --participants 3000 [--requetes 30]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plie_portal.settings")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from parcours.models import Etape  # noqa: E402
from participants.models import Participant  # noqa: E402
from participants.seed import DOMAINE_DEMO  # noqa: E402
from plie_portal.seed import DemoContext, run_seeders  # noqa: E402


def charger(n):
    existants = Participant.objects.count()
    if existants >= n:
        print(f"Base : {existants} participants (≥ {n}), aucun chargement.")
        return
    if Participant.objects.filter(email__endswith=f"@{DOMAINE_DEMO}").exists():
        print(f"Base déjà semée avec {existants} participants (< {n}) : utilisez une base vide pour en charger {n}.")
        return
    debut = time.perf_counter()
    ctx = run_seeders(DemoContext(participants=n))
    print(f"Chargement de {n} participants en {time.perf_counter() - debut:.1f} s.")
    for note in ctx.notes:
        print(" ", note)


def client_pour(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    if apps.is_installed("django_otp.plugins.otp_totp"):
        # The second factor is mandatory for coordination: attach a confirmed device to the session.
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device, _created = TOTPDevice.objects.get_or_create(user=user, name="banc d'essai", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def mesurer(client, url, requetes):
    durees, nombres = [], []
    client.get(url)  # warm-up (caches, first connection)
    for _i in range(requetes):
        with CaptureQueriesContext(connection) as requetes_sql:
            debut = time.perf_counter()
            reponse = client.get(url)
            durees.append((time.perf_counter() - debut) * 1000)
        nombres.append(len(requetes_sql.captured_queries))
        if reponse.status_code != 200:
            raise SystemExit(f"{url} : statut {reponse.status_code}")
    durees.sort()
    p95 = durees[min(len(durees) - 1, int(round(0.95 * len(durees))) - 1)]
    return statistics.median(durees), p95, max(nombres)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=25_000)
    parser.add_argument("--requetes", type=int, default=30)
    options = parser.parse_args()
    charger(options.participants)
    coordination = User.objects.filter(role=Role.COORDINATION, is_active=True).first()
    referent = (
        User.objects.filter(role=Role.REFERENT, is_active=True)
        .annotate(n=Count("participants_suivis"))
        .order_by("-n")
        .first()
    )
    participant = (
        Participant.objects.filter(referent=referent).annotate(n=Count("parcours__etapes")).order_by("-n").first()
    )
    nom = participant.nom[:4].lower()
    print(
        f"{Participant.objects.count()} participants, {Etape.objects.count()} étapes, base {connection.vendor} ; "
        f"{options.requetes} requêtes par page."
    )
    liste = reverse("participants:liste")
    cas = [
        ("Liste (coordination)", coordination, liste),
        ("Recherche (coordination)", coordination, f"{liste}?q={nom}"),
        ("Filtre (coordination)", coordination, f"{liste}?statut=en_parcours&qpv=oui&age=26-44"),
        ("Liste (référent)", referent, liste),
        ("Portefeuille du référent", referent, reverse("home")),
        ("Fiche participant (référent)", referent, reverse("participants:detail", args=[participant.pk])),
    ]
    print(f"{'page':32} {'médiane ms':>11} {'p95 ms':>9} {'requêtes SQL':>13}")
    for libelle, user, url in cas:
        mediane, p95, sql = mesurer(client_pour(user), url, options.requetes)
        print(f"{libelle:32} {mediane:11.1f} {p95:9.1f} {sql:13d}")


if __name__ == "__main__":
    main()
