from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from envois.services import relancer


class Command(BaseCommand):
    help = "Publie les envois restés en attente du courtier (Redis) ; à lancer après son rétablissement."

    def handle(self, *args, **options):
        publies, restants = relancer()
        self.stdout.write(
            ngettext("%(n)d envoi publié", "%(n)d envois publiés", publies) % {"n": publies}
            + ngettext(", %(r)d encore en attente.", ", %(r)d encore en attente.", restants) % {"r": restants}
        )
