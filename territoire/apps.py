from django.apps import AppConfig


class TerritoireConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "territoire"
    verbose_name = "Territoire"
