from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accounts.audit import JournaliserAdmin

from .models import Entretien, Etape, Objectif, Operation, Parcours, PieceFSE, SessionCommission, Transition


class EtapeInline(admin.TabularInline):
    model = Etape
    extra = 0
    fields = ["type", "structure", "statut", "date_debut_prevue", "date_fin_prevue", "date_debut", "date_fin"]
    autocomplete_fields = ["type", "structure"]


@admin.register(Parcours)
class ParcoursAdmin(JournaliserAdmin, SimpleHistoryAdmin):
    list_display = [
        "participant",
        "date_orientation",
        "decision_commission",
        "date_entree",
        "date_sortie",
        "motif_sortie",
    ]
    list_filter = ["decision_commission", "statut_marche_travail", "niveau_formation", "motif_sortie", "qpv", "rsa"]
    search_fields = ["participant__recherche", "participant__nom"]
    list_select_related = ["participant"]
    raw_id_fields = ["participant", "referent", "session_commission"]
    autocomplete_fields = ["prescripteur", "operation"]
    date_hierarchy = "date_entree"
    inlines = [EtapeInline]


@admin.register(Etape)
class EtapeAdmin(JournaliserAdmin, SimpleHistoryAdmin):
    list_display = ["type", "structure", "statut", "parcours", "date_debut_prevue", "date_fin_prevue"]
    list_filter = ["statut", "type__categorie"]
    search_fields = ["structure__nom", "type__libelle", "parcours__participant__nom"]
    list_select_related = ["type", "structure", "parcours__participant"]
    raw_id_fields = ["parcours", "proposee_par"]
    autocomplete_fields = ["type", "structure"]


@admin.register(Entretien)
class EntretienAdmin(JournaliserAdmin, admin.ModelAdmin):
    list_display = ["parcours", "date", "type", "statut", "auteur"]
    list_filter = ["type", "statut"]
    list_select_related = ["parcours__participant", "auteur"]
    raw_id_fields = ["parcours", "auteur"]


@admin.register(SessionCommission)
class SessionCommissionAdmin(JournaliserAdmin, admin.ModelAdmin):
    list_display = ["date", "cree_par"]
    raw_id_fields = ["cree_par"]


@admin.register(Transition)
class TransitionAdmin(JournaliserAdmin, admin.ModelAdmin):
    list_display = ["le", "parcours", "etape", "de", "vers", "par"]
    list_select_related = ["parcours__participant", "etape", "par"]
    raw_id_fields = ["parcours", "etape", "par"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Objectif)
class ObjectifAdmin(admin.ModelAdmin):
    list_display = ["annee", "participants_min", "participants_max", "taux_sorties_positives"]


@admin.register(Operation)
class OperationAdmin(SimpleHistoryAdmin):
    list_display = ["code", "intitule", "structure", "date_debut", "date_fin", "statut", "participants_prevus"]
    list_filter = ["statut"]
    list_select_related = ["structure"]
    search_fields = ["code", "intitule", "structure__nom"]
    autocomplete_fields = ["structure"]
    date_hierarchy = "date_debut"


@admin.register(PieceFSE)
class PieceFSEAdmin(JournaliserAdmin, admin.ModelAdmin):
    list_display = ["document", "parcours"]
    list_select_related = ["document", "parcours__participant"]
    raw_id_fields = ["parcours", "document"]
