from django.apps import AppConfig


class RgpdConfig(AppConfig):
    """Personal data rules (RGPD): retention and anonymisation, right of access (article 15)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "rgpd"
    verbose_name = "Données personnelles (RGPD)"

    def ready(self):
        # Registers the right-of-access PDF among the report kinds.
        from django.db.models import Q

        from accounts.models import Role
        from participants.models import enregistrer_acces

        from . import rapports  # noqa: F401

        # The DPO answers any person's request, so may reach any record, through its own pages only
        # (no case-management page admits the role).
        enregistrer_acces(Role.DPO, lambda user: ~Q(pk=None))
