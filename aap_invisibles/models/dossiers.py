"""Dossiers (applications), their transitions log and message thread."""

from decimal import Decimal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    DecimalField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from envois.services import mettre_en_file
from plie_portal.dates import months_after

from .cerfa import SECTIONS_CERFA, SECTIONS_PAR_CODE, ContenuCerfa
from .choices import COMPTES_CHARGES, COMPTES_PRODUITS, Avis, Compte, StatutDossier, TypePiece
from .delais import DelaisDossier, DelaisQuerySet
from .workflow import WorkflowDossier

DELAI_BILAN_MOIS = 6


class DossierQuerySet(DelaisQuerySet, models.QuerySet):
    def visible_to(self, user):
        """The single door to dossiers: an applicant sees its organisation's, instruction never sees drafts."""
        if not user.is_authenticated:
            return self.none()
        if user.is_coordination:
            return self.exclude(statut=StatutDossier.BROUILLON)
        if user.is_instructeur:
            return self.exclude(statut=StatutDossier.BROUILLON).filter(appel__instructeurs=user)
        if user.is_porteur and user.structure_id:
            return self.filter(porteur_id=user.structure_id)
        if user.is_expert:
            # Only the dossiers they were asked about, until the committee decides (models/avis.py).
            from .choices import STATUTS_AVANT_DECISION

            return self.filter(statut__in=STATUTS_AVANT_DECISION, demandes_avis__expert=user)
        return self.none()

    def avec_notes_visibles(self, user):
        """Annotate `notes_visibles`: whether `user` may see the scores of each dossier (DESIGN §2,
        review): coordination always; an instructeur once they submitted their own evaluation or
        declared a conflict of interest; nobody else (the applicant never)."""
        from .instruction import ConflitInteret, Evaluation

        if not user.is_authenticated or not (user.is_coordination or user.is_instructeur):
            visible = Value(False)
        elif user.is_coordination:
            visible = Value(True)
        else:
            visible = Exists(
                Evaluation.objects.filter(dossier=OuterRef("pk"), instructeur=user, soumise=True)
            ) | Exists(ConflitInteret.objects.filter(dossier=OuterRef("pk"), instructeur=user))
        return self.annotate(notes_visibles=ExpressionWrapper(visible, output_field=BooleanField()))

    def avec_score(self, user):
        """Annotate `score`, the mean of the submitted totals, only where `user` may see it (None
        elsewhere): the one door to scores for the list, its sort and filter, the committee page,
        its PDF and the export, so that blind review cannot leak through any of them."""
        from .instruction import Evaluation

        moyenne = Subquery(
            Evaluation.objects.filter(dossier=OuterRef("pk"), soumise=True)
            .order_by()
            .values("dossier")
            .annotate(m=Avg("total"))
            .values("m")[:1]
        )
        return self.avec_notes_visibles(user).annotate(
            score=Case(When(notes_visibles=True, then=moyenne), default=None, output_field=DecimalField())
        )


class Dossier(DelaisDossier, WorkflowDossier, ContenuCerfa):
    """One application of an organisation to a call, following the Cerfa 12156."""

    appel = models.ForeignKey("aap_invisibles.AppelAProjets", on_delete=models.PROTECT, related_name="dossiers")
    porteur = models.ForeignKey(
        "partners.Structure", verbose_name=_("organisme porteur"), on_delete=models.PROTECT, related_name="dossiers_aap"
    )
    statut = models.CharField(
        _("statut"), max_length=20, choices=StatutDossier.choices, default=StatutDossier.BROUILLON, db_index=True
    )
    montant_demande = models.DecimalField(
        _("montant demandé (€)"), max_digits=12, decimal_places=2, default=Decimal("0"), editable=False
    )
    montant_accorde = models.DecimalField(
        _("montant accordé (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    motif_decision = models.TextField(_("motif"), blank=True)
    # When the dossier entered its state (written by every transition, `_passer`): the dashboard's
    # waiting time and its sort read it without a subquery.
    statut_le = models.DateTimeField(_("dans cet état depuis"), null=True, blank=True, editable=False)
    etiquettes = models.ManyToManyField(
        "aap_invisibles.Etiquette", verbose_name=_("étiquettes"), blank=True, related_name="dossiers"
    )
    # Submission: acknowledgement and frozen copy (what is scored is what was submitted).
    numero_accuse = models.CharField(_("numéro d'accusé de réception"), max_length=30, blank=True)
    date_accuse = models.DateTimeField(_("déposé le"), null=True, blank=True)
    copie_deposee = models.JSONField(_("copie figée du dépôt"), null=True, blank=True, encoder=DjangoJSONEncoder)
    # Instructors' proposal to the committee.
    proposition_avis = models.CharField(_("avis proposé"), max_length=20, choices=Avis.choices, blank=True)
    proposition_montant = models.DecimalField(
        _("montant proposé (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    proposition_motif = models.TextField(_("motivation de la proposition"), blank=True)
    proposition_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposition_le = models.DateTimeField(null=True, blank=True)
    derniere_relance_bilan = models.DateField(_("dernière relance du bilan"), null=True, blank=True)
    cree_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    cree_le = models.DateTimeField(auto_now_add=True)
    modifie_le = models.DateTimeField(auto_now=True)
    # The version of each section saved (optimistic locking: a colleague's older form is refused).
    versions_sections = models.JSONField(_("versions des sections"), default=dict, editable=False)

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-cree_le", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["appel", "porteur"],
                name="aap_un_dossier_par_organisme_et_appel",
                violation_error_message=_("Votre organisation a déjà un dossier pour cet appel."),
            ),
            models.CheckConstraint(
                condition=Q(montant_accorde__isnull=True) | Q(montant_accorde__lte=models.F("montant_demande")),
                name="aap_accorde_inferieur_demande",
                violation_error_message=_("Le montant accordé ne peut dépasser le montant demandé."),
            ),
        ]

    def __str__(self):
        return f"{self.porteur} – {self.appel}"

    def get_absolute_url(self):
        return reverse("aap_invisibles:dossier", kwargs={"pk": self.pk})

    # --- Budget (section 6 bis) -----------------------------------------------------------------
    def ligne_subvention(self):
        return self.lignes_budget.filter(subvention_metropole=True).first()

    def recalculer_montant_demande(self):
        """`montant_demande` is the line 74 "Métropole Rouen Normandie" of the project budget."""
        ligne = self.ligne_subvention()
        self.montant_demande = ligne.montant if ligne else Decimal("0")
        Dossier.objects.filter(pk=self.pk).update(montant_demande=self.montant_demande)

    def totaux_budget(self):
        totaux = {
            row["compte"]: row["s"] for row in self.lignes_budget.values("compte").annotate(s=Sum("montant")).order_by()
        }
        charges = sum((v for k, v in totaux.items() if k in COMPTES_CHARGES), Decimal("0"))
        produits = sum((v for k, v in totaux.items() if k in COMPTES_PRODUITS), Decimal("0"))
        return {"charges": charges, "produits": produits, "solde": produits - charges}

    def lignes_budget_par_compte(self):
        """Lines grouped by account, charges then products, with subtotals: for the Cerfa PDF and the editor."""
        labels = dict(Compte.choices)
        lignes = list(self.lignes_budget.all())
        resultat = {}
        for cote, comptes in (("charges", COMPTES_CHARGES), ("produits", COMPTES_PRODUITS)):
            groupes = []
            for compte in comptes:
                du_compte = [ligne for ligne in lignes if ligne.compte == compte]
                if du_compte:
                    total = sum((ligne.montant for ligne in du_compte), Decimal("0"))
                    groupes.append({"compte": compte, "libelle": labels[compte], "lignes": du_compte, "total": total})
            resultat[cote] = groupes
            resultat[f"total_{cote}"] = sum((g["total"] for g in groupes), Decimal("0"))
        return resultat

    # --- Completeness ---------------------------------------------------------------------------
    def manquants_section(self, code):
        """What is missing in one section (list of French labels; empty = complete)."""
        section = SECTIONS_PAR_CODE[code]
        if section.champs:
            return self.champs_manquants(section)
        if code == "6bis":
            manquants = []
            if not self.lignes_budget.filter(subvention_metropole=True, montant__gt=0).exists():
                manquants.append(str(_("la subvention demandée à la Métropole (ligne 74)")))
            totaux = self.totaux_budget()
            if totaux["charges"] <= 0:
                manquants.append(str(_("au moins une ligne de charges")))
            if totaux["charges"] != totaux["produits"]:
                manquants.append(str(_("un budget équilibré (total des charges = total des produits)")))
            return manquants
        if code == "eps":
            eps = getattr(self, "consultation_eps", None)
            if eps is None:
                return [str(_("la consultation des EPS"))]
            return eps.manquants()
        if code == "pieces":
            presentes = set(self.pieces.values_list("type_piece", flat=True))
            labels = dict(TypePiece.choices)
            return [str(labels.get(code, code)) for code in self.appel.pieces_requises if code not in presentes]
        return []

    def completude(self):
        """Each section with what it lacks, in the Cerfa's order."""
        return [{"section": s, "manquants": self.manquants_section(s.code)} for s in SECTIONS_CERFA]

    def est_complet(self):
        return all(not item["manquants"] for item in self.completude())

    def eps_attestee(self):
        return not self.manquants_section("eps")

    # --- Review ---------------------------------------------------------------------------------
    def notes_pour(self, user):
        """(whether `user` may see this dossier's scores, the mean score or None): the rule of
        `DossierQuerySet.avec_score`, for one dossier."""
        ligne = Dossier.objects.filter(pk=self.pk).avec_score(user).values("notes_visibles", "score").get()
        return bool(ligne["notes_visibles"]), ligne["score"]

    def correction_en_attente(self):
        return self.corrections.filter(repondue_le__isnull=True).first()

    def sections_modifiables(self):
        """Sections the applicant may edit: all of a draft, those named by a pending correction."""
        if self.statut == StatutDossier.BROUILLON:
            return [s.code for s in SECTIONS_CERFA]
        correction = self.correction_en_attente()
        return list(correction.sections) if correction else []

    # --- After the decision ---------------------------------------------------------------------
    SEUIL_CONVENTION = Decimal("23000")

    def convention_requise(self):
        return self.statut == StatutDossier.RETENU and (self.montant_accorde or 0) > self.SEUIL_CONVENTION

    def montant_verse(self):
        return self.versements.aggregate(s=Sum("montant"))["s"] or Decimal("0")

    def echeance_bilan(self):
        """The final report is due six months after the action ends."""
        if self.statut != StatutDossier.RETENU or not self.date_fin:
            return None
        return months_after(self.date_fin, DELAI_BILAN_MOIS)


class TransitionDossier(models.Model):
    """A move of a dossier: who, when, from, to, reason."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="transitions")
    de = models.CharField(_("de"), max_length=20, choices=StatutDossier.choices)
    vers = models.CharField(_("vers"), max_length=20, choices=StatutDossier.choices)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")
    le = models.DateTimeField(_("le"), default=timezone.now)
    motif = models.TextField(_("motif"), blank=True)

    class Meta:
        verbose_name = _("transition de dossier")
        verbose_name_plural = _("transitions de dossier")
        ordering = ["le", "id"]

    def __str__(self):
        return f"{self.dossier_id} : {self.de} → {self.vers}"


def chemin_message(instance, filename):
    return f"aap/dossiers/{instance.dossier_id}/messages/{filename}"


class Message(models.Model):
    """The thread between applicant and instructors; automatic emails appear here too."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="messages")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    objet = models.CharField(_("objet"), max_length=200)
    texte = models.TextField(_("message"))
    piece_jointe = models.FileField(_("pièce jointe"), upload_to=chemin_message, blank=True)
    automatique = models.BooleanField(_("message automatique"), default=False)
    avec_ics = models.BooleanField(default=False, editable=False)
    envoye_le = models.DateTimeField(_("envoyé le"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["envoye_le", "id"]

    def __str__(self):
        return self.objet

    @classmethod
    def ecrire_automatique(cls, dossier, objet, texte, avec_ics=False):
        """Write an automatic message in the thread and email it to the applicant after commit."""
        message = cls.objects.create(
            dossier=dossier, objet=str(objet), texte=str(texte), automatique=True, avec_ics=avec_ics
        )
        message.envoyer_apres_commit()
        return message

    def envoyer_apres_commit(self):
        from aap_invisibles.tasks import SANS_COURRIEL, envoyer_message

        # Demo data writes the thread without emailing fictitious addresses.
        if not SANS_COURRIEL.get():
            mettre_en_file(envoyer_message, self.pk)

    @property
    def du_porteur(self):
        return self.auteur_id is not None and self.auteur.structure_id == self.dossier.porteur_id
