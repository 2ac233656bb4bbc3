"""The access log is purged by the daily RGPD job (accounts.tasks.purger_donnees_expirees): the
separate beat entry "journal-acces-purge" is gone, and so is its task. Remove the database row that
django-celery-beat's scheduler made of it, so that beat does not send a task nobody knows."""

from django.db import migrations


def retirer(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name="journal-acces-purge").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_avertissement_brouillon"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(retirer, migrations.RunPython.noop)]
