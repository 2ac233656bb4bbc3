"""The bilan d'exécution of an FSE+ operation (issue 17), as a workbook and as a PDF: the data come
from parcours.operations.bilan, the same for both."""

from django import forms
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal.xlsx import Classeur, ligne

from ..pdf import rendre_pdf
from . import register
from .activite import PeriodeForm, PeriodeKind
from .base import ParametresForm, RapportImpossible, ReportKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BilanForm(PeriodeForm):
    operation = forms.ModelChoiceField(label=_("Opération"), queryset=None)
    field_order = ["operation", "debut", "fin"]

    def __init__(self, *args, **kwargs):
        from parcours.models import Operation

        super().__init__(*args, **kwargs)
        self.fields["operation"].queryset = Operation.objects.order_by("-date_debut", "code")
        # Asked from an operation's page: its own period by default.
        if operation := Operation.objects.filter(pk=self.initial.get("operation") or 0).first():
            self.fields["debut"].initial, self.fields["fin"].initial = operation.date_debut, operation.date_fin


class BilanKind(PeriodeKind):
    roles = frozenset({"coordination"})
    form_class = BilanForm
    objet_param = "operation"

    def operation(self, parametres):
        from parcours.models import Operation

        operation = Operation.objects.select_related("structure").filter(pk=parametres.get("operation")).first()
        if operation is None:
            raise RapportImpossible(_("Cette opération n'existe plus."))
        return operation

    def objet(self, user, parametres):
        """The operation a page asks the bilan of (coordination sees them all); 404 when unknown."""
        from parcours.models import Operation

        if not parametres.get("operation"):
            return None
        try:
            return Operation.objects.get(pk=int(parametres["operation"]))
        except (TypeError, ValueError, Operation.DoesNotExist):
            raise Http404 from None

    def libelle(self, parametres):
        from parcours.models import Operation

        operation = Operation.objects.filter(pk=parametres.get("operation")).first()
        base = super().libelle(parametres)
        return f"{base} – {operation.code}" if operation else base

    def donnees(self, rapport, progress):
        from parcours.operations import bilan

        operation = self.operation(rapport.parametres)
        debut, fin = self.periode(rapport.parametres)
        progress(10, _("Indicateurs de l'opération"))
        return operation, debut, fin, bilan.synthese(operation, debut, fin), bilan.activite(operation, debut, fin)


def _pieces(parcours):
    return ", ".join(sorted(str(p.document.get_type_display()) for p in parcours.pieces.all()))


@register
class BilanExecution(BilanKind):
    """Sheets: Synthèse, Participations, Activité, Export autorité de gestion (the mapping file)."""

    code = "bilan"
    label = _("Bilan d'exécution d'une opération (XLSX)")
    description = _(
        "Participants prévus et réalisés, indicateurs, participations et pièces, activité, "
        "export pour l'autorité de gestion."
    )
    extension = "xlsx"
    content_type = XLSX

    def ecrire(self, rapport, progress, sortie):
        from parcours.indicators import LIBELLES
        from parcours.operations import bilan

        try:
            colonnes = bilan.correspondance()
        except bilan.CorrespondanceInvalide as exc:
            raise RapportImpossible(str(exc)) from exc
        operation, debut, fin, synthese, activite = self.donnees(rapport, progress)
        classeur = Classeur(sortie)
        feuille = classeur.feuille("Synthèse")
        for titre, valeur in (
            ("Opération", f"{operation.code} – {operation.intitule}"),
            ("Structure porteuse", operation.structure.nom),
            ("Période", f"{debut:%d/%m/%Y} – {fin:%d/%m/%Y}"),
            ("Participants prévus", synthese["prevus"]),
            ("Participations de la période", synthese["realises"]),
        ):
            feuille.ajouter(ligne([titre, valeur]))
        feuille.ajouter([])
        feuille.ajouter(["Indicateur", "Valeur", "Libellé"])
        for cle, valeur in synthese["indicateurs"].items():
            feuille.ajouter(ligne([cle, valeur, str(LIBELLES[cle])]))
        progress(30, _("Participations"))
        participations = classeur.feuille(
            "Participations",
            entetes=[
                "Participation",
                "Nom",
                "Prénom",
                "Entrée",
                "Sortie",
                "Situation à la sortie",
                "Pièces présentes",
                "Pièces manquantes",
            ],
        )
        export = classeur.feuille("Export autorité de gestion", entetes=[titre for titre, _lire in colonnes])
        personnes = set()
        for p in bilan.participations(operation, debut, fin).iterator(chunk_size=2000):
            participations.ajouter(
                ligne(
                    [
                        p.pk,
                        p.participant.nom,
                        p.participant.prenom,
                        p.date_entree,
                        p.date_sortie,
                        p.get_situation_sortie_display(),
                        _pieces(p),
                        ", ".join(str(m) for m in p.pieces_manquantes()),
                    ]
                )
            )
            export.ajouter(ligne([lire(p) for _titre, lire in colonnes]))
            personnes.add(p.participant_id)
        rapport.personnes = sorted(personnes)
        progress(80, _("Activité"))
        feuille = classeur.feuille("Activité")
        feuille.ajouter(["Étapes", "Type", "Statut", "Nombre"])
        for e in activite["etapes"]:
            feuille.ajouter(ligne(["", e["type__libelle"], e["statut"], e["n"]]))
        feuille.ajouter(["Entretiens", "", "Statut", "Nombre"])
        for statut, n in sorted(activite["entretiens"].items()):
            feuille.ajouter(ligne(["", "", statut, n]))
        feuille.ajouter(ligne(["Ateliers collectifs", "", "ateliers", activite["ateliers"]]))
        feuille.ajouter(ligne(["", "", "présences", activite["presences"]]))
        progress(95, _("Enregistrement du classeur"))
        classeur.enregistrer()


@register
class BilanExecutionPDF(BilanKind):
    """The same bilan as a PDF to sign and send: synthesis, indicators, activity, participations."""

    code = "bilan_pdf"
    label = _("Bilan d'exécution d'une opération (PDF)")
    description = _("La synthèse, les indicateurs, l'activité et la liste des participations, à signer.")

    def ecrire(self, rapport, progress, sortie):
        from parcours.indicators import lignes
        from parcours.operations import bilan

        operation, debut, fin, synthese, activite = self.donnees(rapport, progress)
        progress(40, _("Participations"))
        participations = list(bilan.participations(operation, debut, fin))
        rapport.personnes = sorted({p.participant_id for p in participations})
        progress(70, _("Mise en page du document"))
        contexte = {
            "titre": _("Bilan d'exécution – %(code)s") % {"code": operation.code},
            "operation": operation,
            "debut": debut,
            "fin": fin,
            "synthese": synthese,
            "indicateurs": lignes(synthese["indicateurs"]),
            "activite": activite,
            "participations": participations,
            "genere_le": timezone.localtime(),
        }
        rendre_pdf("reports/pdf/bilan_execution.html", contexte, sortie)


def _nom_de_dossier(rang, parcours):
    """A readable folder name for a sampled participation, safe in every archive tool."""
    nom = f"{parcours.participant.nom} {parcours.participant.prenom}"
    propre = "".join(c if c.isalnum() or c in " -_" else "_" for c in nom).strip()
    return f"{rang:03d} - {propre} (participation {parcours.pk})"


class ControleParametresForm(ParametresForm):
    controle = forms.IntegerField(label=_("Numéro du contrôle"), min_value=1, widget=forms.HiddenInput)


@register
class DossierControle(ReportKind):
    """The sample of a contrôle de service fait as one ZIP: a PDF summary per participation and its
    proofs, in a folder each; written entry by entry into the output file, never held in memory."""

    code = "csf"
    label = _("Dossier du contrôle de service fait (ZIP)")
    description = _("Une fiche PDF par participation tirée et ses pièces justificatives, un dossier chacune.")
    roles = frozenset({"coordination"})
    objet_param = "controle"
    extension = "zip"
    content_type = "application/zip"

    form_class = ControleParametresForm

    def objet(self, user, parametres):
        from parcours.models import ControleServiceFait

        try:
            return ControleServiceFait.objects.select_related("operation").get(pk=int(parametres.get("controle")))
        except (TypeError, ValueError, ControleServiceFait.DoesNotExist):
            raise Http404 from None

    def check_scope(self, user, parametres):
        self.objet(user, parametres)

    def libelle(self, parametres):
        from parcours.models import ControleServiceFait

        controle = ControleServiceFait.objects.select_related("operation").filter(pk=parametres.get("controle")).first()
        return f"{self.label} – {controle}" if controle else str(self.label)

    def ecrire(self, rapport, progress, sortie):
        import shutil
        import zipfile

        controle = self.objet(rapport.demandeur, rapport.parametres)
        lignes = list(
            controle.lignes.select_related("parcours__participant__commune", "parcours__operation").prefetch_related(
                "parcours__pieces__document"
            )
        )
        rapport.personnes = sorted({ligne.parcours.participant_id for ligne in lignes})
        with zipfile.ZipFile(sortie, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for rang, ligne in enumerate(lignes, start=1):
                dossier = _nom_de_dossier(rang, ligne.parcours)
                contexte = {
                    "titre": _("Contrôle de service fait – %(nom)s") % {"nom": ligne.parcours.participant},
                    "controle": controle,
                    "ligne": ligne,
                    "parcours": ligne.parcours,
                    "genere_le": timezone.localtime(),
                }
                archive.writestr(f"{dossier}/fiche-de-controle.pdf", rendre_pdf("reports/pdf/controle.html", contexte))
                for piece in ligne.parcours.pieces.all():
                    document = piece.document
                    nom = document.fichier.name.rsplit("/", 1)[-1]
                    try:
                        with document.fichier.open("rb") as source, archive.open(f"{dossier}/{nom}", "w") as cible:
                            shutil.copyfileobj(source, cible, 1024 * 1024)
                    except FileNotFoundError:
                        archive.writestr(f"{dossier}/{nom}.absent.txt", "Fichier introuvable dans le stockage.")
                progress(5 + int(90 * rang / max(len(lignes), 1)), _("Participations du contrôle"))
