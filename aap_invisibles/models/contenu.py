"""The parts of a dossier beyond the Cerfa fields: project budget lines, EPS consultation, attachments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aap_invisibles.validators import valider_piece

from .choices import COMPTE_SUBVENTION, COMPTES_CHARGES, Compte, TypePiece


class LigneBudget(models.Model):
    """A line of the project budget (Cerfa 6 bis) on the associations' chart of accounts."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="lignes_budget")
    compte = models.CharField(_("compte"), max_length=2, choices=Compte.choices)
    libelle = models.CharField(_("libellé"), max_length=200)
    montant = models.DecimalField(_("montant (€)"), max_digits=12, decimal_places=2)
    subvention_metropole = models.BooleanField(_("subvention demandée à la Métropole"), default=False, editable=False)
    ordre = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ligne de budget")
        verbose_name_plural = _("lignes de budget")
        ordering = ["compte", "ordre", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(subvention_metropole=True), name="aap_une_ligne_subvention_metropole"
            ),
            models.CheckConstraint(
                condition=Q(subvention_metropole=False) | Q(compte=COMPTE_SUBVENTION),
                name="aap_subvention_metropole_compte_74",
            ),
            models.CheckConstraint(condition=Q(montant__gte=0), name="aap_ligne_budget_positive"),
        ]

    def __str__(self):
        return f"{self.compte} {self.libelle} : {self.montant} €"

    @property
    def est_charge(self):
        return self.compte in COMPTES_CHARGES


class ConsultationEPS(models.Model):
    """The prior consultation of the communes' Équipes Pluridisciplinaires de Suivi: an admissibility condition."""

    dossier = models.OneToOneField("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="consultation_eps")
    communes = models.ManyToManyField("territoire.Commune", verbose_name=_("communes consultées"), related_name="+")
    date_consultation = models.DateField(_("date de la consultation"), null=True, blank=True)
    justificatif = models.FileField(
        _("justificatif (compte rendu, attestation)"),
        upload_to="aap/eps/",
        blank=True,
        validators=[valider_piece],
    )
    commentaire = models.TextField(_("commentaire"), blank=True)

    class Meta:
        verbose_name = _("consultation des EPS")
        verbose_name_plural = _("consultations des EPS")

    def __str__(self):
        return f"EPS – {self.dossier}"

    def manquants(self):
        manquants = []
        if not self.date_consultation:
            manquants.append(str(_("la date de consultation des EPS")))
        if not self.pk or not self.communes.exists():
            manquants.append(str(_("les communes dont l'EPS a été consultée")))
        if not self.justificatif:
            manquants.append(str(_("le justificatif de consultation des EPS")))
        return manquants


def chemin_piece(instance, filename):
    return f"aap/dossiers/{instance.dossier_id}/pieces/{filename}"


class PieceJointe(models.Model):
    """An attachment of a dossier (PDF, JPEG or PNG checked by content, 10 MB)."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="pieces")
    type_piece = models.CharField(_("type de pièce"), max_length=30, choices=TypePiece.choices)
    fichier = models.FileField(_("fichier"), upload_to=chemin_piece, validators=[valider_piece])
    nom_original = models.CharField(_("nom du fichier"), max_length=255)
    type_mime = models.CharField(max_length=40, editable=False)
    taille = models.PositiveIntegerField(_("taille (octets)"), default=0, editable=False)
    ajoute_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    ajoute_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["type_piece", "id"]

    def __str__(self):
        return f"{self.get_type_piece_display()} – {self.nom_original}"
