"""Django admin of the calls for projects app."""

from django.contrib import admin
from django.db import models as db_models

from plie_portal.widgets import FICHIERS_PRIVES

from . import models


class CritereInline(admin.TabularInline):
    model = models.CritereNotation
    extra = 0


class QuestionInline(admin.StackedInline):
    model = models.QuestionReponse
    extra = 0


class DocumentInline(admin.TabularInline):
    model = models.DocumentAppel
    formfield_overrides = {db_models.FileField: FICHIERS_PRIVES}
    extra = 0


class ReportInline(admin.TabularInline):
    model = models.ReportCloture
    extra = 0
    readonly_fields = ["ancienne_date", "nouvelle_date", "motif", "par", "le"]
    can_delete = False


@admin.register(models.AppelAProjets)
class AppelAdmin(admin.ModelAdmin):
    list_display = ["titre", "statut", "budget_total", "date_ouverture", "date_cloture", "date_audition"]
    list_filter = ["statut"]
    search_fields = ["titre", "slug"]
    prepopulated_fields = {"slug": ["titre"]}
    filter_horizontal = ["instructeurs"]
    inlines = [CritereInline, QuestionInline, DocumentInline, ReportInline]


class LigneBudgetInline(admin.TabularInline):
    model = models.LigneBudget
    extra = 0
    readonly_fields = ["subvention_metropole"]


class PieceInline(admin.TabularInline):
    model = models.PieceJointe
    formfield_overrides = {db_models.FileField: FICHIERS_PRIVES}
    extra = 0
    readonly_fields = ["type_mime", "taille", "ajoute_par", "ajoute_le"]


class TransitionInline(admin.TabularInline):
    model = models.TransitionDossier
    extra = 0
    readonly_fields = ["de", "vers", "par", "le", "motif"]
    can_delete = False


class VersementInline(admin.TabularInline):
    model = models.Versement
    extra = 0


@admin.register(models.Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["__str__", "statut", "montant_demande", "montant_accorde", "numero_accuse", "date_accuse"]
    list_filter = ["statut", "appel"]
    search_fields = ["nom", "porteur__nom", "projet_intitule", "numero_accuse"]
    list_select_related = ["appel", "porteur"]
    autocomplete_fields = ["porteur"]
    filter_horizontal = ["communes"]
    readonly_fields = ["montant_demande", "copie_deposee", "numero_accuse", "date_accuse"]
    inlines = [LigneBudgetInline, PieceInline, TransitionInline, VersementInline]


@admin.register(models.Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["dossier", "instructeur", "total", "soumise"]
    list_filter = ["soumise"]
    list_select_related = ["dossier__porteur", "dossier__appel", "instructeur"]


for modele, champs in [
    (models.ConsultationEPS, ["dossier", "date_consultation"]),
    (models.DemandeCorrection, ["dossier", "demandee_par", "demandee_le", "repondue_le"]),
    (models.ConflitInteret, ["dossier", "instructeur", "declare_le"]),
    (models.Annotation, ["dossier", "auteur", "cree_le"]),
    (models.Message, ["objet", "dossier", "auteur", "automatique", "envoye_le"]),
    (models.CreneauAudition, ["dossier", "date", "heure", "lieu"]),
    (models.Convention, ["dossier", "date_signature"]),
    (models.Versement, ["dossier", "nature", "montant", "date"]),
    (models.Bilan, ["dossier", "jeunes_reperes", "jeunes_mobilises", "depose_le"]),
    (models.LigneBilan, ["bilan", "ligne", "montant_realise"]),
    (models.SimulationAllocation, ["appel", "modifiee_le"]),
    (models.ReportCloture, ["appel", "ancienne_date", "nouvelle_date", "par", "le"]),
    (models.TransitionDossier, ["dossier", "de", "vers", "par", "le"]),
]:
    admin.site.register(modele, list_display=champs, formfield_overrides={db_models.FileField: FICHIERS_PRIVES})


@admin.register(models.DemandeAdhesion)
class DemandeAdhesionAdmin(admin.ModelAdmin):
    list_display = ["utilisateur", "structure_nom", "structure", "statut", "cree_le", "decidee_par"]
    list_filter = ["statut"]
    search_fields = ["utilisateur__email", "structure_nom", "siret", "rna"]
    list_select_related = ["utilisateur", "structure", "decidee_par"]
    raw_id_fields = ["utilisateur", "structure", "decidee_par"]
    readonly_fields = ["cree_le", "decidee_le"]
