"""`import_participants FILE [--dry-run]` (DESIGN §3, "Participant import CSV")."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parcours.importation import importer


class Command(BaseCommand):
    help = (
        "Importe des participants et leurs parcours depuis un fichier CSV (UTF-8, « ; » ou « , »). "
        "N'écrit rien si une seule ligne est en erreur."
    )

    def add_arguments(self, parser):
        parser.add_argument("fichier", help="Chemin du fichier CSV.")
        parser.add_argument("--dry-run", action="store_true", help="Vérifie le fichier sans rien écrire.")

    def handle(self, *args, **options):
        chemin = Path(options["fichier"])
        try:
            contenu = chemin.read_bytes()
        except OSError as exc:
            raise CommandError(f"Impossible de lire le fichier {chemin} : {exc.strerror}.") from exc
        debut = time.monotonic()
        rapport = importer(contenu, ecrire=not options["dry_run"], nom_fichier=chemin.name)
        duree = time.monotonic() - debut
        for erreur in rapport.erreurs:
            self.stderr.write(str(erreur))
        resume = (
            f"{rapport.lignes} ligne(s) lue(s) : {rapport.nouvelles_personnes} nouvelle(s) personne(s), "
            f"{rapport.personnes_connues} personne(s) déjà connue(s), {rapport.nouveaux_parcours} parcours."
        )
        if rapport.erreurs:
            raise CommandError(f"{len(rapport.erreurs)} erreur(s) : rien n'a été importé. {resume}")
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Vérification sans écriture, aucune erreur. {resume}"))
        else:
            self.stdout.write(self.style.SUCCESS(f"Import terminé en {duree:.1f} s. {resume}"))
