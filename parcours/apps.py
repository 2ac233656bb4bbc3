from django.apps import AppConfig


class ParcoursConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "parcours"
    verbose_name = "Parcours"
