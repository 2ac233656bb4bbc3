from django.apps import AppConfig


class RgpdConfig(AppConfig):
    """Personal data rules (RGPD): retention and anonymisation, right of access (article 15)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "rgpd"
    verbose_name = "Données personnelles (RGPD)"

    def ready(self):
        # Registers the right-of-access PDF among the report kinds.
        from . import rapports  # noqa: F401
