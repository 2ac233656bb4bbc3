"""The step catalogue now lives in `partners` (state only: same tables, same foreign keys)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("parcours", "0001_initial"),
        ("partners", "0003_catalogue_des_etapes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="etape",
                    name="type",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="etapes",
                        to="partners.etapetype",
                        verbose_name="type d'étape",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicaletape",
                    name="type",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="partners.etapetype",
                        verbose_name="type d'étape",
                    ),
                ),
                migrations.DeleteModel(
                    name="EtapeType",
                ),
            ],
            database_operations=[],
        )
    ]
