"""The communes now live in `territoire` (state only: same table)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("aap_invisibles", "0002_alter_dossier_proposition_avis"),
        ("territoire", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="consultationeps",
                    name="communes",
                    field=models.ManyToManyField(
                        related_name="+", to="territoire.commune", verbose_name="communes consultées"
                    ),
                ),
                migrations.AlterField(
                    model_name="dossier",
                    name="communes",
                    field=models.ManyToManyField(
                        blank=True, related_name="+", to="territoire.commune", verbose_name="communes concernées"
                    ),
                ),
            ],
            database_operations=[],
        )
    ]
