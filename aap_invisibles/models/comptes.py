"""Applicant sign-ups: the organisation an applicant claims is created, or joined, only once their
address is verified; an organisation already on the portal is joined only with the approval of
one of its members, or of coordination when it has none (issue 14, no claim by a stranger)."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Structure, TypeStructure
from plie_portal.workflow import TransitionInvalide


class StatutDemande(models.TextChoices):
    A_VERIFIER = "a_verifier", _("Adresse à vérifier")
    A_APPROUVER = "a_approuver", _("À approuver par l'organisation")
    ACCEPTEE = "acceptee", _("Acceptée")
    REFUSEE = "refusee", _("Refusée")


class DemandeAdhesionQuerySet(models.QuerySet):
    def a_decider_par(self, user):
        """The requests `user` may approve: those to join their organisation; all for coordination."""
        en_attente = self.filter(statut=StatutDemande.A_APPROUVER)
        if user.is_coordination:
            return en_attente
        if user.is_porteur and user.structure_id:
            return en_attente.filter(structure_id=user.structure_id)
        return en_attente.none()


class DemandeAdhesion(models.Model):
    """The sign-up of an applicant: who, and the organisation they say they belong to."""

    utilisateur = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demande_adhesion"
    )
    structure_nom = models.CharField(_("nom de l'organisation"), max_length=200)
    siret = models.CharField(_("SIRET"), max_length=14, blank=True)
    rna = models.CharField(_("numéro RNA"), max_length=10, blank=True)
    commune = models.ForeignKey(
        "territoire.Commune", verbose_name=_("commune du siège"), on_delete=models.SET_NULL, null=True, blank=True
    )
    structure = models.ForeignKey(
        "partners.Structure",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="demandes_adhesion",
    )
    statut = models.CharField(
        _("statut"), max_length=12, choices=StatutDemande.choices, default=StatutDemande.A_VERIFIER
    )
    cree_le = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decidee_le = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decidee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = DemandeAdhesionQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande d'adhésion d'un porteur")
        verbose_name_plural = _("demandes d'adhésion de porteurs")
        ordering = ["-cree_le", "-id"]

    def __str__(self):
        return f"{self.utilisateur} → {self.structure or self.structure_nom}"

    def organisation_existante(self):
        """The structure already on the portal with this SIRET or RNA, if any."""
        condition = Q(pk__in=[])
        if self.siret:
            condition |= Q(siret=self.siret)
        if self.rna:
            condition |= Q(rna=self.rna)
        return Structure.objects.filter(condition).order_by("pk").first()

    @transaction.atomic
    def confirmer_adresse(self):
        """The address is verified: create the organisation and activate the account, or, when the
        organisation is already on the portal, wait for one of its members (or coordination)."""
        demande = type(self).objects.select_for_update().get(pk=self.pk)
        if demande.statut != StatutDemande.A_VERIFIER:
            return demande.statut
        existante = demande.organisation_existante()
        if existante is not None:
            demande.structure, demande.statut = existante, StatutDemande.A_APPROUVER
            demande.save(update_fields=["structure", "statut"])
        else:
            demande.structure = Structure.objects.create(
                nom=demande.structure_nom,
                type=TypeStructure.ASSOCIATION,
                siret=demande.siret or None,
                rna=demande.rna or None,
                commune=demande.commune,
                email=demande.utilisateur.email,
                partenaire_plie=False,
            )
            demande._accepter(par=None)
        self.refresh_from_db()
        return demande.statut

    def _accepter(self, par):
        user = self.utilisateur
        user.structure, user.is_active = self.structure, True
        user.save(update_fields=["structure", "is_active"])
        self.statut, self.decidee_le, self.decidee_par = StatutDemande.ACCEPTEE, timezone.now(), par
        self.save(update_fields=["structure", "statut", "decidee_le", "decidee_par"])

    @transaction.atomic
    def decider(self, par, accepter):
        """A member of the organisation, or coordination, accepts or refuses the request."""
        demande = type(self).objects.select_for_update().get(pk=self.pk)
        if not type(self).objects.a_decider_par(par).filter(pk=self.pk).exists():
            raise TransitionInvalide(_("Cette demande n'attend pas votre décision."))
        if accepter:
            demande._accepter(par)
        else:
            demande.statut, demande.decidee_le, demande.decidee_par = StatutDemande.REFUSEE, timezone.now(), par
            demande.save(update_fields=["statut", "decidee_le", "decidee_par"])
        self.refresh_from_db()
        return demande
