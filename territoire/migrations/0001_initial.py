"""The commune model moves here from `participants`: state only, its table (created by
participants 0001 and filled by participants 0002) keeps its name and its rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("participants", "0002_load_communes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Commune",
                    fields=[
                        (
                            "code_insee",
                            models.CharField(
                                max_length=5, primary_key=True, serialize=False, verbose_name="code INSEE"
                            ),
                        ),
                        ("nom", models.CharField(max_length=100, verbose_name="nom")),
                        ("codes_postaux", models.CharField(blank=True, max_length=60, verbose_name="codes postaux")),
                        ("population", models.PositiveIntegerField(default=0, verbose_name="population")),
                        ("departement", models.CharField(default="76", max_length=3, verbose_name="département")),
                        ("siren", models.CharField(blank=True, max_length=9, verbose_name="SIREN")),
                        ("nom_normalise", models.CharField(db_index=True, default="", editable=False, max_length=100)),
                    ],
                    options={
                        "verbose_name": "commune",
                        "verbose_name_plural": "communes",
                        "db_table": "participants_commune",
                        "ordering": ["nom"],
                    },
                ),
            ],
            database_operations=[],
        )
    ]
