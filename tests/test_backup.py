"""Backups: the SQLite path end to end (backup -> restore into a fresh file -> equal row counts)."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

SCRIPTS = Path(settings.BASE_DIR) / "scripts"


def run(script, *args, env):
    return subprocess.run(
        ["bash", str(SCRIPTS / script), *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def env(tmp_path):
    base = tmp_path / "portail.sqlite3"
    with sqlite3.connect(base) as connection:
        connection.execute("CREATE TABLE participants (id INTEGER PRIMARY KEY, nom TEXT)")
        connection.executemany("INSERT INTO participants (nom) VALUES (?)", [("Hélène",), ("Paul",), ("Léa",)])
        connection.execute("CREATE TABLE etapes (id INTEGER PRIMARY KEY)")
    media = tmp_path / "media" / "participants" / "1"
    media.mkdir(parents=True)
    (media / "cv.pdf").write_bytes(b"%PDF-1.4")
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{base}", "MEDIA_ROOT": str(tmp_path / "media")}
    environment["PYTHON"] = sys.executable
    return environment


def test_a_sqlite_backup_restores_with_the_same_row_counts(env, tmp_path):
    result = run("backup.sh", tmp_path / "sauvegardes", env=env)
    assert result.returncode == 0, result.stderr
    dumps = list((tmp_path / "sauvegardes").glob("portail-*.sqlite3"))
    assert len(dumps) == 1
    manifest = json.loads(dumps[0].with_suffix(".comptes.json").read_text())
    assert manifest["tables"] == {"etapes": 0, "participants": 3}
    assert oct(dumps[0].stat().st_mode & 0o777) == "0o600"

    result = run("restore_check.sh", dumps[0], env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "participants" in result.stdout and "Restauration vérifiée : 2 tables, 3 lignes" in result.stdout
    assert "Archive des fichiers lisible : 1 fichier(s)" in result.stdout


def test_restore_check_fails_when_the_counts_differ(env, tmp_path):
    run("backup.sh", tmp_path / "sauvegardes", env=env)
    dump = next((tmp_path / "sauvegardes").glob("portail-*.sqlite3"))
    with sqlite3.connect(dump) as connection:
        connection.execute("DELETE FROM participants WHERE nom = 'Paul'")
    result = run("restore_check.sh", dump, env=env)
    assert result.returncode == 1
    assert "ÉCART" in result.stdout
