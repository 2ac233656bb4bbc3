"""The Cerfa 12156 sections of a dossier, as fields of an abstract model, and their completeness."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from plie_portal.fields import HttpsURLField

from ..validators import valider_iban


@dataclass(frozen=True)
class Section:
    """A section of the application form: code (in URLs), title, fields and required ones."""

    code: str
    titre: str
    champs: tuple = ()
    obligatoires: tuple = ()
    m2m: tuple = field(default=())


SECTIONS_CERFA = [
    Section(
        "1",
        _("1. Identification de l'association"),
        champs=(
            "nom",
            "sigle",
            "siret",
            "rna",
            "adresse_siege",
            "adresse_correspondance",
            "telephone",
            "email",
            "site_web",
            "representant_nom",
            "representant_qualite",
            "responsable_nom",
            "responsable_fonction",
            "responsable_email",
            "responsable_telephone",
        ),
        obligatoires=(
            "nom",
            "adresse_siege",
            "telephone",
            "email",
            "representant_nom",
            "representant_qualite",
            "responsable_nom",
            "responsable_email",
        ),
    ),
    Section(
        "2",
        _("2. Relations avec l'administration"),
        champs=(
            "agrements",
            "reconnue_utilite_publique",
            "assujettie_impots_commerciaux",
            "commissaire_aux_comptes",
            "aides_publiques",
        ),
        obligatoires=("aides_publiques",),
    ),
    Section("3", _("3. Relations avec d'autres associations"), champs=("reseaux",), obligatoires=("reseaux",)),
    Section(
        "4",
        _("4. Moyens humains de l'association"),
        champs=(
            "nb_adherents",
            "nb_benevoles",
            "nb_volontaires",
            "nb_salaries",
            "etp_salaries",
            "nb_emplois_aides",
        ),
        obligatoires=(
            "nb_adherents",
            "nb_benevoles",
            "nb_volontaires",
            "nb_salaries",
            "etp_salaries",
            "nb_emplois_aides",
        ),
    ),
    Section(
        "5",
        _("5. Budget de l'association"),
        champs=("budget_annee", "budget_total_charges", "budget_total_produits"),
        obligatoires=("budget_annee", "budget_total_charges", "budget_total_produits"),
    ),
    Section(
        "6",
        _("6. Le projet"),
        champs=(
            "projet_intitule",
            "projet_objectifs",
            "projet_description",
            "projet_public",
            "nb_jeunes_a_reperer",
            "nb_jeunes_a_mobiliser",
            "communes",
            "date_debut",
            "date_fin",
            "moyens_humains",
            "moyens_materiels",
            "indicateurs_evaluation",
            "autres_financeurs",
        ),
        obligatoires=(
            "projet_intitule",
            "projet_objectifs",
            "projet_description",
            "projet_public",
            "nb_jeunes_a_reperer",
            "nb_jeunes_a_mobiliser",
            "date_debut",
            "date_fin",
            "moyens_humains",
            "indicateurs_evaluation",
        ),
        m2m=("communes",),
    ),
    Section("6bis", _("6 bis. Budget du projet")),
    Section(
        "7",
        _("7. Attestations"),
        champs=(
            "signataire_nom",
            "signataire_qualite",
            "atteste_contrat_engagement",
            "atteste_exactitude",
            "titulaire_compte",
            "iban",
            "bic",
        ),
        obligatoires=(
            "signataire_nom",
            "signataire_qualite",
            "atteste_contrat_engagement",
            "atteste_exactitude",
            "titulaire_compte",
            "iban",
            "bic",
        ),
    ),
    Section("eps", _("Consultation des Équipes Pluridisciplinaires de Suivi (EPS)")),
    Section("pieces", _("Pièces jointes")),
]
SECTIONS_PAR_CODE = {s.code: s for s in SECTIONS_CERFA}


class ContenuCerfa(models.Model):
    """Fields of the Cerfa 12156 (sections 1 to 7); budget, EPS and attachments are related models."""

    # 1. Identification
    nom = models.CharField(_("nom de l'association"), max_length=200, blank=True)
    sigle = models.CharField(_("sigle"), max_length=40, blank=True)
    siret = models.CharField(_("SIRET"), max_length=14, blank=True)
    rna = models.CharField(_("numéro RNA"), max_length=10, blank=True)
    adresse_siege = models.TextField(_("adresse du siège social"), blank=True)
    adresse_correspondance = models.TextField(_("adresse de correspondance (si différente)"), blank=True)
    telephone = models.CharField(_("téléphone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    site_web = HttpsURLField(_("site web"), blank=True)
    representant_nom = models.CharField(_("représentant légal (nom et prénom)"), max_length=200, blank=True)
    representant_qualite = models.CharField(_("qualité du représentant légal"), max_length=120, blank=True)
    responsable_nom = models.CharField(_("personne chargée du dossier"), max_length=200, blank=True)
    responsable_fonction = models.CharField(_("fonction"), max_length=120, blank=True)
    responsable_email = models.EmailField(_("e-mail de la personne chargée du dossier"), blank=True)
    responsable_telephone = models.CharField(
        _("téléphone de la personne chargée du dossier"), max_length=20, blank=True
    )
    # 2. Relations with the administration
    agrements = models.TextField(_("agréments (type, attribué par, date)"), blank=True)
    reconnue_utilite_publique = models.BooleanField(_("reconnue d'utilité publique"), default=False)
    assujettie_impots_commerciaux = models.BooleanField(_("assujettie aux impôts commerciaux"), default=False)
    commissaire_aux_comptes = models.BooleanField(_("dispose d'un commissaire aux comptes"), default=False)
    aides_publiques = models.TextField(
        _("aides publiques reçues sur les trois dernières années"),
        blank=True,
        help_text=_("Écrivez « aucune » le cas échéant."),
    )
    # 3. Relations with other associations
    reseaux = models.TextField(
        _("réseaux, unions, fédérations"), blank=True, help_text=_("Écrivez « aucun » le cas échéant.")
    )
    # 4. Human resources
    nb_adherents = models.PositiveIntegerField(_("adhérents"), null=True, blank=True)
    nb_benevoles = models.PositiveIntegerField(_("bénévoles"), null=True, blank=True)
    nb_volontaires = models.PositiveIntegerField(_("volontaires en service civique"), null=True, blank=True)
    nb_salaries = models.PositiveIntegerField(_("salariés"), null=True, blank=True)
    etp_salaries = models.DecimalField(_("salariés en ETP"), max_digits=7, decimal_places=2, null=True, blank=True)
    nb_emplois_aides = models.PositiveIntegerField(_("emplois aidés"), null=True, blank=True)
    # 5. Budget of the association
    budget_annee = models.PositiveIntegerField(_("exercice"), null=True, blank=True)
    budget_total_charges = models.DecimalField(
        _("total des charges (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    budget_total_produits = models.DecimalField(
        _("total des produits (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # 6. The project
    projet_intitule = models.CharField(_("intitulé du projet"), max_length=255, blank=True)
    projet_objectifs = models.TextField(_("objectifs"), blank=True)
    projet_description = models.TextField(_("description"), blank=True)
    projet_public = models.TextField(_("public visé"), blank=True)
    nb_jeunes_a_reperer = models.PositiveIntegerField(_("nombre de jeunes à repérer"), null=True, blank=True)
    nb_jeunes_a_mobiliser = models.PositiveIntegerField(_("nombre de jeunes à mobiliser"), null=True, blank=True)
    communes = models.ManyToManyField(
        "territoire.Commune", verbose_name=_("communes concernées"), blank=True, related_name="+"
    )
    date_debut = models.DateField(_("date de début de l'action"), null=True, blank=True)
    date_fin = models.DateField(_("date de fin de l'action"), null=True, blank=True)
    moyens_humains = models.TextField(_("moyens humains"), blank=True)
    moyens_materiels = models.TextField(_("moyens matériels"), blank=True)
    indicateurs_evaluation = models.TextField(_("indicateurs d'évaluation"), blank=True)
    autres_financeurs = models.TextField(_("autres financeurs sollicités"), blank=True)
    # 7. Attestations
    signataire_nom = models.CharField(_("signataire (nom et prénom)"), max_length=200, blank=True)
    signataire_qualite = models.CharField(_("qualité du signataire"), max_length=120, blank=True)
    atteste_contrat_engagement = models.BooleanField(
        _("l'association souscrit au contrat d'engagement républicain"), default=False
    )
    atteste_exactitude = models.BooleanField(_("j'atteste l'exactitude des informations"), default=False)
    titulaire_compte = models.CharField(_("titulaire du compte"), max_length=200, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True, validators=[valider_iban])
    bic = models.CharField(_("BIC"), max_length=11, blank=True)

    class Meta:
        abstract = True

    def champs_manquants(self, section):
        """Verbose names of the required fields of a Cerfa section left empty."""
        manquants = []
        for nom in section.obligatoires:
            valeur = getattr(self, nom)
            if valeur is None or valeur == "" or valeur is False:
                manquants.append(str(self._meta.get_field(nom).verbose_name))
        if "communes" in section.m2m and self.pk and not self.communes.exists():
            manquants.append(str(_("communes concernées")))
        if section.code == "6" and self.date_debut and self.date_fin and self.date_fin < self.date_debut:
            manquants.append(str(_("une date de fin postérieure au début")))
        return manquants
