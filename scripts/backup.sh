#!/usr/bin/env bash
# Sauvegarde de la base (pg_dump au format custom, ou copie SQLite cohérente via l'API .backup) et
# des fichiers (tar de MEDIA_ROOT), avec le nombre de lignes de chaque table. docs/sauvegardes.md
#   scripts/backup.sh [DOSSIER]        (défaut : $BACKUP_DIR ou ./sauvegardes)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=python3
DEST=${1:-${BACKUP_DIR:-sauvegardes}}
umask 077  # the dumps hold personal data: readable by their owner only
exec "$PYTHON" scripts/sauvegarde.py sauvegarder "$DEST"
