#!/usr/bin/env bash
# Vérifie une sauvegarde : restauration dans une base neuve (fichier SQLite temporaire, ou base
# PostgreSQL créée puis supprimée), comparaison du nombre de lignes de chaque table avec la
# sauvegarde (affiché), lecture de l'archive des fichiers. Code de sortie non nul au moindre écart.
#   scripts/restore_check.sh FICHIER   (portail-AAAAMMJJ-HHMMSS.sqlite3 ou .dump)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=python3
if [ $# -ne 1 ]; then echo "usage: $0 FICHIER_DE_SAUVEGARDE" >&2; exit 2; fi
exec "$PYTHON" scripts/sauvegarde.py verifier "$1"
