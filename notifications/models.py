"""In-app notifications and each user's choice of channels per category."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Categorie(models.TextChoices):
    ETAPE_PROPOSEE = "etape_proposee", _("Étape proposée à ma structure")
    ETAPE_SUIVI = "etape_suivi", _("Réponse ou avancement d'une étape par un partenaire")
    AFFECTATION = "affectation", _("Participant qui m'est affecté")
    AVIS_DEMANDE = "avis_demande", _("Avis demandé sur un dossier d'appel à projets, et ses rappels")
    AVIS_RECU = "avis_recu", _("Avis d'un·e expert·e reçu sur un dossier que j'instruis")


class Canal(models.TextChoices):
    APPLICATION = "application", _("Dans le portail")
    EMAIL = "email", _("Par e-mail")


class NotificationQuerySet(models.QuerySet):
    def de(self, user):
        """The notifications of `user`: the only ones anybody may see or mark."""
        return self.filter(utilisateur=user)

    def non_lues(self):
        return self.filter(lue_le__isnull=True)

    def marquer_lues(self):
        return self.non_lues().update(lue_le=timezone.now())


class Notification(models.Model):
    """A message shown to one user in the portal (bell and list)."""

    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("destinataire"), on_delete=models.CASCADE, related_name="notifications"
    )
    categorie = models.CharField(_("catégorie"), max_length=30, choices=Categorie.choices)
    titre = models.CharField(_("titre"), max_length=200)
    corps = models.TextField(_("message"), blank=True)
    lien = models.CharField(_("lien"), max_length=300, blank=True)
    lue_le = models.DateTimeField(_("lue le"), null=True, blank=True)
    cree_le = models.DateTimeField(_("créée le"), default=timezone.now, db_index=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-cree_le", "-id"]
        indexes = [models.Index(fields=["utilisateur", "lue_le"])]

    def __str__(self):
        return self.titre

    @property
    def est_lue(self):
        return self.lue_le is not None


class PreferenceQuerySet(models.QuerySet):
    def desactivees(self, users, canal):
        """Ids of `users` who switched each category off on `canal`, as {(user_id, categorie)}."""
        return set(
            self.filter(utilisateur__in=users, canal=canal, actif=False).values_list("utilisateur_id", "categorie")
        )


class Preference(models.Model):
    """A user's choice for one category on one channel. No row means: on."""

    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences_notification"
    )
    categorie = models.CharField(_("catégorie"), max_length=30, choices=Categorie.choices)
    canal = models.CharField(_("canal"), max_length=20, choices=Canal.choices)
    actif = models.BooleanField(_("activée"), default=True)

    objects = PreferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        ordering = ["utilisateur", "categorie", "canal"]
        constraints = [
            models.UniqueConstraint(fields=["utilisateur", "categorie", "canal"], name="preference_unique_par_canal")
        ]

    def __str__(self):
        return f"{self.utilisateur} – {self.get_categorie_display()} – {self.get_canal_display()}"
