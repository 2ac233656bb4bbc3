"""`make bench-echelle`: the portal at 25,000, 250,000 and 1,000,000 participants, in one run (issue 20).

The 25,000 base is the demo seed of `make bench` (bench/run.py), in the database of DATABASE_URL. Each
larger size is a database of its own, `<base>_<size>`, copied from the base (CREATE DATABASE … TEMPLATE)
and grown on the server by set-based INSERT … SELECT (the people's normalised columns from a table
loaded by COPY), consistent with the models: search and identity columns recomputed for the new
names, history records as the portal keeps them, kept columns of the parcours, new referents so that
a caseload stays a caseload. Built once, kept between runs.

Each size is then measured in a child process of its own (DATABASE_URL set to its database): every
variant of the participant list, the caseload, the participant page, the dashboards, each beside the
admin's list and its own SQL replayed alone, the `EXPLAIN (ANALYZE, BUFFERS)` of every query over
50 ms, the FSE+ indicators of a year, the participants export and the FSE+ workbook. The growth table
is printed at the end and written to bench/out/echelle.json.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
OUT = BASE_DIR / "bench" / "out"
BASE = 25_000
SEUIL_EXPLAIN_MS = 50


def url_de(url, base):
    """DATABASE_URL with another database name."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{base}"))


def nom_de_base(url):
    return urlsplit(url).path.lstrip("/")


# --- The parent: one database per size, one child per measurement -----------------------------
def taille_de_base(url):
    """The number of participants of the base (25,000 for `make bench`; fewer in CI's small run)."""
    import psycopg2

    with psycopg2.connect(url) as connexion, connexion.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM participants_participant")
        return cursor.fetchone()[0]


def preparer_base(url, taille, base_taille):
    """The database of `taille` participants: the base itself, or its copy grown (built once)."""
    import psycopg2

    if taille <= base_taille:
        return url
    base = nom_de_base(url)
    nom = f"{base}_{taille}"
    admin = psycopg2.connect(url_de(url, "postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nom])
        if not cursor.fetchone():
            print(f"Copie de la base de {base_taille} participants vers {nom}…", flush=True)
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [base],
            )
            cursor.execute(f'CREATE DATABASE "{nom}" TEMPLATE "{base}"')
    admin.close()
    cible = url_de(url, nom)
    enfant(cible, "--grossir", str(taille), "--base", str(base_taille))
    return cible


def enfant(url, *args):
    """Run this script in a child process on the database `url`."""
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run([sys.executable, __file__, *args], cwd=BASE_DIR, env=env, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tailles", default="25000,250000,1000000")
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--sans-exports", action="store_true", help="pages et indicateurs seulement")
    parser.add_argument("--construire", action="store_true", help="construire les bases sans mesurer")
    parser.add_argument("--import-lignes", type=int, default=25_000, help="lignes du fichier importé à chaque taille")
    parser.add_argument("--grossir", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--base", type=int, default=BASE, help=argparse.SUPPRESS)
    parser.add_argument("--mesurer", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.grossir:
        import grossir

        return grossir.grossir(args.grossir, args.base)
    if args.mesurer:
        import mesures

        return mesures.mesurer(
            args.mesurer, args.requests, OUT, exports=not args.sans_exports, lignes_import=args.import_lignes
        )
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Le banc d'échelle mesure PostgreSQL : définissez DATABASE_URL (voir scripts/services.sh).")
    OUT.mkdir(parents=True, exist_ok=True)
    tailles = [int(t) for t in args.tailles.split(",")]
    base_taille = taille_de_base(url)
    if any(t % base_taille for t in tailles):
        sys.exit(f"Chaque taille doit être un multiple des {base_taille} participants de la base (bench/run.py).")
    resultats = {}
    for taille in tailles:
        debut = time.perf_counter()
        cible = preparer_base(url, taille, base_taille)
        print(f"Base de {taille} participants prête ({time.perf_counter() - debut:.0f} s).", flush=True)
        if args.construire:
            continue
        extra = ["--sans-exports"] if args.sans_exports else []
        extra += ["--import-lignes", str(args.import_lignes)]
        enfant(cible, "--mesurer", str(taille), "--requests", str(args.requests), *extra)
        resultats[taille] = json.loads((OUT / f"echelle-{taille}.json").read_text())
    if args.construire:
        return
    (OUT / "echelle.json").write_text(json.dumps(resultats, indent=2, ensure_ascii=False))
    imprimer(resultats)


def imprimer(resultats):
    """The growth table: each page at each size (median, p95, queries, page/admin, page/raw SQL)."""
    tailles = list(resultats)
    pages = list(next(iter(resultats.values()))["pages"])
    print("\n| page | " + " | ".join(f"{t:,}".replace(",", " ") for t in tailles) + " |")
    print("|---|" + "---|" * len(tailles))
    for page in pages:
        cellules = []
        for taille in tailles:
            m = resultats[taille]["pages"].get(page)
            if not m:
                cellules.append("–")
                continue
            cellules.append(
                f"{m['median_ms']} / {m['p95_ms']} ms, {m['queries']} req., "
                f"×{m.get('page_sur_admin', '–')} admin, ×{m.get('page_sur_sql', '–')} SQL"
            )
        print(f"| {page} | " + " | ".join(cellules) + " |")
    for cle in ("indicateurs_annee", "export_participants", "classeur_fse"):
        ligne = []
        for taille in tailles:
            m = resultats[taille].get("traitements", {}).get(cle)
            ligne.append(json.dumps(m, ensure_ascii=False) if m else "–")
        print(f"| {cle} | " + " | ".join(ligne) + " |")
    lents = [
        (taille, page, r["ms"])
        for taille in tailles
        for page, m in resultats[taille]["pages"].items()
        for r in m.get("lentes", [])
    ]
    if lents:
        print(f"\nRequêtes de plus de {SEUIL_EXPLAIN_MS} ms (plans dans bench/out/echelle.json) :")
        for taille, page, ms in lents:
            print(f"  {taille} : {page} {ms} ms")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
