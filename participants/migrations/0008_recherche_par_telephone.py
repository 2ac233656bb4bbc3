"""The search column gains the phone number's digits: recomputed for every existing record."""

from django.db import migrations


def recalculer(apps, schema_editor):
    from plie_portal.text import chiffres_du_telephone

    Participant = apps.get_model("participants", "Participant")
    a_jour = []
    for participant in (
        Participant.objects.exclude(telephone="").only("pk", "telephone", "recherche").iterator(chunk_size=2000)
    ):
        chiffres = chiffres_du_telephone(participant.telephone)
        if chiffres and chiffres not in participant.recherche.split():
            participant.recherche = f"{participant.recherche} {chiffres}".strip()
            a_jour.append(participant)
        if len(a_jour) >= 2000:
            Participant.objects.bulk_update(a_jour, ["recherche"])
            a_jour = []
    Participant.objects.bulk_update(a_jour, ["recherche"])


class Migration(migrations.Migration):
    dependencies = [("participants", "0007_noms_sans_caractere_invisible")]

    operations = [migrations.RunPython(recalculer, migrations.RunPython.noop)]
