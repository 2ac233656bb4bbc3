"""The large tables are vacuumed after 1 % of their rows changed (participants/0014, parcours/0022):
their index-only scans stay index-only at national scale."""

import pytest
from django.db import connection

TABLES = ("participants_participant", "parcours_parcours", "parcours_etape")


@pytest.mark.django_db
@pytest.mark.parametrize("table", TABLES)
def test_a_large_table_is_vacuumed_after_one_percent_of_its_rows_changed(table):
    if connection.vendor != "postgresql":
        pytest.skip("réglage de l'autovacuum de PostgreSQL (suite lancée aussi sur PostgreSQL en CI)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [table])
        (options,) = cursor.fetchone()

    assert "autovacuum_vacuum_scale_factor=0.01" in options
    assert "autovacuum_vacuum_insert_scale_factor=0.01" in options
