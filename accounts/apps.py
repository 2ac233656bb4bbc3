from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        # Registers the right-of-access PDF among the report kinds.
        from . import rapports  # noqa: F401
