from django.apps import AppConfig


class EnvoisConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "envois"
    verbose_name = "Envois différés"
