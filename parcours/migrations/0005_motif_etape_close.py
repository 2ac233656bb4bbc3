"""Steps closed at the exit of the PLIE said "Sortie du PLIE" to the partner, who is not to know of
the exit: the same reason now reads "Étape close" (the parcours keeps its exit)."""

from django.db import migrations

ANCIEN, NOUVEAU = "Sortie du PLIE", "Étape close"


def renommer(apps, schema_editor):
    apps.get_model("parcours", "Etape").objects.filter(motif_detail=ANCIEN).update(motif_detail=NOUVEAU)
    apps.get_model("parcours", "Transition").objects.filter(etape__isnull=False, motif=ANCIEN).update(motif=NOUVEAU)
    apps.get_model("parcours", "HistoricalEtape").objects.filter(motif_detail=ANCIEN).update(motif_detail=NOUVEAU)


class Migration(migrations.Migration):
    dependencies = [("parcours", "0004_imports_en_arriere_plan")]

    operations = [migrations.RunPython(renommer, migrations.RunPython.noop)]
