"""`import_historique DOSSIER [--dry-run]`: the previous tool's history (docs/reprise.md)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from parcours.reprise import FICHIERS, reprendre
from parcours.reprise.fichiers import FichiersLus

# Each kind's sentence, written out so that `make messages` finds its plural.
GENRES = {
    "comptes": lambda n: ngettext("%(n)d compte créé (inactif)", "%(n)d comptes créés (inactifs)", n),
    "participants": lambda n: ngettext("%(n)d personne créée", "%(n)d personnes créées", n),
    "parcours": lambda n: ngettext("%(n)d parcours créé", "%(n)d parcours créés", n),
    "etapes": lambda n: ngettext("%(n)d étape créée", "%(n)d étapes créées", n),
    "entretiens": lambda n: ngettext("%(n)d entretien créé", "%(n)d entretiens créés", n),
}


def resume(rapport):
    """One French sentence per kind: created, and updated when any."""
    morceaux = []
    for genre, phrase in GENRES.items():
        n = rapport.crees.get(genre, 0)
        texte = phrase(n) % {"n": n}
        if modifies := rapport.modifies.get(genre, 0):
            texte += ngettext(" (%(n)d modifié)", " (%(n)d modifiés)", modifies) % {"n": modifies}
        morceaux.append(texte)
    return " ; ".join(morceaux) + "."


class Command(BaseCommand):
    help = (
        "Reprend l'historique de l'outil précédent depuis un dossier de fichiers CSV (participants.csv obligatoire ; "
        "comptes.csv, etapes.csv, entretiens.csv facultatifs). N'écrit rien si une seule ligne est en erreur ; "
        "une seconde exécution du même dossier ne change rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("dossier", help="Chemin du dossier qui contient les fichiers CSV.")
        parser.add_argument("--dry-run", action="store_true", help="Vérifie le dossier sans rien écrire.")

    def handle(self, *args, **options):
        dossier = Path(options["dossier"])
        if not dossier.is_dir():
            raise CommandError(_("« %(d)s » n'est pas un dossier.") % {"d": dossier})
        presents = [nom for nom in FICHIERS if (dossier / nom).is_file()]
        fichiers = FichiersLus(presents, lambda nom: (dossier / nom).read_bytes())
        debut = time.monotonic()
        rapport = reprendre(fichiers, ecrire=not options["dry_run"])
        duree = time.monotonic() - debut
        for erreur in rapport.erreurs:
            self.stderr.write(str(erreur))
        for fichier, ligne, raison in rapport.ignores:
            self.stdout.write(_("%(f)s, ligne %(l)d : ignorée (%(r)s).") % {"f": fichier, "l": ligne, "r": raison})
        lues = ", ".join(f"{nom} : {n}" for nom, n in rapport.lignes.items() if nom in fichiers)
        if rapport.erreurs:
            n = len(rapport.erreurs)
            raise CommandError(
                ngettext("%(n)d erreur : rien n'a été importé.", "%(n)d erreurs : rien n'a été importé.", n) % {"n": n}
                + _(" Lignes lues — %(l)s.") % {"l": lues}
            )
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(_("Vérification sans écriture, aucune erreur. ") + resume(rapport)))
        else:
            self.stdout.write(self.style.SUCCESS(_("Reprise terminée en %(s).1f s. ") % {"s": duree} + resume(rapport)))
