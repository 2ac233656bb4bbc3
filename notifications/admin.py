from django.contrib import admin

from .models import Notification, Preference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["titre", "utilisateur", "categorie", "cree_le", "lue_le"]
    list_filter = ["categorie", "cree_le"]
    search_fields = ["titre", "utilisateur__email"]
    list_select_related = ["utilisateur"]
    raw_id_fields = ["utilisateur"]
    date_hierarchy = "cree_le"


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["utilisateur", "categorie", "canal", "actif"]
    list_filter = ["categorie", "canal", "actif"]
    search_fields = ["utilisateur__email"]
    list_select_related = ["utilisateur"]
    raw_id_fields = ["utilisateur"]
