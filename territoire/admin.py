from django.contrib import admin

from .models import Commune


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["code_insee", "nom", "codes_postaux", "population"]
    search_fields = ["code_insee", "nom", "nom_normalise", "codes_postaux"]
    ordering = ["nom"]
