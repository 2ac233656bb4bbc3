from django.db import migrations


def remplir(apps, schema_editor):
    """Fill the kept columns of every existing participant and parcours (issue 20)."""
    from parcours.models.courant import recalculer

    Participant = apps.get_model("participants", "Participant")
    Parcours = apps.get_model("parcours", "Parcours")
    recalculer(Participant.objects.values_list("pk", flat=True), Participant, Parcours)


class Migration(migrations.Migration):
    dependencies = [
        ("parcours", "0016_colonnes_du_parcours_courant"),
        ("participants", "0012_colonnes_du_tableau_de_bord"),
    ]

    operations = [migrations.RunPython(remplir, migrations.RunPython.noop, elidable=True)]
