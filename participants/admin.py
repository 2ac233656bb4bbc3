from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Commune, Document, Participant


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["code_insee", "nom", "codes_postaux", "population"]
    search_fields = ["code_insee", "nom", "nom_normalise", "codes_postaux"]
    ordering = ["nom"]


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    fields = ["type", "titre", "fichier", "date", "auteur"]
    raw_id_fields = ["auteur"]


@admin.register(Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ["nom", "prenom", "date_naissance", "commune", "referent", "identifiant_france_travail"]
    list_filter = ["sexe", "commune", "referent__structure"]
    search_fields = ["recherche", "nom", "prenom", "email", "identifiant_france_travail"]
    list_select_related = ["commune", "referent"]
    autocomplete_fields = ["commune", "referent"]
    inlines = [DocumentInline]
    list_per_page = 25
    show_full_result_count = True


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["titre", "type", "participant", "date", "auteur"]
    list_filter = ["type"]
    search_fields = ["titre", "participant__nom"]
    list_select_related = ["participant", "auteur"]
    raw_id_fields = ["participant", "auteur"]
