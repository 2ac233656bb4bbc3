"""`generer_rapport TYPE [options] --sortie FICHIER`: produce a document with the Celery task's code."""

import shutil

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from accounts.audit import journaliser
from accounts.models import Role, User
from reports.kinds import all_kinds, get_kind
from reports.models import Rapport, StatutRapport
from reports.tasks import generer_rapport


class Command(BaseCommand):
    help = (
        "Produit un document (PDF ou XLSX) exactement comme la tâche Celery et l'écrit dans --sortie. "
        "Exemples : cerfa --dossier 12 ; parcours --participant 3 ; activite --debut 2026-01-01 --fin 2026-06-30 ; "
        "comite --appel 1 ; fse --debut 2026-01-01 --fin 2026-12-31 ; "
        "bilan --operation 1 --debut 2026-01-01 --fin 2026-12-31."
    )

    def add_arguments(self, parser):
        parser.add_argument("type", choices=sorted(kind.code for kind in all_kinds()), help="type de document")
        parser.add_argument("--sortie", required=True, help="fichier à écrire")
        parser.add_argument("--participant", type=int)
        parser.add_argument("--dossier", type=int)
        parser.add_argument("--appel", type=int)
        parser.add_argument("--operation", type=int, help="numéro d'une opération FSE+ (bilan, bilan_pdf)")
        parser.add_argument("--atelier", type=int, help="numéro d'un atelier collectif (emargement)")
        parser.add_argument("--controle", type=int, help="numéro d'un contrôle de service fait (csf)")
        parser.add_argument("--debut", help="AAAA-MM-JJ")
        parser.add_argument("--fin", help="AAAA-MM-JJ")
        parser.add_argument(
            "--utilisateur",
            help="e-mail du compte au nom duquel produire le document (défaut : le premier compte de coordination)",
        )
        parser.add_argument("--garder", action="store_true", help="garder le rapport dans la liste de l'utilisateur")

    def handle(self, *args, **options):
        kind = get_kind(options["type"])
        demandeur = self.demandeur(options["utilisateur"])
        parametres = {
            nom: options[nom]
            for nom in ("participant", "dossier", "appel", "operation", "atelier", "controle", "debut", "fin")
            if options.get(nom) is not None
        }
        form = kind.form_class(parametres, user=demandeur)
        if not form.is_valid():
            erreurs = "; ".join(f"{nom} : {' '.join(messages)}" for nom, messages in form.errors.items())
            raise CommandError(f"Paramètres invalides pour « {kind.code} » : {erreurs}")
        parametres = form.parametres()
        try:
            kind.check_role(demandeur)
            kind.check_scope(demandeur, parametres)
        except PermissionDenied:
            raise CommandError(f"Le compte {demandeur.email} ne peut pas demander ce document.") from None
        except Http404:
            raise CommandError(f"Objet introuvable ou hors du périmètre de {demandeur.email}.") from None
        rapport = Rapport.objects.create(
            type=kind.code, parametres=parametres, demandeur=demandeur, libelle=kind.libelle(parametres)[:255]
        )
        # The task itself, run in this process: same claim, generation, retries and failure recording.
        generer_rapport.apply(args=[rapport.pk])
        rapport.refresh_from_db()
        try:
            if rapport.statut != StatutRapport.TERMINE:
                raise CommandError(f"Échec : {rapport.erreur}")
            with rapport.fichier.open("rb") as source, open(options["sortie"], "wb") as destination:
                shutil.copyfileobj(source, destination)
            # Recorded against the operator named by --utilisateur, as a download from the portal is.
            journaliser(
                demandeur,
                "telechargement",
                chemin=f"manage.py generer_rapport {kind.code}",
                **kind.journal(rapport),
            )
        finally:
            if not options["garder"]:
                rapport.supprimer_fichier()
                rapport.delete()
        self.stdout.write(self.style.SUCCESS(f"{kind.label} écrit dans {options['sortie']}"))

    def demandeur(self, email):
        if email:
            user = User.objects.filter(email__iexact=email, is_active=True).first()
            if user is None:
                raise CommandError(f"Aucun compte actif pour {email}.")
            return user
        user = (
            User.objects.filter(is_active=True, role=Role.COORDINATION).order_by("pk").first()
            or User.objects.filter(is_active=True, is_superuser=True).order_by("pk").first()
        )
        if user is None:
            raise CommandError("Aucun compte de coordination actif : précisez --utilisateur.")
        return user
