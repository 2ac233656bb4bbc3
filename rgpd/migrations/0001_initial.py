"""The warning before deleting a draft moves here from `accounts`: state only, its table (created by
accounts 0004) keeps its name and rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0005_retire_purge_journal_seule"),
        ("aap_invisibles", "0003_communes_du_territoire"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AvertissementBrouillon",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("envoye_le", models.DateTimeField(verbose_name="envoyé le")),
                        (
                            "dossier_modifie_le",
                            models.DateTimeField(verbose_name="dossier modifié le (au moment de l'avertissement)"),
                        ),
                        (
                            "dossier",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="avertissement_suppression",
                                to="aap_invisibles.dossier",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "avertissement avant suppression d'un brouillon",
                        "verbose_name_plural": "avertissements avant suppression de brouillons",
                        "db_table": "accounts_avertissementbrouillon",
                    },
                ),
            ],
            database_operations=[],
        )
    ]
