from django.contrib import admin

from .models import Rapport


@admin.register(Rapport)
class RapportAdmin(admin.ModelAdmin):
    """The documents produced in the background, to follow them (read only: the file itself is
    downloaded from the portal, which checks the right to it and logs the download)."""

    list_display = ["libelle", "type", "demandeur", "statut", "progression", "reprises", "cree_le", "expire_le"]
    list_filter = ["statut", "type", "automatique"]
    search_fields = ["libelle", "demandeur__email"]
    list_select_related = ["demandeur"]
    date_hierarchy = "cree_le"
    # Not `fichier`: private storage has no URL to show (its name is in nom_fichier).
    fields = [
        "type",
        "libelle",
        "demandeur",
        "automatique",
        "statut",
        "progression",
        "message",
        "erreur",
        "nom_fichier",
        "tentatives",
        "reprises",
        "cree_le",
        "debut_le",
        "battement_le",
        "fin_le",
        "expire_le",
        "telechargements",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
