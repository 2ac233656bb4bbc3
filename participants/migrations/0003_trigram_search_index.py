"""Trigram index for the accent-insensitive search on PostgreSQL (no-op on SQLite)."""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS participant_recherche_trgm "
        "ON participants_participant USING gin (recherche gin_trgm_ops)"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS structure_nom_trgm ON partners_structure USING gin (nom_normalise gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS participant_recherche_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS structure_nom_trgm")


class Migration(migrations.Migration):
    dependencies = [("participants", "0002_load_communes"), ("partners", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
