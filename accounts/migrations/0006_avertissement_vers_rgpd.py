"""The warning before deleting a draft now lives in `rgpd` (state only: same table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("rgpd", "0001_initial"),
        ("accounts", "0005_retire_purge_journal_seule"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="AvertissementBrouillon",
                ),
            ],
            database_operations=[],
        )
    ]
