from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from accounts.audit import JournaliserAdmin
from plie_portal.widgets import FICHIERS_PRIVES

from .models import Document, Fusion, Participant


class DocumentInline(admin.TabularInline):
    model = Document
    formfield_overrides = {models.FileField: FICHIERS_PRIVES}
    extra = 0
    fields = ["type", "titre", "fichier", "date", "auteur"]
    raw_id_fields = ["auteur"]


@admin.register(Participant)
class ParticipantAdmin(JournaliserAdmin, SimpleHistoryAdmin):
    list_display = ["nom", "prenom", "date_naissance", "commune", "referent", "identifiant_france_travail"]
    list_filter = ["sexe", "commune", "referent__structure"]
    search_fields = ["recherche", "nom", "prenom", "email", "identifiant_france_travail"]
    list_select_related = ["commune", "referent"]
    autocomplete_fields = ["commune", "referent"]
    inlines = [DocumentInline]
    list_per_page = 25
    show_full_result_count = True


@admin.register(Document)
class DocumentAdmin(JournaliserAdmin, admin.ModelAdmin):
    formfield_overrides = {models.FileField: FICHIERS_PRIVES}
    list_display = ["titre", "type", "participant", "date", "auteur"]
    list_filter = ["type"]
    search_fields = ["titre", "participant__nom"]
    list_select_related = ["participant", "auteur"]
    raw_id_fields = ["participant", "auteur"]


@admin.register(Fusion)
class FusionAdmin(JournaliserAdmin, admin.ModelAdmin):
    """Merges are a log: read-only, never edited nor deleted by hand."""

    list_display = ["le", "par", "conserve_numero", "absorbe_numero", "conserve"]
    list_select_related = ["par", "conserve"]
    search_fields = ["conserve_numero", "absorbe_numero", "absorbe_identite"]
    readonly_fields = [
        "le",
        "par",
        "conserve",
        "conserve_numero",
        "absorbe_numero",
        "absorbe_identite",
        "elements_deplaces",
    ]
    date_hierarchy = "le"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
