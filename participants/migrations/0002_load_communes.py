"""Load the 71 communes so that a fresh `migrate` already has them."""

from django.db import migrations


def load(apps, schema_editor):
    from territoire.communes import load_communes

    load_communes(apps.get_model("participants", "Commune"))


class Migration(migrations.Migration):
    dependencies = [("participants", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
