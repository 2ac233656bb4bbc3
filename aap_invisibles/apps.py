from django.apps import AppConfig


class AapInvisiblesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "aap_invisibles"
    verbose_name = "Appels à projets « invisibles »"
