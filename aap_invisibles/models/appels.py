"""Calls for projects, their documents, Q&A, scoring grid and postponements."""

from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal.workflow import TransitionInvalide

from .choices import StatutAppel, StatutDossier, TypePiece

# The dossiers a committee scenario allocates to: not decided, not withdrawn.
STATUTS_EN_LICE = (StatutDossier.EN_INSTRUCTION, StatutDossier.AUDITION)


class AppelQuerySet(models.QuerySet):
    def publies(self):
        """Calls shown on the public pages."""
        return self.filter(statut__in=[StatutAppel.PUBLIE, StatutAppel.DECIDE])

    def avec_resultats(self):
        """Annotate the public results of each call: dossiers submitted, projects funded, amount awarded."""
        deposes = ~Q(dossiers__statut=StatutDossier.BROUILLON)
        retenus = Q(dossiers__statut=StatutDossier.RETENU)
        return self.annotate(
            nb_deposes=models.Count("dossiers", filter=deposes, distinct=True),
            nb_finances=models.Count("dossiers", filter=retenus, distinct=True),
            montant_attribue=Sum("dossiers__montant_accorde", filter=retenus),
        )

    def ouverts(self, now=None):
        """Calls accepting applications now: the rule of AppelAProjets.accepte_les_depots, in SQL."""
        now = now or timezone.now()
        return self.filter(statut=StatutAppel.PUBLIE, date_ouverture__lte=now, date_cloture__gt=now)

    def visible_to(self, user):
        """Calls an instruction user may work on: coordination all, an instructor those assigned."""
        if not user.is_authenticated:
            return self.none()
        if user.is_coordination:
            return self
        if user.is_instructeur:
            return self.filter(instructeurs=user)
        return self.none()


class AppelAProjets(models.Model):
    """A call for projects of the Métropole (e.g. "Repérer et mobiliser les publics invisibles")."""

    titre = models.CharField(_("titre"), max_length=255)
    slug = models.SlugField(_("adresse courte"), max_length=80, unique=True)
    description = models.TextField(_("description"))
    reglement = models.TextField(_("règlement"), blank=True)
    public_cible = models.TextField(_("public visé"), blank=True)
    conditions_recevabilite = models.TextField(
        _("conditions de recevabilité"),
        blank=True,
        help_text=_("Dont la consultation préalable des Équipes Pluridisciplinaires de Suivi (EPS) des communes."),
    )
    modalites_depot = models.TextField(_("comment candidater"), blank=True)
    objectif_jeunes_min = models.PositiveIntegerField(_("objectif de jeunes (minimum)"), default=0)
    objectif_jeunes_max = models.PositiveIntegerField(_("objectif de jeunes (maximum)"), default=0)
    budget_total = models.DecimalField(_("enveloppe totale (€)"), max_digits=12, decimal_places=2)
    date_ouverture = models.DateTimeField(_("ouverture des dépôts"))
    date_cloture = models.DateTimeField(_("clôture des dépôts"))
    date_audition = models.DateField(_("date des auditions"), null=True, blank=True)
    # How long a dossier may wait in a state of instruction before the dashboard flags it.
    delai_instruction_jours = models.PositiveSmallIntegerField(
        _("délai d'instruction (jours)"),
        default=30,
        help_text=_("Au-delà, le tableau de bord signale le dossier qui attend dans son état."),
    )
    # Published with each grant of the call (open data, SCDL "referenceDecision").
    reference_deliberation = models.CharField(
        _("référence de la délibération d'attribution"),
        max_length=100,
        blank=True,
        help_text=_("Numéro de la délibération qui attribue les subventions, publié dans les données ouvertes."),
    )
    pieces_requises = models.JSONField(_("pièces obligatoires"), default=list, blank=True)
    instructeurs = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("instructeurs"), blank=True, related_name="appels_instruits"
    )
    statut = models.CharField(_("statut"), max_length=20, choices=StatutAppel.choices, default=StatutAppel.BROUILLON)
    cree_le = models.DateTimeField(auto_now_add=True)
    modifie_le = models.DateTimeField(auto_now=True)

    objects = AppelQuerySet.as_manager()

    class Meta:
        verbose_name = _("appel à projets")
        verbose_name_plural = _("appels à projets")
        ordering = ["-date_cloture", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_cloture__gt=models.F("date_ouverture")),
                name="aap_cloture_apres_ouverture",
                violation_error_message=_("La clôture doit suivre l'ouverture."),
            ),
            models.CheckConstraint(
                condition=Q(budget_total__gte=0),
                name="aap_budget_positif",
                violation_error_message=_("Enveloppe négative."),
            ),
        ]

    def __str__(self):
        return self.titre

    def get_absolute_url(self):
        return reverse("aap_invisibles:appel", kwargs={"slug": self.slug})

    # --- The one source of truth of the deadline ----------------------------------------------
    def accepte_les_depots(self, now=None):
        """Published and strictly before the closing date-time (to the minute, Europe/Paris)."""
        now = now or timezone.now()
        return self.statut == StatutAppel.PUBLIE and self.date_ouverture <= now < self.date_cloture

    @property
    def est_ouvert(self):
        return self.accepte_les_depots()

    @property
    def est_publie(self):
        return self.statut in (StatutAppel.PUBLIE, StatutAppel.DECIDE)

    def libelles_pieces_requises(self):
        labels = dict(TypePiece.choices)
        return [labels.get(code, code) for code in self.pieces_requises]

    # --- Envelope --------------------------------------------------------------------------------
    def montant_accorde_total(self, sauf=None):
        """Sum of the amounts granted to the dossiers retained (but `sauf`, a dossier being decided)."""
        retenus = self.dossiers.filter(statut=StatutDossier.RETENU)
        if sauf is not None:
            retenus = retenus.exclude(pk=sauf.pk)
        return retenus.aggregate(s=Sum("montant_accorde"))["s"] or Decimal("0")

    def reste_a_allouer(self, sauf=None):
        """Envelope minus the amounts granted: the one figure of the remainder, on every page and PDF."""
        return self.budget_total - self.montant_accorde_total(sauf=sauf)

    def classement(self, user):
        """Dossiers submitted (not drafts), best mean score first: the committee's ranking, with the
        scores `user` may see only (the others rank last, unscored)."""
        return (
            self.dossiers.exclude(statut=StatutDossier.BROUILLON)
            .select_related("porteur")
            .avec_score(user)
            .order_by(models.F("score").desc(nulls_last=True), "id")
        )

    # --- Actions ---------------------------------------------------------------------------------
    @transaction.atomic
    def publier(self, par):
        if self.statut != StatutAppel.BROUILLON:
            raise TransitionInvalide(_("Seul un appel en brouillon peut être publié."))
        self.statut = StatutAppel.PUBLIE
        self.save(update_fields=["statut", "modifie_le"])

    def dupliquer(self):
        """Next round's call, as a draft (models/duplication.py)."""
        from .duplication import dupliquer

        return dupliquer(self)

    @transaction.atomic
    def marquer_decide(self, par):
        if self.statut != StatutAppel.PUBLIE:
            raise TransitionInvalide(_("Seul un appel publié peut être marqué décidé."))
        self.statut = StatutAppel.DECIDE
        self.save(update_fields=["statut", "modifie_le"])

    @transaction.atomic
    def reporter_cloture(self, par, nouvelle_date, motif):
        """Postpone the closing: recorded with its reason; applicants with a dossier are told."""
        from .dossiers import Message

        if not (motif or "").strip():
            raise TransitionInvalide(_("Le motif du report est obligatoire."))
        if nouvelle_date is None or nouvelle_date <= self.date_cloture:
            raise TransitionInvalide(_("La nouvelle date de clôture doit être postérieure à l'actuelle."))
        report = ReportCloture.objects.create(
            appel=self, ancienne_date=self.date_cloture, nouvelle_date=nouvelle_date, motif=motif, par=par
        )
        self.date_cloture = nouvelle_date
        self.save(update_fields=["date_cloture", "modifie_le"])
        date_txt = timezone.localtime(nouvelle_date).strftime("%d/%m/%Y à %H:%M")
        texte = _("La date limite de dépôt de l'appel « %(titre)s » est reportée au %(date)s. Motif : %(motif)s") % {
            "titre": self.titre,
            "date": date_txt,
            "motif": motif,
        }
        for dossier in self.dossiers.exclude(statut=StatutDossier.SANS_SUITE):
            Message.ecrire_automatique(dossier, _("Report de la date limite de dépôt"), texte)
        return report


class ReportCloture(models.Model):
    """A postponement of a call's closing date-time: old, new, reason, who, when."""

    appel = models.ForeignKey(AppelAProjets, on_delete=models.CASCADE, related_name="reports")
    ancienne_date = models.DateTimeField(_("ancienne date de clôture"))
    nouvelle_date = models.DateTimeField(_("nouvelle date de clôture"))
    motif = models.TextField(_("motif"))
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+", null=True)
    le = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        verbose_name = _("report de clôture")
        verbose_name_plural = _("reports de clôture")
        ordering = ["le", "id"]

    def __str__(self):
        return f"{self.appel} : {self.ancienne_date:%d/%m/%Y} → {self.nouvelle_date:%d/%m/%Y}"


class QuestionReponse(models.Model):
    """An entry of a call's public Q&A."""

    appel = models.ForeignKey(AppelAProjets, on_delete=models.CASCADE, related_name="questions")
    question = models.TextField(_("question"))
    reponse = models.TextField(_("réponse"))
    ordre = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("question-réponse")
        verbose_name_plural = _("questions-réponses")
        ordering = ["ordre", "id"]

    def __str__(self):
        return self.question[:80]


class CritereNotation(models.Model):
    """A criterion of the scoring grid of a call, with its weight."""

    appel = models.ForeignKey(AppelAProjets, on_delete=models.CASCADE, related_name="criteres")
    libelle = models.CharField(_("critère"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    poids = models.PositiveIntegerField(_("pondération"), default=1)
    ordre = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("critère de notation")
        verbose_name_plural = _("critères de notation")
        ordering = ["ordre", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poids__gte=1), name="aap_critere_poids_positif", violation_error_message=_("Poids ≥ 1.")
            )
        ]

    def __str__(self):
        return f"{self.libelle} ({self.poids})"


def chemin_document_appel(instance, filename):
    return f"aap/appels/{instance.appel_id}/{filename}"


class DocumentAppel(models.Model):
    """A public document of a call (rules, Cerfa, templates) to download."""

    appel = models.ForeignKey(AppelAProjets, on_delete=models.CASCADE, related_name="documents")
    titre = models.CharField(_("titre"), max_length=200)
    fichier = models.FileField(_("fichier"), upload_to=chemin_document_appel)
    ajoute_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document de l'appel")
        verbose_name_plural = _("documents de l'appel")
        ordering = ["titre", "id"]

    def __str__(self):
        return self.titre


class SimulationAllocation(models.Model):
    """The committee's provisional allocation: amounts per dossier, never affecting the envelope."""

    appel = models.OneToOneField(AppelAProjets, on_delete=models.CASCADE, related_name="simulation")
    montants = models.JSONField(_("montants simulés"), default=dict, blank=True)
    modifiee_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    modifiee_le = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("simulation d'allocation")
        verbose_name_plural = _("simulations d'allocation")

    def __str__(self):
        return f"Simulation – {self.appel}"

    def bilan(self, en_lice=None):
        """The scenario against the envelope: amounts already granted, amounts simulated on the
        dossiers still in the running (under instruction or heard; `en_lice`: their ids as text,
        when the caller has them), what remains to allocate and what would remain after the
        scenario; `depasse` when the scenario exceeds the envelope."""
        if en_lice is None:
            en_lice = {
                str(pk) for pk in self.appel.dossiers.filter(statut__in=STATUTS_EN_LICE).values_list("pk", flat=True)
            }
        simule = sum((Decimal(str(v)) for k, v in self.montants.items() if k in en_lice), Decimal("0"))
        accorde = self.appel.montant_accorde_total()
        reste = self.appel.budget_total - accorde - simule
        return {
            "accorde": accorde,
            "reste_a_allouer": self.appel.budget_total - accorde,
            "simule": simule,
            "reste": reste,
            "depasse": reste < 0,
        }


class CouleurEtiquette(models.TextChoices):
    """The colours a label may take: each a class of static/css/portail.css whose white text reaches
    the AA contrast (4.5:1) on its background (tested)."""

    BLEU = "bleu", _("Bleu")
    VERT = "vert", _("Vert")
    ROUGE = "rouge", _("Rouge")
    VIOLET = "violet", _("Violet")
    ORANGE = "orange", _("Orange")
    TURQUOISE = "turquoise", _("Turquoise")
    ROSE = "rose", _("Rose")
    GRIS = "gris", _("Gris")


class Etiquette(models.Model):
    """A label of a call (« EPS consultée », « à relancer »…), put on its dossiers by the instruction."""

    appel = models.ForeignKey(AppelAProjets, on_delete=models.CASCADE, related_name="etiquettes")
    nom = models.CharField(_("nom"), max_length=40)
    couleur = models.CharField(_("couleur"), max_length=12, choices=CouleurEtiquette.choices, default="bleu")

    class Meta:
        verbose_name = _("étiquette")
        verbose_name_plural = _("étiquettes")
        ordering = ["nom", "id"]
        constraints = [models.UniqueConstraint(fields=["appel", "nom"], name="aap_etiquette_unique_par_appel")]

    def __str__(self):
        return self.nom
