from django.core.management.base import BaseCommand

from rgpd.purge import purger


class Command(BaseCommand):
    help = (
        "Applique les durées de conservation (RGPD) : anonymise les participants deux ans après leur dernier "
        "contact hors période d'audit FSE+, purge le journal des accès de plus d'un an, avertit puis supprime "
        "les brouillons de dossiers AAP non modifiés depuis 12 mois. --dry-run : n'écrit rien, affiche le bilan."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="N'écrit rien ; affiche ce qui serait fait.")

    def handle(self, *args, dry_run=False, **options):
        bilan = purger(dry_run=dry_run)
        prefixe = "[simulation] " if dry_run else ""
        verbe = "à anonymiser" if dry_run else "anonymisés"
        self.stdout.write(f"{prefixe}Participants {verbe} : {len(bilan.participants)}")
        if bilan.participants:
            self.stdout.write(f"  numéros : {', '.join(str(pk) for pk in bilan.participants)}")
        for (table, quoi), nombre in bilan.prevu.items():
            self.stdout.write(f"  {table} ({quoi}) : {nombre}")
        if not dry_run:
            self.stdout.write(f"  documents supprimés : {bilan.documents}")
            self.stdout.write(f"  lignes d'historique supprimées : {bilan.historique}")
            self.stdout.write(f"  rapports générés supprimés : {bilan.rapports}")
            self.stdout.write(f"  notifications supprimées : {bilan.notifications}")
        self.stdout.write(f"{prefixe}Lignes du journal des accès de plus d'un an : {bilan.acces}")
        self.stdout.write(f"{prefixe}Jetons personnels expirés ou révoqués depuis plus d'un an : {bilan.jetons}")
        self.stdout.write(
            f"{prefixe}Brouillons AAP avertis (suppression dans un mois) : {len(bilan.brouillons_avertis)}"
        )
        self.stdout.write(f"{prefixe}Brouillons AAP supprimés : {len(bilan.brouillons_supprimes)}")
        self.stdout.write(f"{prefixe}Rapports expirés supprimés (avec leurs fichiers) : {bilan.rapports_expires}")
        self.stdout.write(f"{prefixe}Fichiers d'import laissés à l'aperçu supprimés : {bilan.imports_oublies}")
        self.stdout.write(f"{prefixe}Inscriptions jamais confirmées supprimées : {bilan.inscriptions_abandonnees}")
