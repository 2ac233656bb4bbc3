"""The communes now live in `territoire` (state only: same table, same foreign keys)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("aap_invisibles", "0003_communes_du_territoire"),
        ("participants", "0004_fusion"),
        ("partners", "0002_communes_du_territoire"),
        ("territoire", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="participant",
                    name="commune",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participants",
                        to="territoire.commune",
                        verbose_name="commune",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalparticipant",
                    name="commune",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="territoire.commune",
                        verbose_name="commune",
                    ),
                ),
                migrations.DeleteModel(
                    name="Commune",
                ),
            ],
            database_operations=[],
        )
    ]
