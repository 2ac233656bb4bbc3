from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "participants"
    verbose_name = "Participants"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_save

        from .tris import apres_renommage

        post_save.connect(apres_renommage, sender="territoire.Commune", dispatch_uid="participants_tri_commune")
        post_save.connect(apres_renommage, sender=settings.AUTH_USER_MODEL, dispatch_uid="participants_tri_referent")
