from django.contrib import admin

from .models import Contact, EtapeType, Structure


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class OffreInline(admin.TabularInline):
    """The step types a structure offers (EtapeType.structures, seen from the structure)."""

    model = EtapeType.structures.through
    extra = 0
    verbose_name = "étape proposée"
    verbose_name_plural = "étapes proposées"
    autocomplete_fields = ["etapetype"]


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["nom", "type", "siret", "rna", "commune", "actif", "partenaire_plie"]
    list_filter = ["type", "actif", "partenaire_plie", "commune"]
    search_fields = ["nom", "nom_normalise", "sigle", "siret", "rna"]
    list_select_related = ["commune"]
    autocomplete_fields = ["commune"]
    inlines = [ContactInline, OffreInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["nom", "prenom", "fonction", "structure", "email"]
    search_fields = ["nom", "prenom", "email", "structure__nom"]
    list_select_related = ["structure"]
    autocomplete_fields = ["structure"]


@admin.register(EtapeType)
class EtapeTypeAdmin(admin.ModelAdmin):
    list_display = ["libelle", "code", "categorie", "actif"]
    list_filter = ["categorie", "actif"]
    search_fields = ["libelle", "code"]
    filter_horizontal = ["structures"]
