from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


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
