from django.contrib import admin

from .models import Contact, Structure


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["nom", "type", "siret", "rna", "commune", "actif", "partenaire_plie"]
    list_filter = ["type", "actif", "partenaire_plie", "commune"]
    search_fields = ["nom", "nom_normalise", "sigle", "siret", "rna"]
    list_select_related = ["commune"]
    autocomplete_fields = ["commune"]
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["nom", "prenom", "fonction", "structure", "email"]
    search_fields = ["nom", "prenom", "email", "structure__nom"]
    list_select_related = ["structure"]
    autocomplete_fields = ["structure"]
