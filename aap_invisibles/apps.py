from django.apps import AppConfig


class AapInvisiblesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "aap_invisibles"
    verbose_name = "Appels à projets « invisibles »"

    def ready(self):
        # What this domain adds to the apps below it, which never import it.
        from plie_portal.agenda import source

        from .agenda import auditions

        source(auditions)
