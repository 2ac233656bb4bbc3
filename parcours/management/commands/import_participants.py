"""`import_participants FILE [--dry-run]` (DESIGN §3, "Participant import CSV")."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from parcours.importation import importer


class Command(BaseCommand):
    help = (
        "Importe des participants et leurs parcours depuis un fichier CSV (UTF-8, « ; » ou « , »). "
        "N'écrit rien si une seule ligne est en erreur."
    )
    # The same import as the coordination's page, whose serving process ran the system checks when it
    # started: here they would add ~0.75 s to each run (6 % of a file of 25,000 lines), for the
    # processes that serve and migrate to catch.
    requires_system_checks = []

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
        resume = "{} : {}, {}, {}.".format(
            ngettext("%(n)d ligne lue", "%(n)d lignes lues", rapport.lignes) % {"n": rapport.lignes},
            ngettext("%(n)d nouvelle personne", "%(n)d nouvelles personnes", rapport.nouvelles_personnes)
            % {"n": rapport.nouvelles_personnes},
            ngettext("%(n)d personne déjà connue", "%(n)d personnes déjà connues", rapport.personnes_connues)
            % {"n": rapport.personnes_connues},
            ngettext("%(n)d parcours", "%(n)d parcours", rapport.nouveaux_parcours) % {"n": rapport.nouveaux_parcours},
        )
        if rapport.erreurs:
            n = len(rapport.erreurs)
            raise CommandError(
                ngettext("%(n)d erreur : rien n'a été importé.", "%(n)d erreurs : rien n'a été importé.", n) % {"n": n}
                + f" {resume}"
            )
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Vérification sans écriture, aucune erreur. {resume}"))
        else:
            self.stdout.write(self.style.SUCCESS(f"Import terminé en {duree:.1f} s. {resume}"))
