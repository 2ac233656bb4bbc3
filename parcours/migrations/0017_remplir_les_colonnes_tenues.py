from django.db import migrations


def remplir(apps, schema_editor):
    """Fill the kept columns of every existing participant and parcours (issue 20)."""
    from parcours.models.courant import recalculer_colonnes_fse, recalculer_courant

    Participant = apps.get_model("participants", "Participant")
    Parcours = apps.get_model("parcours", "Parcours")
    # The columns that existed then (`a_completer` came with 0020, which fills it).
    ids = list(Participant.objects.values_list("pk", flat=True))
    recalculer_colonnes_fse(ids, Participant, Parcours)
    recalculer_courant(ids, Participant, Parcours)


class Migration(migrations.Migration):
    dependencies = [
        ("parcours", "0016_colonnes_du_parcours_courant"),
        ("participants", "0012_colonnes_du_tableau_de_bord"),
    ]

    operations = [migrations.RunPython(remplir, migrations.RunPython.noop, elidable=True)]
