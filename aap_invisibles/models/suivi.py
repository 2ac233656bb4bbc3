"""After the decision: convention, payments, final report."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aap_invisibles.validators import valider_piece

from .choices import NatureVersement


class Convention(models.Model):
    """The funding agreement, required above 23,000 €."""

    dossier = models.OneToOneField("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="convention")
    date_signature = models.DateField(_("date de signature"))
    fichier = models.FileField(
        _("convention signée"), upload_to="aap/conventions/", validators=[valider_piece], blank=True
    )
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")

    def __str__(self):
        return f"Convention – {self.dossier}"


class Versement(models.Model):
    """A payment of the subsidy: advance or balance."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.PROTECT, related_name="versements")
    nature = models.CharField(_("nature"), max_length=10, choices=NatureVersement.choices)
    montant = models.DecimalField(_("montant (€)"), max_digits=12, decimal_places=2)
    date = models.DateField(_("date du versement"))
    enregistre_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")

    class Meta:
        verbose_name = _("versement")
        verbose_name_plural = _("versements")
        ordering = ["date", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(montant__gt=0), name="aap_versement_positif")]

    def __str__(self):
        return f"{self.get_nature_display()} {self.montant} € – {self.dossier}"


class Bilan(models.Model):
    """The funded organisation's final report, due six months after the action ends."""

    dossier = models.OneToOneField("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="bilan")
    jeunes_reperes = models.PositiveIntegerField(_("jeunes effectivement repérés"))
    jeunes_mobilises = models.PositiveIntegerField(_("jeunes effectivement mobilisés"))
    commentaire = models.TextField(_("bilan qualitatif"), blank=True)
    depose_le = models.DateTimeField(_("déposé le"), null=True, blank=True)
    depose_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("bilan final")
        verbose_name_plural = _("bilans finaux")

    def __str__(self):
        return f"Bilan – {self.dossier}"

    @staticmethod
    def ecart(prevu, realise):
        """(gap in €, gap in % of the planned amount or None)."""
        ecart = (realise or Decimal("0")) - (prevu or Decimal("0"))
        pct = (ecart * 100 / prevu).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if prevu else None
        return ecart, pct

    def comparaison_objectifs(self):
        d = self.dossier
        return [
            {"libelle": _("Jeunes repérés"), "prevu": d.nb_jeunes_a_reperer, "realise": self.jeunes_reperes},
            {"libelle": _("Jeunes mobilisés"), "prevu": d.nb_jeunes_a_mobiliser, "realise": self.jeunes_mobilises},
        ]

    def lignes_financieres(self):
        """Budget vs actual per line with gaps in € and %."""
        realises = {lb.ligne_id: lb.montant_realise for lb in self.lignes.all()}
        resultat = []
        for ligne in self.dossier.lignes_budget.all():
            realise = realises.get(ligne.pk)
            ecart, pct = self.ecart(ligne.montant, realise)
            resultat.append({"ligne": ligne, "realise": realise, "ecart": ecart, "ecart_pct": pct})
        return resultat


class LigneBilan(models.Model):
    """The actual amount of one budget line."""

    bilan = models.ForeignKey(Bilan, on_delete=models.CASCADE, related_name="lignes")
    ligne = models.ForeignKey("aap_invisibles.LigneBudget", on_delete=models.CASCADE, related_name="+")
    montant_realise = models.DecimalField(_("montant réalisé (€)"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("ligne du bilan financier")
        verbose_name_plural = _("lignes du bilan financier")
        ordering = ["ligne__compte", "id"]
        constraints = [models.UniqueConstraint(fields=["bilan", "ligne"], name="aap_une_ligne_bilan_par_ligne")]

    def __str__(self):
        return f"{self.ligne} → {self.montant_realise} €"
