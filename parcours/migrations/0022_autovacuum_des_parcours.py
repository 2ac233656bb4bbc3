"""Autovacuum of the participations' and steps' tables at national scale (issue 20), PostgreSQL only:
the dashboard's exits of the year and the partner's counts of steps read their indexes alone, which
stay index-only while the visibility map is fresh; vacuumed after 1 % of the rows changed instead of
PostgreSQL's 20 % (see participants/0014)."""

from django.db import migrations

TABLES = ("parcours_parcours", "parcours_etape")
REGLAGES = (
    "autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, "
    "autovacuum_analyze_scale_factor = 0.01"
)


def regler(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} SET ({REGLAGES})")


def defaire(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(
                f"ALTER TABLE {table} RESET (autovacuum_vacuum_scale_factor, "
                "autovacuum_vacuum_insert_scale_factor, autovacuum_analyze_scale_factor)"
            )


class Migration(migrations.Migration):
    dependencies = [("parcours", "0021_activite_journaliere")]

    operations = [migrations.RunPython(regler, defaire)]
