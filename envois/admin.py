from django.contrib import admin

from .models import EnvoiDiffere


@admin.register(EnvoiDiffere)
class EnvoiDiffereAdmin(admin.ModelAdmin):
    """What waits for the broker (read only: `relancer_envois` or the beat task sends it)."""

    list_display = ["tache", "cree_le", "tentatives", "essaye_le", "derniere_erreur"]
    readonly_fields = ["tache", "arguments", "cree_le", "tentatives", "essaye_le", "derniere_erreur"]

    def has_add_permission(self, request):
        return False
