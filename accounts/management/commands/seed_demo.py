from django.core.management.base import BaseCommand
from django.db import transaction

from plie_portal.seed import DEMO_PASSWORD, DemoContext, run_seeders


class Command(BaseCommand):
    help = (
        "Crée des données de démonstration réalistes (structures, comptes de chaque rôle, participants, "
        "parcours, appel à projets et dossiers). Idempotent : une seconde exécution ne duplique rien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--participants",
            type=int,
            default=DemoContext.participants,
            help="Nombre de participants (défaut %(default)s : environ 2 400 personnes accompagnées dans l'année).",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Graine du générateur aléatoire.")

    def handle(self, *args, **options):
        ctx = DemoContext(participants=options["participants"], seed=options["seed"], stdout=self.stdout)
        with transaction.atomic():
            run_seeders(ctx)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        for note in ctx.notes:
            self.stdout.write(note)
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Comptes de démonstration (mot de passe : {DEMO_PASSWORD})"))
        width = max((len(label) for label, _e, _x in ctx.logins), default=10)
        for label, email, extra in ctx.logins:
            self.stdout.write(f"  {label.ljust(width)}  {email}{('  ' + extra) if extra else ''}")
