"""Backup and restore check of the Portail PLIE database and files (docs/sauvegardes.md).

    python scripts/sauvegarde.py sauvegarder DOSSIER
        -> DOSSIER/portail-<date>.sqlite3 (or .dump), portail-<date>.comptes.json, portail-<date>-media.tar.gz
    python scripts/sauvegarde.py verifier FICHIER
        -> restores into a fresh database, compares the row counts of every table

The database is read from DATABASE_URL (as the portal does; default: the project's db.sqlite3), the
files from MEDIA_ROOT. The row counts written next to the dump come from the same snapshot as the
dump itself (SQLite: counted in the backup file; PostgreSQL: pg_dump --snapshot of the counting
transaction), so a restore must give exactly the same figures.
"""

import datetime
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def database():
    return dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")


def media_root():
    return Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))


def sqlite_counts(connection):
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}


def pg_env(db):
    env = dict(os.environ)
    env.update(PGHOST=db["HOST"] or "localhost", PGPORT=str(db["PORT"] or 5432), PGUSER=db["USER"])
    env["PGPASSWORD"] = db["PASSWORD"] or ""
    return env


def pg_counts(cursor):
    cursor.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND table_type='BASE TABLE' "
        "ORDER BY table_name"
    )
    tables = [row[0] for row in cursor.fetchall()]
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


def sauvegarder(dossier):
    dossier = Path(dossier)
    dossier.mkdir(parents=True, exist_ok=True)
    db = database()
    horodatage = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    if db["ENGINE"].endswith("sqlite3"):
        cible = dossier / f"portail-{horodatage}.sqlite3"
        source = sqlite3.connect(db["NAME"])
        copie = sqlite3.connect(cible)
        with copie:
            source.backup(copie)
        comptes = sqlite_counts(copie)
        copie.close()
        source.close()
        moteur = "sqlite"
    else:
        import psycopg2

        cible = dossier / f"portail-{horodatage}.dump"
        connexion = psycopg2.connect(
            dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"] or 5432
        )
        connexion.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with connexion.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            subprocess.run(
                ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={cible}", db["NAME"]],
                check=True,
                env=pg_env(db),
            )
            comptes = pg_counts(cursor)
        connexion.rollback()
        connexion.close()
        moteur = "postgresql"
    manifeste = cible.with_suffix(".comptes.json")
    manifeste.write_text(json.dumps({"moteur": moteur, "fichier": cible.name, "tables": comptes}, indent=1))
    media = media_root()
    archive = dossier / f"portail-{horodatage}-media.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        if media.exists():
            tar.add(media, arcname="media")
    print(f"Base : {cible} ({moteur}, {len(comptes)} tables, {sum(comptes.values())} lignes)")
    print(f"Comptes : {manifeste}")
    print(f"Fichiers : {archive}")
    return cible


def verifier(fichier):
    fichier = Path(fichier)
    manifeste = json.loads(fichier.with_suffix(".comptes.json").read_text())
    attendus = manifeste["tables"]
    if manifeste["moteur"] == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            restauree = Path(tmp) / "restauree.sqlite3"
            source = sqlite3.connect(f"file:{fichier}?mode=ro", uri=True)
            cible = sqlite3.connect(restauree)
            with cible:
                source.backup(cible)
            source.close()
            integrite = cible.execute("PRAGMA integrity_check").fetchone()[0]
            obtenus = sqlite_counts(cible)
            cible.close()
        if integrite != "ok":
            print(f"Intégrité SQLite : {integrite}")
            return 1
    else:
        obtenus = verifier_postgresql(fichier)
    ecarts = 0
    largeur = max((len(t) for t in attendus), default=10)
    print(f"{'table'.ljust(largeur)}  sauvegarde  restauration")
    for table in sorted(set(attendus) | set(obtenus)):
        a, o = attendus.get(table), obtenus.get(table)
        marque = "" if a == o else "  <-- ÉCART"
        ecarts += a != o
        print(f"{table.ljust(largeur)}  {str(a).rjust(10)}  {str(o).rjust(12)}{marque}")
    archive = fichier.with_name(fichier.name.rsplit(".", 1)[0] + "-media.tar.gz")
    if archive.exists():
        with tarfile.open(archive, "r:gz") as tar:
            fichiers = sum(1 for membre in tar.getmembers() if membre.isfile())
        print(f"Archive des fichiers lisible : {fichiers} fichier(s)")
    else:
        print("Archive des fichiers absente")
        ecarts += 1
    if ecarts:
        print(f"ÉCHEC : {ecarts} écart(s)")
        return 1
    print(f"Restauration vérifiée : {len(attendus)} tables, {sum(attendus.values())} lignes, identiques.")
    return 0


def verifier_postgresql(fichier):
    import psycopg2

    db = database()
    env = pg_env(db)
    nom = f"plie_verif_{os.getpid()}"
    subprocess.run(["createdb", nom], check=True, env=env)
    try:
        subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "-d", nom, str(fichier)], check=True, env=env)
        connexion = psycopg2.connect(
            dbname=nom, user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"] or 5432
        )
        with connexion.cursor() as cursor:
            comptes = pg_counts(cursor)
        connexion.close()
        return comptes
    finally:
        subprocess.run(["dropdb", "--if-exists", nom], check=False, env=env)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in {"sauvegarder", "verifier"}:
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "sauvegarder":
        sauvegarder(sys.argv[2])
        sys.exit(0)
    sys.exit(verifier(sys.argv[2]))
