from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AccesDonnees, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "last_name", "first_name", "role", "structure", "is_active", "last_login"]
    list_filter = ["role", "is_active", "is_superuser", "structure__type"]
    search_fields = ["email", "last_name", "first_name", "structure__nom"]
    list_select_related = ["structure"]
    autocomplete_fields = ["structure"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Identité"), {"fields": ("first_name", "last_name", "telephone")}),
        (_("Rattachement"), {"fields": ("structure", "role")}),
        (_("Droits"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "structure", "role", "password1", "password2")}),
    )


@admin.register(AccesDonnees)
class AccesDonneesAdmin(admin.ModelAdmin):
    list_display = ["le", "utilisateur_email", "action", "objet_type", "objet_id", "description", "adresse_ip"]
    list_filter = ["action", "objet_type"]
    search_fields = ["utilisateur_email", "objet_id", "description"]
    date_hierarchy = "le"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
