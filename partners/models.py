"""Partner structures of the PLIE and their contacts (DESIGN §2, partners)."""

import re

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plie_portal.fields import HttpsURLField
from plie_portal.text import normalize, sans_caractere_invisible

from .validators import validate_rna, validate_siret


class TypeStructure(models.TextChoices):
    PLIE = "plie", _("PLIE")
    METROPOLE = "metropole", _("Métropole")
    FRANCE_TRAVAIL = "france_travail", _("France Travail")
    MISSION_LOCALE = "mission_locale", _("Mission Locale")
    CAP_EMPLOI = "cap_emploi", _("Cap emploi")
    COMMUNE_CCAS = "commune_ccas", _("Commune / CCAS")
    DEPARTEMENT = "departement", _("Département")
    SIAE_ACI = "siae_aci", _("SIAE – atelier et chantier d'insertion (ACI)")
    SIAE_EI = "siae_ei", _("SIAE – entreprise d'insertion (EI)")
    SIAE_ETTI = "siae_etti", _("SIAE – entreprise de travail temporaire d'insertion (ETTI)")
    SIAE_AI = "siae_ai", _("SIAE – association intermédiaire (AI)")
    ORGANISME_FORMATION = "organisme_formation", _("Organisme de formation")
    ENTREPRISE = "entreprise", _("Entreprise")
    ASSOCIATION = "association", _("Association")
    AUTRE = "autre", _("Autre")


class StructureQuerySet(models.QuerySet):
    def actives(self):
        return self.filter(actif=True)

    def partenaires_plie(self):
        return self.filter(partenaire_plie=True)

    def visible_to(self, user):
        """Structures in the directory of `user`: applicant organisations only for coordination."""
        if not user.is_authenticated:
            return self.none()
        role = user.effective_role
        if role == "coordination":
            return self
        if role in ("referent", "partenaire", "instructeur"):
            return self.filter(partenaire_plie=True)
        return self.none()

    def avec_portail(self):
        """Annotate `a_portail`: the structure has at least one active partner account."""
        from accounts.models import Role, User

        return self.annotate(
            a_portail=models.Exists(
                User.objects.filter(structure=models.OuterRef("pk"), role=Role.PARTENAIRE, is_active=True)
            )
        )

    def recherche(self, terme):
        """Accent- and case-insensitive search on the name, or a SIRET."""
        terme_normalise = normalize(terme)
        if not terme_normalise:
            return self
        chiffres = re.sub(r"\s", "", terme)
        if chiffres.isdigit():
            return self.filter(Q(siret__startswith=chiffres) | Q(nom_normalise__contains=terme_normalise))
        # Every word must appear, in any order ("herouville epicerie" finds "Épicerie … Hérouville").
        condition = Q()
        for mot in terme_normalise.split():
            condition &= Q(nom_normalise__contains=mot)
        return self.filter(condition)


class Structure(models.Model):
    """An organisation: the Métropole, the PLIE, a partner, or an applicant to a call."""

    nom = models.CharField(_("nom"), max_length=200, validators=[sans_caractere_invisible])
    sigle = models.CharField(_("sigle"), max_length=40, blank=True)
    type = models.CharField(_("type"), max_length=30, choices=TypeStructure.choices)
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_siret],
        error_messages={"unique": _("Une structure avec ce SIRET existe déjà.")},
        help_text=_("14 chiffres, sans espace."),
    )
    rna = models.CharField(
        _("numéro RNA"),
        max_length=10,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_rna],
        error_messages={"unique": _("Une structure avec ce numéro RNA existe déjà.")},
        help_text=_("Pour une association : W suivi de 9 chiffres."),
    )
    adresse = models.CharField(_("adresse"), max_length=255, blank=True)
    code_postal = models.CharField(_("code postal"), max_length=5, blank=True)
    commune = models.ForeignKey(
        "territoire.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="structures",
    )
    ville = models.CharField(
        _("ville (hors Métropole)"), max_length=100, blank=True, help_text=_("Si la commune est hors Métropole.")
    )
    telephone = models.CharField(_("téléphone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    site_web = HttpsURLField(_("site web"), blank=True)
    actif = models.BooleanField(_("active"), default=True)
    partenaire_plie = models.BooleanField(_("partenaire du PLIE"), default=True)
    nom_normalise = models.CharField(max_length=200, editable=False, db_index=True, default="")
    cree_le = models.DateTimeField(_("créée le"), auto_now_add=True)
    modifie_le = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = StructureQuerySet.as_manager()

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["nom", "id"]

    def __str__(self):
        return self.nom

    def save(self, *args, **kwargs):
        # Empty identifiers are stored as NULL so that uniqueness applies only when present.
        self.siret = re.sub(r"\s", "", self.siret or "") or None
        self.rna = (self.rna or "").strip().upper() or None
        self.nom_normalise = normalize(self.nom)
        super().save(*args, **kwargs)

    def a_un_utilisateur_portail(self):
        """True when an active partner account of this structure answers its steps itself."""
        return self.utilisateurs.filter(role="partenaire", is_active=True).exists()


class CategorieEtape(models.TextChoices):
    ACCUEIL_DIAGNOSTIC = "accueil_diagnostic", _("Accueil et diagnostic")
    LEVEE_FREINS = "levee_freins", _("Levée des freins")
    REMOBILISATION = "remobilisation", _("Remobilisation")
    FORMATION_PRE_QUALIFIANTE = "formation_pre_qualifiante", _("Formation pré-qualifiante")
    FORMATION_QUALIFIANTE = "formation_qualifiante", _("Formation qualifiante")
    INSERTION_SIAE = "insertion_siae", _("Insertion par l'activité économique (SIAE)")
    EMPLOI = "emploi", _("Emploi")
    CREATION_ENTREPRISE = "creation_entreprise", _("Création d'entreprise")
    SUIVI_EMPLOI = "suivi_emploi", _("Suivi dans l'emploi")


class EtapeTypeQuerySet(models.QuerySet):
    def actifs(self):
        return self.filter(actif=True)


class EtapeType(models.Model):
    """An entry of the step catalogue: the actions the structures offer (steps of a parcours are of
    one type). Never deleted once used."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    libelle = models.CharField(_("libellé"), max_length=200)
    categorie = models.CharField(_("catégorie"), max_length=30, choices=CategorieEtape.choices)
    actif = models.BooleanField(_("actif"), default=True)
    structures = models.ManyToManyField(
        Structure, verbose_name=_("structures qui la proposent"), blank=True, related_name="offres"
    )

    objects = EtapeTypeQuerySet.as_manager()

    class Meta:
        # Moved here from `parcours` with the offer it describes; the table kept its name.
        db_table = "parcours_etapetype"
        verbose_name = _("type d'étape")
        verbose_name_plural = _("types d'étape")
        ordering = ["categorie", "libelle"]

    def __str__(self):
        return self.libelle


class Contact(models.Model):
    """A person to reach at a structure (not necessarily a portal user)."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="contacts")
    nom = models.CharField(_("nom"), max_length=100)
    prenom = models.CharField(_("prénom"), max_length=100, blank=True)
    fonction = models.CharField(_("fonction"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telephone = models.CharField(_("téléphone"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["nom", "prenom", "id"]

    def __str__(self):
        return f"{self.prenom} {self.nom}".strip()
