"""The people accompanied by the PLIE and their documents (DESIGN §2)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Role
from plie_portal.colonnes import champs_a_ecrire
from plie_portal.dates import age_on
from plie_portal.text import chiffres_du_telephone, normalize, ressemble_a_un_telephone, sans_caractere_invisible
from plie_portal.versions import champ_version

from .tris import nom_de_tri, recalculer_tris


class Sexe(models.TextChoices):
    FEMME = "F", _("Femme")
    HOMME = "M", _("Homme")
    NON_BINAIRE = "X", _("Non binaire")


def identity_key(nom, prenom, date_naissance):
    """Identity key of DESIGN §2: names without accents or case, and the birth date."""
    return f"{normalize(nom)}|{normalize(prenom)}|{date_naissance.isoformat() if date_naissance else ''}"


# How far a user sees sensitive data (FSE+ situation, RQTH, journal, documents…), DESIGN §1.
PORTEE_TOUT, PORTEE_STRUCTURE, PORTEE_AUCUNE = "tout", "structure", "aucune"


def portee_sensible(user):
    """The one rule on sensitive data: coordination sees it for everyone, a referent for the people
    followed in their structure, nobody else (partners, instruction, applicants) ever. The queryset
    (`sensibles_visibles_par`), the instance check (`voit_sensible`) and the column set of lists and
    exports (`voit_colonnes_sensibles`) all derive from it."""
    if not user.is_authenticated:
        return PORTEE_AUCUNE
    role = user.effective_role
    if role == Role.COORDINATION:
        return PORTEE_TOUT
    if role == Role.REFERENT:
        return PORTEE_STRUCTURE
    return PORTEE_AUCUNE


def voit_colonnes_sensibles(user):
    """Whether lists and exports show `user` the sensitive columns at all (for the rows they may see)."""
    return portee_sensible(user) != PORTEE_AUCUNE


# Who opens a participant beyond coordination and referents is said by the domain that gives the
# reason: `parcours` registers the partner carrying one of the person's steps (its `ready()`).
ACCES_PAR_ROLE = {}


def enregistrer_acces(role, condition):
    """Let `role` open the participants matching `condition(user)` (a Q or a boolean expression)."""
    ACCES_PAR_ROLE[role] = condition


class ParticipantQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The participants `user` may open (DESIGN §1). The single door to participant data."""
        if not user.is_authenticated:
            return self.none()
        role = user.effective_role
        if role == "coordination":
            return self
        if role == "referent":
            return self._suivis_dans_la_structure_de(user)
        acces = ACCES_PAR_ROLE.get(role)
        return self.filter(acces(user)) if acces else self.none()

    def _suivis_dans_la_structure_de(self, user):
        """A referent's own participants and those followed by colleagues of their structure."""
        if user.structure_id is None:
            return self.filter(referent=user)
        return self.filter(Q(referent=user) | Q(referent__structure_id=user.structure_id))

    def editable_by(self, user):
        """The participants whose record `user` may change: coordination all, a referent theirs."""
        if not user.is_authenticated:
            return self.none()
        if user.effective_role == "coordination":
            return self
        if user.effective_role == "referent":
            return self.filter(referent=user)
        return self.none()

    def sensibles_visibles_par(self, user):
        """The participants whose sensitive data `user` may see: the SQL form of `portee_sensible`."""
        portee = portee_sensible(user)
        if portee == PORTEE_TOUT:
            return self
        if portee == PORTEE_STRUCTURE:
            return self._suivis_dans_la_structure_de(user)
        return self.none()

    def recherche(self, terme):
        """Accent- and case-insensitive search on names, France Travail identifier, email and phone
        (typed with or without spaces, dots or +33)."""
        mots = [chiffres_du_telephone(terme)] if ressemble_a_un_telephone(terme) else normalize(terme).split()
        queryset = self
        for mot in mots:
            queryset = queryset.filter(recherche__contains=mot)
        return queryset

    def creer_en_masse(self, participants, par=None, raison="", batch_size=2000):
        """Create many participants at once (imports, demo seed): normalised columns, creation records
        in the history, sort columns; the one bulk door, so that none of them is forgotten."""
        from accounts.models import User
        from plie_portal.historique import creer_avec_historique
        from territoire.models import Commune

        # The sort columns set before the insert (a later UPDATE would rewrite every row and its
        # seventeen index entries once more): the names of the few communes and referents read once.
        communes = dict(Commune.objects.filter(pk__in={p.commune_id for p in participants}).values_list("pk", "nom"))
        referents = {
            u.pk: nom_de_tri(u)
            for u in User.objects.filter(pk__in={p.referent_id for p in participants} - {None}).only(
                "pk", "first_name", "last_name"
            )
        }
        for participant in participants:
            participant.fill_normalised_fields()
            participant.tri_commune = communes.get(participant.commune_id, "")
            participant.tri_referent = referents.get(participant.referent_id)
        return creer_avec_historique(
            participants, self.model, batch_size=batch_size, default_user=par, default_change_reason=raison
        )

    def homonymes(self, nom, prenom, date_naissance):
        """Possible duplicates of a person by identity key."""
        return self.filter(cle_identite=identity_key(nom, prenom, date_naissance))


class StatutParcours(models.TextChoices):
    """Status of a participant's current parcours, as filtered in the list."""

    EN_ATTENTE = "en_attente", _("En attente de commission")
    EN_PARCOURS = "en_parcours", _("En parcours")
    SORTI = "sorti", _("Sorti")
    REFUSE = "refuse", _("Refusé")
    AUCUN = "aucun", _("Sans parcours")


COLONNES_DU_PARCOURS = ("statut_parcours", "date_entree_parcours", "parcours_incomplet", "fin_accompagnement")
COLONNES_DE_TRI = ("tri_commune", "tri_referent")


class Participant(models.Model):
    """A person accompanied by the PLIE; each participation is a `parcours.Parcours`."""

    sexe = models.CharField(_("sexe"), max_length=1, choices=Sexe.choices, blank=True)
    nom = models.CharField(_("nom d'usage"), max_length=100, validators=[sans_caractere_invisible])
    nom_naissance = models.CharField(
        _("nom de naissance"), max_length=100, blank=True, validators=[sans_caractere_invisible]
    )
    prenom = models.CharField(_("prénom"), max_length=100, validators=[sans_caractere_invisible])
    date_naissance = models.DateField(_("date de naissance"))
    adresse = models.CharField(_("adresse"), max_length=255, blank=True)
    commune = models.ForeignKey(
        "territoire.Commune", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="participants"
    )
    telephone = models.CharField(_("téléphone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail personnel"), blank=True)
    # FSE+ completeness needs a way to reach the person: a phone, an e-mail or a named contact.
    contact_tiers = models.CharField(
        _("personne à joindre"),
        max_length=150,
        blank=True,
        help_text=_("Nom et téléphone d'un proche ou d'un organisme."),
    )
    identifiant_france_travail = models.CharField(_("identifiant France Travail"), max_length=20, blank=True)
    referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("référent·e"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants_suivis",
        limit_choices_to={"role": "referent"},
    )
    date_information = models.DateField(
        _("date de remise de la notice d'information"),
        null=True,
        blank=True,
        help_text=_("Traitement des données et cofinancement FSE+."),
    )
    # The current parcours (the latest oriented) as plain columns, so that the list filters and
    # sorts on them through an index instead of a subquery per person. `parcours.courant`
    # writes them on every path that changes a parcours (the rule lives there, not here).
    statut_parcours = models.CharField(
        _("parcours actuel"),
        max_length=12,
        choices=StatutParcours.choices,
        default=StatutParcours.AUCUN,
        editable=False,
    )
    date_entree_parcours = models.DateField(_("entrée du parcours actuel"), null=True, blank=True, editable=False)
    parcours_incomplet = models.BooleanField(
        _("données FSE+ du parcours actuel incomplètes"), default=False, editable=False
    )
    fin_accompagnement = models.DateField(
        _("fin du dernier parcours entré"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("31/12/9999 tant qu'un parcours entré est ouvert ; vide si aucun parcours n'est entré."),
    )
    # The list's sorts by commune and by referent, as columns of the participant so that they read an
    # index rather than sort a join of the whole table; written by `recalculer_tris` (save, bulk
    # writers, and a commune's or a referent's change of name).
    tri_commune = models.CharField(max_length=100, editable=False, default="")
    tri_referent = models.CharField(max_length=300, editable=False, null=True, default=None)
    # Normalised columns, filled on every write path (save, bulk helpers): search and duplicates.
    recherche = models.TextField(editable=False, default="")
    cle_identite = models.CharField(max_length=255, editable=False, default="", db_index=True)
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    # A default rather than auto_now_add: a historical import gives the previous tool's date.
    cree_le = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)
    modifie_le = models.DateTimeField(_("modifié le"), auto_now=True)
    anonymise_le = models.DateTimeField(_("anonymisé le"), null=True, blank=True, editable=False)
    version = champ_version()

    history = HistoricalRecords(
        excluded_fields=[
            "recherche",
            "cle_identite",
            *COLONNES_DU_PARCOURS,
            *COLONNES_DE_TRI,
            "modifie_le",
            "version",
        ]
    )
    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["nom", "prenom", "id"]
        # One index per order and filter of the list, ending with its sort (nom, prénom, id), so
        # that page 1 of any of them reads 25 entries of an index rather than sorting the table.
        indexes = [
            models.Index(fields=["nom", "prenom", "id"], name="participant_tri_nom"),
            models.Index(fields=["referent", "nom", "prenom", "id"], name="participant_referent_nom"),
            models.Index(fields=["commune", "nom", "prenom", "id"], name="participant_commune_nom"),
            models.Index(fields=["statut_parcours", "nom", "prenom", "id"], name="participant_statut_nom"),
            models.Index(fields=["date_entree_parcours", "nom", "id"], name="participant_entree_nom"),
            models.Index(F("date_entree_parcours").desc(), "nom", "id", name="participant_entree_desc_nom"),
            models.Index(fields=["tri_commune", "nom", "id"], name="participant_tri_commune"),
            models.Index(F("tri_commune").desc(), "nom", "id", name="participant_tri_commune_desc"),
            models.Index(fields=["tri_referent", "nom", "id"], name="participant_tri_referent"),
            models.Index(F("tri_referent").desc(), "nom", "id", name="participant_tri_referent_desc"),
            # The dashboard's counts: people in parcours by referent, people accompanied this year.
            models.Index(fields=["statut_parcours", "referent"], name="participant_statut_referent"),
            models.Index(fields=["fin_accompagnement"], name="participant_fin_accompagnement"),
            models.Index(
                fields=["nom", "prenom", "id"], condition=Q(parcours_incomplet=True), name="participant_incomplets_nom"
            ),
        ]

    def __str__(self):
        return f"{self.nom.upper()} {self.prenom}"

    def save(self, *args, update_fields=None, **kwargs):
        self.fill_normalised_fields()
        # The current parcours' columns are `parcours`'s to write: a copy read earlier is stale.
        update_fields = champs_a_ecrire(self, update_fields, COLONNES_DU_PARCOURS + COLONNES_DE_TRI)
        nouveau = self._state.adding
        super().save(*args, update_fields=update_fields, **kwargs)
        if nouveau or getattr(self, "_tri_lu", None) != (self.commune_id, self.referent_id):
            recalculer_tris(Participant.objects.filter(pk=self.pk))
        self._tri_lu = (self.commune_id, self.referent_id)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the sort columns were computed from: a save changing neither rewrites nothing.
        instance._tri_lu = (instance.__dict__.get("commune_id"), instance.__dict__.get("referent_id"))
        return instance

    def fill_normalised_fields(self):
        """Fill the search and identity-key columns; call before any write, bulk ones included."""
        self.recherche = " ".join(
            part
            for part in (
                normalize(self.nom),
                normalize(self.nom_naissance),
                normalize(self.prenom),
                normalize(self.identifiant_france_travail),
                normalize(self.email),
                chiffres_du_telephone(self.telephone),
            )
            if part
        )
        self.cle_identite = identity_key(self.nom, self.prenom, self.date_naissance)

    @property
    def libelle_statut_parcours(self):
        """The label of the kept status, for lists: `get_statut_parcours_display` hashes every choice
        of the field at each call (25 rows a page)."""
        return StatutParcours(self.statut_parcours).label

    def voit_sensible(self, user):
        """Whether `user` may see this participant's sensitive data: the Python form of `portee_sensible`."""
        portee = portee_sensible(user)
        if portee == PORTEE_TOUT:
            return True
        if portee == PORTEE_STRUCTURE:
            if self.referent_id == user.pk:
                return True
            return user.structure_id is not None and (
                self.referent is not None and self.referent.structure_id == user.structure_id
            )
        return False

    def peut_modifier(self, user):
        """Whether `user` may change this record: coordination, or the participant's referent."""
        return user.is_authenticated and (
            user.effective_role == "coordination" or (user.effective_role == "referent" and self.referent_id == user.pk)
        )

    def age(self, le=None):
        """Age in full years on the given day (default today)."""
        if not self.date_naissance:
            return None
        return age_on(self.date_naissance, le or timezone.localdate())


def document_upload_to(instance, filename):
    return f"participants/{instance.participant_id}/{timezone.now():%Y%m%d%H%M%S}_{filename}"


class TypeDocument(models.TextChoices):
    CV = "cv", _("CV")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire d'entrée FSE+ signé")
    ELIGIBILITE = "eligibilite", _("Justificatif d'éligibilité")
    SORTIE = "sortie", _("Justificatif de situation à la sortie")
    ATTESTATION = "attestation", _("Attestation")
    NOTICE = "notice", _("Notice d'information signée")
    AUTRE = "autre", _("Autre")


class Document(models.Model):
    """A file attached to a participant, kept in private storage (sensitive)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="documents")
    type = models.CharField(_("type"), max_length=20, choices=TypeDocument.choices)
    titre = models.CharField(_("titre"), max_length=200)
    fichier = models.FileField(_("fichier"), upload_to=document_upload_to)
    date = models.DateField(_("date du document"), default=date.today)
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    cree_le = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "-id"]

    def __str__(self):
        return self.titre


class Fusion(models.Model):
    """The merge of two records of the same person by coordination: who, when, which record was kept,
    and a snapshot of the identity of the absorbed one (deleted)."""

    par = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("par"), on_delete=models.RESTRICT, related_name="+"
    )
    le = models.DateTimeField(_("le"), default=timezone.now)
    conserve = models.ForeignKey(
        Participant,
        verbose_name=_("fiche conservée"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fusions",
    )
    conserve_numero = models.PositiveIntegerField(_("numéro de la fiche conservée"))
    absorbe_numero = models.PositiveIntegerField(_("numéro de la fiche absorbée"))
    absorbe_identite = models.JSONField(_("identité de la fiche absorbée"), default=dict)
    elements_deplaces = models.JSONField(_("éléments déplacés"), default=dict)

    class Meta:
        verbose_name = _("fusion de fiches")
        verbose_name_plural = _("fusions de fiches")
        ordering = ["-le", "-id"]

    def __str__(self):
        return f"Fiche {self.absorbe_numero} fusionnée dans la fiche {self.conserve_numero}"
