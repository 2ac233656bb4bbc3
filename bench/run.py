"""`make bench`: the portal at scale, side by side with the Django admin and the raw SQL.

Builds (once) a PostgreSQL database of 25,000 participants, ~125,000 steps, ~100 structures,
40 referents and 30 dossiers, then measures in one run: page server times (median, p95 over N
requests) and query counts, the admin changelist at the same page size, the page's own SQL run
alone, the import of a 25,000-line file, the historical import of 25,000 people (bench/historique.py),
the FSE+ indicators, two documents, and a bounded load
test (locust, loopback only, 60 s at most). Writes bench/out/bench.json and prints a table.

Not a test: figures vary with the machine. Run with DATABASE_URL pointing to PostgreSQL.
"""

import argparse
import csv
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plie_portal.settings")
# Measured as in production: DEBUG off (no query log, cached templates, manifest static files).
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "banc-d-essai-" + os.urandom(16).hex())
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The test client talks to "testserver". No setup_test_environment(): it instruments every template
# render (a signal the test client answers by copying the context), which is not production time.
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from parcours.importation import COLONNES  # noqa: E402
from participants.models import Participant  # noqa: E402

OUT = BASE_DIR / "bench" / "out"
PASSWORD = "Demo-PLIE-Rouen-2026"


def percentile(values, pct):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def manage(*args, env=None):
    """Run a management command in a child process; returns (seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output = process.stdout.read().decode(errors="replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} a échoué :\n{output[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, output


# --- Data --------------------------------------------------------------------------------------
def build_data(participants, referents):
    """Seed the demo data at scale (once), then spread the caseloads over `referents` referents,
    one of them following exactly 80 people."""
    existing = Participant.objects.count()
    if existing < participants:
        print(f"Construction des données : {participants} participants (seed_demo)…", flush=True)
        seconds, rss, _out = manage("seed_demo", "--participants", str(participants))
        print(f"  seed_demo : {seconds:.0f} s, {rss:.0f} Mo", flush=True)
    structures = list(User.objects.filter(role=Role.REFERENT).values_list("structure_id", flat=True).distinct()) or [
        None
    ]
    current = list(User.objects.filter(role=Role.REFERENT).order_by("pk"))
    for index in range(len(current), referents):
        user = User(
            email=f"referent.bench{index}@plie-rouen.fr",
            role=Role.REFERENT,
            structure_id=structures[index % len(structures)],
            first_name="Référent",
            last_name=f"Banc {index}",
        )
        user.set_password(PASSWORD)
        user.save()
        current.append(user)
    top_up_steps(5 * participants)  # 125,000 steps for 25,000 participants
    top_up_dossiers(30)
    bench_referent = current[0]
    ids = list(Participant.objects.order_by("pk").values_list("pk", flat=True))
    others = current[1:]
    # One referent with a caseload of exactly 80; the rest spread evenly over the others.
    Participant.objects.filter(pk__in=ids[:80]).update(referent=bench_referent)
    chunk = max(1, (len(ids) - 80) // max(1, len(others)))
    for index, user in enumerate(others):
        start = 80 + index * chunk
        end = len(ids) if index == len(others) - 1 else start + chunk
        Participant.objects.filter(pk__in=ids[start:end]).update(referent=user)
    from participants.tris import recalculer_tris

    recalculer_tris(Participant.objects.all())  # the referents changed by update(), which calls no save()
    # Statistics of the tables just written, as autovacuum would give them some minutes later: without
    # them the planner guesses (the caseload took 1.4 s instead of 25 ms right after a fresh seed).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return bench_referent


def top_up_steps(target):
    """The demo seed gives about 4.2 steps per parcours: add finished ones up to `target` steps."""
    from parcours.models import Etape, Parcours
    from partners.models import EtapeType, Structure

    missing = target - Etape.objects.count()
    if missing <= 0:
        return
    rng = random.Random(3)
    types = list(EtapeType.objects.all())
    structures = list(Structure.objects.filter(partenaire_plie=True).values_list("pk", flat=True))
    parcours = list(Parcours.objects.filter(date_entree__isnull=False).values_list("pk", "date_entree", "date_sortie"))
    today = datetime.date.today()
    batch = []
    for _ in range(missing):
        pk, entree, sortie = rng.choice(parcours)
        debut = entree + datetime.timedelta(days=rng.randint(0, 60))
        fin = min(debut + datetime.timedelta(days=rng.randint(7, 120)), sortie or today)
        fin = max(fin, debut)
        batch.append(
            Etape(
                parcours_id=pk,
                type=rng.choice(types),
                structure_id=rng.choice(structures),
                statut="terminee",
                date_debut_prevue=debut,
                date_fin_prevue=fin,
                date_debut=debut,
                date_fin=fin,
            )
        )
    Etape.objects.bulk_create(batch, batch_size=5000)
    print(f"  {missing} étapes terminées ajoutées (total {Etape.objects.count()})", flush=True)


def top_up_dossiers(target):
    """The demo seed has about twelve dossiers: add submitted ones of new associations up to `target`."""
    from aap_invisibles.models import AppelAProjets, Dossier, StatutDossier
    from aap_invisibles.tests.factories import AssociationFactory, dossier_depose

    missing = target - Dossier.objects.count()
    appel = AppelAProjets.objects.order_by("-date_cloture").first()
    for index in range(max(0, missing)):
        dossier_depose(appel, AssociationFactory(nom=f"Association banc {index}"), statut=StatutDossier.EN_INSTRUCTION)
    if missing > 0:
        print(f"  {missing} dossiers ajoutés (total {Dossier.objects.count()})", flush=True)


def counts():
    from django.apps import apps

    result = {"participants": Participant.objects.count()}
    for label in ("parcours.Parcours", "parcours.Etape", "partners.Structure", "aap_invisibles.Dossier"):
        try:
            result[label.split(".")[1].lower()] = apps.get_model(label).objects.count()
        except LookupError:
            result[label.split(".")[1].lower()] = None
    result["referents"] = User.objects.filter(role=Role.REFERENT).count()
    return result


# --- In-process page measurements ---------------------------------------------------------------
def logged_client(user):
    client = Client()
    client.force_login(user)
    try:  # roles with a mandatory second factor: mark the session verified as django_otp.login does
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_static.models import StaticDevice

        device, _ = StaticDevice.objects.get_or_create(user=user, name="Banc d'essai", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    except ImportError:
        pass
    return client


class TemplateClock:
    """Time spent rendering the page's templates (outermost render only; measure_page takes out the
    queries that a template runs lazily, counted with the SQL)."""

    def __init__(self):
        from django.template.backends.django import Template

        self.template, self.original, self.depth, self.seconds = Template, Template.render, 0, 0.0

    def __enter__(self):
        clock = self

        def render(template, *args, **kwargs):
            clock.depth += 1
            start = time.perf_counter()
            try:
                return clock.original(template, *args, **kwargs)
            finally:
                clock.depth -= 1
                if clock.depth == 0:
                    clock.seconds += time.perf_counter() - start

        self.template.render = render
        return self

    def __exit__(self, *exc):
        self.template.render = self.original


def measure_page(client, url, requests):
    """Median and p95 server time of `url`, its query count, and how the median splits: time of its
    queries inside the page (execute only, as the raw SQL below) and of its templates (without SQL)."""
    client.get(url)  # warm-up
    times, sql_times, template_times = [], [], []
    in_sql = [0.0, 0.0]  # all the page's queries, those run lazily while rendering
    templates = TemplateClock()

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - start
            in_sql[0] += elapsed
            if templates.depth:
                in_sql[1] += elapsed

    with connection.execute_wrapper(timed), templates:
        for _ in range(requests):
            in_sql[0], in_sql[1], templates.seconds = 0.0, 0.0, 0.0
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            sql_times.append(in_sql[0] * 1000)
            template_times.append((templates.seconds - in_sql[1]) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{url} : statut {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {
        "url": url,
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "sql_dans_la_page_ms": round(statistics.median(sql_times), 1),
        "gabarits_ms": round(statistics.median(template_times), 1),
        "queries": len(queries.captured_queries),
        "sql": [q["sql"] for q in queries.captured_queries],
    }


def measure_raw_sql(sql_list, requests):
    """The page's own queries run alone through the database cursor (the floor)."""
    statements = [s for s in sql_list if s.lstrip().upper().startswith("SELECT") and "django_session" not in s]
    times = []
    with connection.cursor() as cursor:
        for _ in range(requests):
            start = time.perf_counter()
            for statement in statements:
                cursor.execute(statement)
                cursor.fetchall()
            times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(times), 2), "statements": len(statements)}


def url_or_none(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def measure_pages(bench_referent, requests):
    coordination = User.objects.filter(role=Role.COORDINATION).order_by("pk").first()
    partenaire = (
        User.objects.filter(role=Role.PARTENAIRE, structure__etapes__isnull=False).order_by("pk").distinct().first()
    )
    instructeur = User.objects.filter(role=Role.INSTRUCTEUR).order_by("pk").first()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    participant = Participant.objects.filter(referent=bench_referent).order_by("pk").first()
    commune = "76540"
    noms = Participant.objects.order_by("pk").values_list("nom", flat=True)
    some_name = noms[min(500, noms.count() - 1)]

    pages = {}
    coord_client = logged_client(coordination)
    liste = url_or_none("participants:liste")
    if liste:
        pages["liste_page1"] = (coord_client, liste)
        pages["liste_recherche"] = (coord_client, f"{liste}?q={some_name.lower()[:5]}")
        pages["liste_filtre"] = (coord_client, f"{liste}?commune={commune}")
    pages["file_active_referent_80"] = (logged_client(bench_referent), "/")
    if participant and url_or_none("participants:detail", pk=participant.pk):
        pages["fiche_participant"] = (
            logged_client(bench_referent),
            reverse("participants:detail", kwargs={"pk": participant.pk}),
        )
        pages["historique_participant"] = (
            logged_client(bench_referent),
            reverse("participants:historique", kwargs={"pk": participant.pk}),
        )
    pages["tableau_coordination"] = (coord_client, "/")
    from parcours.models import Operation

    if operation := Operation.objects.filter(code="BANC-OPERATION").first():
        pages["operation_fse"] = (coord_client, reverse("parcours:operation", kwargs={"pk": operation.pk}))
    # The frame alone (session, second factor, menu, base template): the fixed cost of every page.
    pages["page_vide_cadre"] = (logged_client(bench_referent), reverse("accounts:password_change_done"))
    if partenaire:
        pages["accueil_partenaire"] = (logged_client(partenaire), "/")
    instruction = url_or_none("aap_invisibles:instruction")
    if instruction and instructeur:
        pages["tableau_instruction"] = (logged_client(instructeur), instruction)

    results = {}
    for key, (client, url) in pages.items():
        print(f"  page {key} : {url}", flush=True)
        results[key] = measure_page(client, url, requests)
        results[key]["raw"] = measure_raw_sql(results[key].pop("sql"), requests)
    admin_client = logged_client(admin)
    admin_url = reverse("admin:participants_participant_changelist")
    results["admin_changelist"] = measure_page(admin_client, admin_url, requests)
    results["admin_changelist"]["raw"] = measure_raw_sql(results["admin_changelist"].pop("sql"), requests)
    results["admin_changelist_recherche"] = measure_page(
        admin_client, f"{admin_url}?q={some_name.lower()[:5]}", requests
    )
    results["admin_changelist_recherche"].pop("sql")
    return results


# --- Import, indicators, documents ------------------------------------------------------------
def write_import_file(path, lines):
    rng = random.Random(7)
    header = list(COLONNES)
    communes = ["76540", "76575", "76231", "76157", "76498", "76322"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for index in range(lines):
            entree = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 300))
            row = {
                "nom": f"Importé{index}",
                "prenom": rng.choice(["Hélène", "Noé", "Chloé", "Jérôme", "Inès"]),
                "sexe": rng.choice("FMX"),
                "date_naissance": f"{rng.randint(1960, 2007)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "commune_insee": rng.choice(communes),
                "email": f"importe{index}@banc-import.test",
                "date_entree": entree.isoformat(),
                "statut_marche_travail": rng.choice(["chomeur", "inactif", "en_emploi"]),
                "niveau_formation": rng.choice(["aucun", "infra_3", "niveau_3", "niveau_4", "niveau_5"]),
                "rsa": rng.choice(["oui", "non", ""]),
                "qpv": rng.choice(["1", "0", ""]),
                "nationalite": rng.choice(["francaise", "ue", "hors_ue", ""]),
            }
            writer.writerow([row.get(column, "") for column in header])


def measure_import(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "import.csv"
        write_import_file(path, lines)
        seconds, rss, output = manage("import_participants", str(path))
    deleted = Participant.objects.filter(email__endswith="@banc-import.test").delete()
    # The base left as found for the next measurements: the rows inserted then deleted would otherwise
    # leave their pages unchecked in the visibility map, and index-only scans read the table again.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) participants_participant, parcours_parcours")
    return {
        "lignes": lines,
        "secondes": round(seconds, 1),
        "lignes_par_seconde": round(lines / seconds),
        "memoire_max_mo": round(rss),
        "nettoyage": deleted[0],
        "sortie": output.strip().splitlines()[-1:] if output.strip() else [],
    }


def measure_command(label, *args):
    try:
        seconds, rss, _output = manage(*args)
        return {"secondes": round(seconds, 2), "memoire_max_mo": round(rss)}
    except RuntimeError as error:
        return {"erreur": str(error)[-500:]}


def measure_documents():
    results = {}
    year = datetime.date.today().year - 1
    results["indicateurs_annee"] = measure_command(
        "indicateurs", "indicateurs_fse", "--debut", f"{year}-01-01", "--fin", f"{year}-12-31", "--json"
    )
    with tempfile.TemporaryDirectory() as tmp:
        try:
            from aap_invisibles.models import Dossier

            dossier = Dossier.objects.exclude(statut="brouillon").order_by("pk").first()
        except ImportError:
            dossier = None
        if dossier:
            results["pdf_dossier"] = measure_command(
                "cerfa", "generer_rapport", "cerfa", "--dossier", str(dossier.pk), "--sortie", f"{tmp}/cerfa.pdf"
            )
        participant = Participant.objects.order_by("pk").first()
        results["pdf_parcours"] = measure_command(
            "parcours",
            "generer_rapport",
            "parcours",
            "--participant",
            str(participant.pk),
            "--sortie",
            f"{tmp}/parcours.pdf",
        )
        results["rapport_activite_annee"] = measure_command(
            "activite",
            "generer_rapport",
            "activite",
            "--debut",
            f"{year}-01-01",
            "--fin",
            f"{year}-12-31",
            "--sortie",
            f"{tmp}/activite.pdf",
        )
    return results


# --- Takeover of a report whose worker died ----------------------------------------------------
def lancer_worker(nom, env=None):
    """A real Celery worker (solo pool) on the bench database and broker."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "plie_portal",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            "-n",
            f"{nom}@%h",
        ],
        cwd=BASE_DIR,
        env={**os.environ, "DEBUG": "0", "SECRET_KEY": os.environ.get("SECRET_KEY") or "banc-essai", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def attendre(condition, secondes, pas=0.005):
    limite = time.monotonic() + secondes
    while time.monotonic() < limite:
        if condition():
            return True
        time.sleep(pas)
    return False


def measure_reprise(delai):
    """A worker killed (SIGKILL) while it produces a report: seconds until another worker finished it,
    with the takeover delay `delai` (PLIE_RAPPORT_DELAI_REPRISE_SECONDES, 60 in production) and the
    periodic takeover called every 2 s here (beat calls it every minute: add up to 60 s)."""
    import signal

    from plie_portal.celery import app
    from reports import services
    from reports.kinds import get_kind
    from reports.models import Rapport, StatutRapport
    from reports.tasks import relancer_rapports_bloques

    if not settings.CELERY_BROKER_URL:
        return {"ignore": "sans courtier (CELERY_BROKER_URL) : pas de worker à tuer"}
    app.conf.task_always_eager = False
    premier = lancer_worker("banc-premier", {"PLIE_RAPPORT_DELAI_REPRISE_SECONDES": str(delai)})
    second = None
    try:
        if not attendre(lambda: app.control.ping(timeout=0.5), 60, pas=0.5):
            return {"erreur": "le premier worker n'a pas démarré"}
        demandeur = User.objects.filter(role=Role.COORDINATION, is_active=True).order_by("pk").first()
        annee = datetime.date.today().year - 1
        rapport = services.demander(
            demandeur, get_kind("activite"), {"debut": f"{annee}-01-01", "fin": f"{annee}-12-31"}
        )
        if not attendre(lambda: Rapport.objects.get(pk=rapport.pk).statut == StatutRapport.EN_COURS, 60):
            return {"erreur": "le rapport n'a pas été pris par le premier worker"}
        premier.send_signal(signal.SIGKILL)
        premier.wait(timeout=10)
        tue = time.perf_counter()
        second = lancer_worker("banc-second", {"PLIE_RAPPORT_DELAI_REPRISE_SECONDES": str(delai)})

        def fini():
            relancer_rapports_bloques.delay()
            return Rapport.objects.get(pk=rapport.pk).statut in (StatutRapport.TERMINE, StatutRapport.ECHEC)

        attendre(fini, delai + 120, pas=2)
        rapport.refresh_from_db()
        return {
            "delai_reprise_s": delai,
            "reprise_s": round(time.perf_counter() - tue, 1),
            "statut": rapport.statut,
            "reprises": rapport.reprises,
            "tentatives": rapport.tentatives,
        }
    finally:
        for worker in (premier, second):
            if worker is not None and worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=20)


# --- Load test --------------------------------------------------------------------------------
def bench_sessions(count):
    """Sessions of `count` referents with participants, opened as a login would (the load test
    measures pages; logging in is measured by measure_login)."""
    from importlib import import_module

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore
    users = User.objects.filter(role=Role.REFERENT, participants_suivis__isnull=False).distinct().order_by("pk")[:count]
    keys = []
    for user in users:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.set_expiry(3600)
        session.create()
        keys.append(session.session_key)
    return keys


def measure_login(requests=10):
    """Server time of a real login (form, password hashing, session): the one slow page by design."""
    user = User.objects.filter(role=Role.REFERENT, is_active=True).order_by("pk").first()
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    times = []
    for _ in range(requests):
        client = Client()
        start = time.perf_counter()
        response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 302:
            raise RuntimeError(f"connexion : statut {response.status_code}")
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1), "requetes": requests}


PROFILS_CHARGE = {
    # Locust's usual think time: each person clicks every 1 to 5 seconds (~16 pages/s for 50).
    "reel": "1,5",
    # Three times as fast, to find the ceiling of the machine (requests per second).
    "saturation": "0.5,1.5",
}


def load_test(users, seconds):
    """50 users against gunicorn with 4 workers on loopback, bounded in time, for each profile."""
    import importlib.util

    # Only looked up, never imported here: locust monkey-patches threads (gevent) on import.
    if importlib.util.find_spec("locust") is None:
        return {"erreur": "locust absent (make bench l'installe depuis requirements-bench.txt)"}
    port = 8765
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
    }
    gunicorn = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "plie_portal.wsgi",
            "--workers",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        time.sleep(4)
        sessions = bench_sessions(20)
        warm_up(port, sessions)
        return {
            profil: run_locust(users, seconds, port, env, sessions, attente)
            for profil, attente in PROFILS_CHARGE.items()
        }
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=20)


def warm_up(port, sessions):
    """A few rounds of each page on every worker first: a server in service has long since
    loaded its templates, URL patterns, translations and database connections."""
    import urllib.request

    cookie = f"{settings.SESSION_COOKIE_NAME}={sessions[0]}"
    pages = ["/", "/participants/", "/participants/?q=mar"]
    for _ in range(10):
        for page in pages:
            request = urllib.request.Request(f"http://127.0.0.1:{port}{page}", headers={"Cookie": cookie})
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()


def run_locust(users, seconds, port, env, sessions, attente):
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "locust"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(BASE_DIR / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(users),
                "-r",
                "10",
                "--run-time",
                f"{seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--stop-timeout",
                "5",
                # The steady state: statistics start once the 50 people are all there.
                "--reset-stats",
            ],
            cwd=BASE_DIR,
            env={
                **env,
                "BENCH_SESSIONS": ",".join(sessions),
                "BENCH_SESSION_COOKIE": settings.SESSION_COOKIE_NAME,
                "BENCH_WAIT": attente,
            },
            capture_output=True,
            text=True,
            timeout=seconds + 60,
        )
        with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
            stats = list(csv.DictReader(handle))
    total = next(row for row in stats if row["Name"] == "Aggregated")
    return {
        "utilisateurs": users,
        "attente_s": attente,
        "duree_s": seconds,
        "requetes": int(total["Request Count"]),
        "erreurs": int(total["Failure Count"]),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "requetes_par_s": round(float(total["Requests/s"]), 1),
        "par_page": {
            row["Name"]: {
                "p50_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
                "erreurs": int(row["Failure Count"]),
            }
            for row in stats
            if row["Name"] != "Aggregated"
        },
        "locust_code": result.returncode,
        "locust_erreurs": result.stderr.strip().splitlines()[-5:] if result.returncode else [],
    }


# --- Report -----------------------------------------------------------------------------------
def print_table(report):
    pages = report["pages"]
    admin = pages["admin_changelist"]["median_ms"]
    print(
        "\n{:<28} {:>9} {:>9} {:>8} {:>11} {:>10} {:>10} {:>10} {:>10}".format(
            "page", "médiane", "p95", "requêtes", "SQL (page)", "gabarits", "SQL brut", "page/admin", "page/brut"
        )
    )
    for key, row in pages.items():
        raw = row.get("raw", {}).get("median_ms")
        print(
            "{:<28} {:>7.1f}ms {:>7.1f}ms {:>8} {:>9.1f}ms {:>8.1f}ms {:>8}ms {:>10} {:>10}".format(
                key,
                row["median_ms"],
                row["p95_ms"],
                row["queries"],
                row["sql_dans_la_page_ms"],
                row["gabarits_ms"],
                f"{raw:.1f}" if raw is not None else "–",
                f"{row['median_ms'] / admin:.2f}" if not key.startswith("admin") else "–",
                f"{row['median_ms'] / raw:.1f}" if raw else "–",
            )
        )
    for key in ("import", "historique", "operations", "archive", "documents", "reprise", "connexion"):
        print(f"\n{key} : {json.dumps(report.get(key), ensure_ascii=False)}")
    for profil, charge in (report.get("charge") or {}).items():
        if isinstance(charge, dict) and "p95_ms" in charge:
            print(
                f"\ncharge {profil} ({charge['utilisateurs']} personnes, pause de "
                f"{charge['attente_s'].replace(',', ' à ')} s, "
                f"{charge['duree_s']} s) : {charge['requetes_par_s']} req/s, p50 {charge['p50_ms']:.0f} ms, "
                f"p95 {charge['p95_ms']:.0f} ms, p99 {charge['p99_ms']:.0f} ms, erreurs {charge['erreurs']}"
            )
        else:
            print(f"\ncharge {profil} : {json.dumps(charge, ensure_ascii=False)}")


def save(report):
    (OUT / "bench.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=25_000)
    parser.add_argument("--referents", type=int, default=40)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--import-lines", type=int, default=25_000)
    parser.add_argument("--load-users", type=int, default=50)
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--delai-reprise", type=int, default=60, help="délai de reprise d'un rapport (secondes)")
    parser.add_argument("--historique", type=int, default=25_000, help="personnes de la reprise de l'historique")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["import", "historique", "operations", "archive", "documents", "reprise", "charge"],
    )
    parser.add_argument("--archive-pieces", type=int, default=150, help="pièces de 2 Mo de l'appel exporté en ZIP")
    parser.add_argument("--archive-mo", type=int, default=2, help="taille de chaque pièce (Mo)")
    args = parser.parse_args()
    if not settings.IS_POSTGRES:
        sys.exit("Le banc d'essai mesure PostgreSQL : définissez DATABASE_URL (voir scripts/services.sh).")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=BASE_DIR, check=True)
    OUT.mkdir(parents=True, exist_ok=True)
    bench_referent = build_data(args.participants, args.referents)
    report = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "donnees": counts()}
    print(f"Données : {report['donnees']}", flush=True)
    import operations

    operation = operations.preparer(min(operations.TAILLE, args.participants // 10))
    report["pages"] = measure_pages(bench_referent, args.requests)
    save(report)
    if "operations" not in args.skip:
        print("Opération FSE+ : bilan d'exécution et dossier du contrôle de service fait…", flush=True)
        report["operations"] = operations.mesurer(operation, manage, OUT)
        save(report)
    if "archive" not in args.skip:
        import archive

        print(f"Export complet d'un appel : 30 dossiers, {args.archive_pieces} pièces…", flush=True)
        appel = archive.preparer(pieces=args.archive_pieces, taille_mo=args.archive_mo)
        report["archive"] = archive.mesurer(appel, manage, OUT)
        save(report)
    if "import" not in args.skip:
        report["import"] = measure_import(args.import_lines)
        save(report)
    if "historique" not in args.skip:
        from historique import mesurer

        print(f"Reprise de l'historique : {args.historique} personnes…", flush=True)
        report["historique"] = mesurer(args.historique, manage)
        save(report)
    if "documents" not in args.skip:
        report["documents"] = measure_documents()
        save(report)
    if "reprise" not in args.skip:
        report["reprise"] = measure_reprise(args.delai_reprise)
        print(f"Reprise d'un rapport après la mort de son worker : {report['reprise']}", flush=True)
        save(report)
    if "charge" not in args.skip:
        report["connexion"] = measure_login()
        save(report)
        report["charge"] = load_test(args.load_users, min(args.load_seconds, 60))
    save(report)
    print_table(report)
    print(f"\nRésultats complets : {OUT / 'bench.json'}")
    echecs = [
        profil
        for profil, charge in (report.get("charge") or {}).items()
        if not isinstance(charge, dict) or charge.get("erreurs") or charge.get("locust_code")
    ]
    if echecs:
        sys.exit(f"Test de charge en échec ({', '.join(echecs)}) : voir {OUT / 'bench.json'}")


if __name__ == "__main__":
    main()
