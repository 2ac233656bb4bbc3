"""The step catalogue (EtapeType) moves here from `parcours`, with the offer it describes: state
only, its tables (created by parcours 0001) keep their names and rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("parcours", "0001_initial"),
        ("partners", "0002_communes_du_territoire"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EtapeType",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                        ("libelle", models.CharField(max_length=200, verbose_name="libellé")),
                        (
                            "categorie",
                            models.CharField(
                                choices=[
                                    ("accueil_diagnostic", "Accueil et diagnostic"),
                                    ("levee_freins", "Levée des freins"),
                                    ("remobilisation", "Remobilisation"),
                                    ("formation_pre_qualifiante", "Formation pré-qualifiante"),
                                    ("formation_qualifiante", "Formation qualifiante"),
                                    ("insertion_siae", "Insertion par l'activité économique (SIAE)"),
                                    ("emploi", "Emploi"),
                                    ("creation_entreprise", "Création d'entreprise"),
                                    ("suivi_emploi", "Suivi dans l'emploi"),
                                ],
                                max_length=30,
                                verbose_name="catégorie",
                            ),
                        ),
                        ("actif", models.BooleanField(default=True, verbose_name="actif")),
                        (
                            "structures",
                            models.ManyToManyField(
                                blank=True,
                                related_name="offres",
                                to="partners.structure",
                                verbose_name="structures qui la proposent",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "type d'étape",
                        "verbose_name_plural": "types d'étape",
                        "db_table": "parcours_etapetype",
                        "ordering": ["categorie", "libelle"],
                    },
                ),
            ],
            database_operations=[],
        )
    ]
