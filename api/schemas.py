"""What the API returns. Identity and contact of a participant for whoever may open them; the
sensitive part (situation at entry, commission's reason, disability) only where
`Participant.voit_sensible` says so, as on the pages."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema


def _user(context):
    return context["request"].user


class CommuneOut(Schema):
    code_insee: str
    nom: str


class PersonneOut(Schema):
    """A portal user as others see them: a name."""

    id: int
    nom: str = Field(alias="get_full_name")


class ParticipantOut(Schema):
    """Identity and contact: what every role that opens the person reads; the France Travail
    identifier and the referent only where the page shows them (`voit_sensible`)."""

    id: int
    nom: str
    prenom: str
    date_naissance: date
    commune: CommuneOut
    telephone: str
    email: str
    identifiant_france_travail: str | None
    referent: PersonneOut | None

    @staticmethod
    def resolve_identifiant_france_travail(obj, context):
        return obj.identifiant_france_travail if obj.voit_sensible(_user(context)) else None

    @staticmethod
    def resolve_referent(obj, context):
        return obj.referent if obj.voit_sensible(_user(context)) else None


class TypeEtapeOut(Schema):
    code: str
    libelle: str
    categorie: str


class StructureCourteOut(Schema):
    id: int
    nom: str


class EtapeOut(Schema):
    """A step of a parcours, as its page shows it to whoever opens it."""

    id: int
    parcours_id: int
    participant_id: int = Field(alias="parcours.participant_id")
    type: TypeEtapeOut
    structure: StructureCourteOut
    statut: str
    date_debut_prevue: date | None
    date_fin_prevue: date | None
    date_debut: date | None
    date_fin: date | None
    objectif: str
    resultat: str
    motif_refus: str
    motif_detail: str
    commentaire_partenaire: str
    actions_possibles: list[str]

    @staticmethod
    def resolve_actions_possibles(obj, context):
        return obj.actions_possibles(_user(context), getattr(obj, "a_portail", None))


class SituationOut(Schema):
    """The FSE+ situation at entry: sensitive."""

    statut_marche_travail: str
    date_debut_chomage: date | None
    niveau_formation: str
    rsa: bool | None
    ass: bool | None
    aah: bool | None
    rqth: bool | None
    parent_isole: bool | None
    sans_domicile: bool | None
    qpv: bool | None
    zone_rurale: bool | None


class ParcoursOut(Schema):
    id: int
    participant_id: int
    referent: PersonneOut | None
    date_orientation: date
    decision_commission: str
    date_entree: date | None
    date_sortie: date | None
    motif_sortie: str
    operation: str | None
    motif_decision: str | None
    situation: SituationOut | None

    @staticmethod
    def resolve_operation(obj):
        return obj.operation.code if obj.operation_id else None

    @staticmethod
    def resolve_motif_decision(obj, context):
        return obj.motif_decision if obj.participant.voit_sensible(_user(context)) else None

    @staticmethod
    def resolve_situation(obj, context):
        return obj if obj.participant.voit_sensible(_user(context)) else None


class ParcoursDetailOut(ParcoursOut):
    etapes: list[EtapeOut]


class OffreOut(Schema):
    code: str
    libelle: str
    categorie: str


class StructureOut(Schema):
    id: int
    nom: str
    sigle: str
    type: str
    siret: str
    adresse: str
    code_postal: str
    ville: str
    telephone: str
    email: str
    offres: list[OffreOut]

    @staticmethod
    def resolve_offres(obj):
        return [o for o in obj.offres.all() if o.actif]


class AppelOut(Schema):
    id: int
    titre: str
    slug: str
    statut: str
    description: str
    public_cible: str
    budget_total: Decimal
    date_ouverture: datetime
    date_cloture: datetime
    date_audition: date | None
    adresse: str

    @staticmethod
    def resolve_adresse(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class Erreur(Schema):
    detail: str


# Bodies of the step transitions: the same fields as the page's forms (parcours.etapes.forms).
class AccepterIn(Schema):
    commentaire: str = ""


class RefuserIn(Schema):
    motif: str
    detail: str = ""
    commentaire: str = ""


class DemarrerIn(Schema):
    date_debut: date
    commentaire: str = ""


class TerminerIn(Schema):
    date_fin: date
    resultat: str
    commentaire: str = ""


class AbandonnerIn(Schema):
    date_fin: date
    motif: str
    commentaire: str = ""
