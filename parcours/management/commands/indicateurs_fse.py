"""`indicateurs_fse --debut AAAA-MM-JJ --fin AAAA-MM-JJ [--operation CODE] [--json]` (DESIGN §3)."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from parcours.indicators import calculer_indicateurs, lignes
from parcours.models import Operation


def _date(valeur):
    try:
        return datetime.date.fromisoformat(valeur)
    except ValueError as exc:
        raise CommandError(f"Date invalide : {valeur!r} (format attendu AAAA-MM-JJ).") from exc


class Command(BaseCommand):
    help = "Calcule les indicateurs FSE+ (participations entrées et sorties) sur une période."
    # A read-only figure asked from scripts: the system checks (half a second, a third of the run)
    # are for the processes that serve and migrate.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--debut", required=True, help="Premier jour de la période (AAAA-MM-JJ), inclus.")
        parser.add_argument("--fin", required=True, help="Dernier jour de la période (AAAA-MM-JJ), inclus.")
        parser.add_argument("--operation", help="Code d'une opération FSE+ : ses seules participations.")
        parser.add_argument("--json", action="store_true", help="Un objet JSON, clés du tableau FSE+.")

    def handle(self, *args, **options):
        debut, fin = _date(options["debut"]), _date(options["fin"])
        if fin < debut:
            raise CommandError("La fin de la période ne peut pas précéder son début.")
        operation = None
        if options["operation"]:
            operation = Operation.objects.filter(code=options["operation"]).first()
            if operation is None:
                raise CommandError(f"Aucune opération FSE+ n'a le code « {options['operation']} ».")
        indicateurs = calculer_indicateurs(debut, fin, operation.parcours.all() if operation else None)
        if options["json"]:
            self.stdout.write(json.dumps(indicateurs, ensure_ascii=False))
            return
        titre = f"Indicateurs FSE+ du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}"
        self.stdout.write(titre + (f" – opération {operation}" if operation else ""))
        for cle, libelle, valeur in lignes(indicateurs):
            if cle == "taux_sorties_positives":
                valeur = f"{valeur * 100:.1f} %"
            self.stdout.write(f"{cle:<24} {str(libelle):<55} {valeur:>8}")
