"""Collective sessions (ateliers collectifs, issue 17): a CV workshop, a job dating, an information
meeting, led by a structure, with the participations invited and their attendance. Attending
counts as a contact of the 30-day alert and appears in the journal."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _


class ThemeAtelier(models.TextChoices):
    CV = "cv", _("Atelier CV et lettre de motivation")
    JOB_DATING = "job_dating", _("Job dating")
    INFORMATION = "information", _("Réunion d'information")
    NUMERIQUE = "numerique", _("Atelier numérique")
    AUTRE = "autre", _("Autre")


class Presence(models.TextChoices):
    INVITE = "", _("Non renseignée")
    PRESENT = "present", _("Présent·e")
    ABSENT = "absent", _("Absent·e")
    EXCUSE = "excuse", _("Excusé·e")


def feuille_upload_to(instance, filename):
    return f"ateliers/{instance.pk}/{filename}"


class AtelierQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordination every session; a referent those of their structure or with one of their
        participants; a partner those its structure leads (DESIGN §1: the names only)."""
        from participants.models import Participant

        if not user.is_authenticated:
            return self.none()
        role = user.effective_role
        if role == "coordination":
            return self
        if role == "referent":
            suivis = Invitation.objects.filter(
                atelier=OuterRef("pk"), parcours__participant__in=Participant.objects.visible_to(user)
            )
            return self.filter(
                Q(structure_id=user.structure_id) | Q(cree_par__structure_id=user.structure_id) | Exists(suivis)
            )
        if role == "partenaire":
            return self.filter(structure_id=user.structure_id)
        return self.none()

    def modifiables_par(self, user):
        """Whose invitations, attendance and signed sheet `user` may record."""
        if not user.is_authenticated:
            return self.none()
        role = user.effective_role
        if role == "coordination":
            return self
        if role in ("referent", "partenaire"):
            return self.filter(Q(structure_id=user.structure_id) | Q(cree_par__structure_id=user.structure_id))
        return self.none()


class Atelier(models.Model):
    """A collective session: when, where, what, led by which structure; the signed attendance
    sheet once uploaded (private storage, sensitive)."""

    theme = models.CharField(_("thème"), max_length=20, choices=ThemeAtelier.choices)
    intitule = models.CharField(_("intitulé"), max_length=200)
    debut = models.DateTimeField(_("date et heure"))
    duree_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), default=120)
    lieu = models.CharField(_("lieu"), max_length=200)
    structure = models.ForeignKey(
        "partners.Structure", verbose_name=_("structure qui anime"), on_delete=models.PROTECT, related_name="ateliers"
    )
    feuille_signee = models.FileField(
        _("feuille d'émargement signée"), upload_to=feuille_upload_to, blank=True, max_length=255
    )
    cree_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    cree_le = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = AtelierQuerySet.as_manager()

    class Meta:
        verbose_name = _("atelier collectif")
        verbose_name_plural = _("ateliers collectifs")
        ordering = ["-debut", "-id"]

    def __str__(self):
        return f"{self.intitule} ({self.debut:%d/%m/%Y})"


class Invitation(models.Model):
    """A participation invited to a collective session, and whether the person came."""

    atelier = models.ForeignKey(Atelier, on_delete=models.CASCADE, related_name="invitations")
    parcours = models.ForeignKey("parcours.Parcours", on_delete=models.CASCADE, related_name="invitations")
    presence = models.CharField(_("présence"), max_length=10, choices=Presence.choices, blank=True)

    class Meta:
        verbose_name = _("invitation à un atelier")
        verbose_name_plural = _("invitations à un atelier")
        ordering = ["parcours__participant__nom", "parcours__participant__prenom", "id"]
        constraints = [
            models.UniqueConstraint(fields=["atelier", "parcours"], name="invitation_unique_par_atelier"),
        ]

    def __str__(self):
        return f"{self.parcours.participant} – {self.atelier}"
