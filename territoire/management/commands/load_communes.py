from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from territoire.communes import load_communes
from territoire.models import Commune


class Command(BaseCommand):
    help = "Charge (ou met à jour) les 71 communes de la Métropole. Idempotent."

    def handle(self, *args, **options):
        created, updated = load_communes(Commune)
        self.stdout.write(
            self.style.SUCCESS(
                f"{Commune.objects.count()} communes en base ("
                + ngettext("%(n)d créée", "%(n)d créées", created) % {"n": created}
                + ", "
                + ngettext("%(n)d mise à jour", "%(n)d mises à jour", updated) % {"n": updated}
                + ")."
            )
        )
