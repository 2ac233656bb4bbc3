"""The inventory of what the portal holds on a participant, read by both the purge (what to erase)
and the right of access (what to give): the two can never disagree.

`TRAITEMENT` declares, for every model of the portal, how it concerns a participant; a test fails
when a model is added without a declaration. `Traces(participant)` finds, outside the person's own
rows, every record that names or concerns them.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote, quote_plus

from django.db.models import Q

ANONYME = "[personne anonymisée]"

# Report kinds whose files list people by name (the participant list, the FSE+ workbook).
RAPPORTS_NOMINATIFS = ("participants", "fse", "journal_acces")

FICHE = "fiche de la personne : identité effacée, textes libres vidés"


@dataclass(frozen=True)
class Fiche:
    """A record about the person, kept for the FSE+ figures: the purge empties its texts `vider`;
    `garder` names each other text it keeps, and why. A text field in neither fails the suite."""

    vider: tuple
    garder: dict = field(default_factory=dict)
    # How its rows are found from the person's parcours ids (rgpd.purge.anonymiser).
    par: str = "parcours_id__in"

    def __str__(self):
        return FICHE


SUPPRIME = "supprimé avec ses fichiers"
TRACE = "peut nommer la personne : effacé ou supprimé (Traces)"
HISTORIQUE = "historique : supprimé"
SANS = "ne contient aucune donnée d'un participant"
# How each model concerns a participant (see rgpd.purge.anonymiser and rgpd.droit_acces).
# The previous tool's id of an imported record holds nothing about the person, and lets a later
# import recognise an anonymised record instead of creating it again.
SOURCE_GARDEE = "identifiant de l'ancien outil : une reprise ultérieure reconnaît la fiche anonymisée"

TRAITEMENT = {
    # Name, first name and birth date are replaced (rgpd.purge.anonymiser), the rest emptied.
    "participants.Participant": Fiche(
        vider=("nom_naissance", "adresse", "telephone", "email", "contact_tiers", "identifiant_france_travail"),
        garder={
            "nom": "remplacé par « ANONYME »",
            "prenom": "remplacé par le numéro de la fiche",
            "recherche": "recalculé à l'enregistrement depuis l'identité anonymisée",
            "cle_identite": "recalculée à l'enregistrement depuis l'identité anonymisée",
            "tri_commune": "nom de la commune (référentiel), colonne de tri",
            "tri_referent": "nom du compte du personnel qui suit la personne, colonne de tri",
        },
        par="pk",
    ),
    "participants.HistoricalParticipant": HISTORIQUE,
    "participants.Document": SUPPRIME,
    # The link of a document to the participation it proves: deleted with the document.
    "parcours.PieceFSE": SUPPRIME,
    "participants.Fusion": TRACE,
    "territoire.Commune": SANS,
    "parcours.Parcours": Fiche(
        vider=("motif_decision",),
        garder={"identifiant_source": SOURCE_GARDEE},
        par="pk__in",
    ),
    "parcours.HistoricalParcours": HISTORIQUE,
    "parcours.Etape": Fiche(
        vider=("objectif", "resultat", "motif_detail", "commentaire_partenaire"),
        garder={"identifiant_source": SOURCE_GARDEE},
    ),
    "parcours.HistoricalEtape": HISTORIQUE,
    "parcours.Entretien": Fiche(
        vider=("note",),
        garder={"identifiant_source": SOURCE_GARDEE},
    ),
    # Which funded action oriented the person, and when they agreed: kept with the parcours' figures.
    "aap_invisibles.OrientationPLIE": Fiche(vider=()),
    "parcours.Transition": Fiche(vider=("motif",), garder={"de": "code d'un statut", "vers": "code d'un statut"}),
    "parcours.SessionCommission": TRACE,
    "partners.EtapeType": SANS,
    "parcours.Objectif": SANS,
    "parcours.ActiviteJournaliere": SANS,
    # An invitation links a participation to a collective session: nothing about the person, kept
    # for the attendance figures once the participation is anonymised.
    "parcours.Invitation": "présence à un atelier : liée à la participation anonymisée, sans donnée de la personne",
    # A session's signed attendance sheet bears the signatures of everyone present: a proof of the
    # FSE+ operation, kept with the operation's proofs for the control period (docs/rgpd.md).
    "parcours.Atelier": "feuille d'émargement signée : pièce de contrôle FSE+ de tous les présents",
    # A control's draw and its findings (ticks, a conclusion, the controller's comment on the file).
    "parcours.ControleServiceFait": SANS,
    "parcours.LigneControle": Fiche(vider=("commentaire",)),
    # An FSE+ operation names a structure, a period and amounts; its participations point to it.
    "parcours.Operation": SANS,
    "parcours.HistoricalOperation": SANS,
    # The uploaded CSV is deleted once written or abandoned; the result keeps counts and errors.
    "parcours.Importation": "import : fichier supprimé une fois écrit ou abandonné",
    "accounts.AccesDonnees": TRACE,
    "admin.LogEntry": TRACE,
    "notifications.Notification": TRACE,
    "reports.Rapport": TRACE,
    # Staff, structures and the calls for projects hold no participant's data.
    "accounts.User": SANS,
    # A fingerprint, dates and a name its holder chose: staff accounts only.
    "accounts.JetonPersonnel": SANS,
    "rgpd.AvertissementBrouillon": SANS,
    "partners.Structure": SANS,
    "partners.Contact": SANS,
    "notifications.Preference": SANS,
    # A message waiting for the broker (an e-mail may name the person): deleted once published.
    "envois.EnvoiDiffere": "message en attente du courtier : supprimé dès sa publication",
    **{
        f"aap_invisibles.{nom}": SANS
        for nom in (
            "AppelAProjets",
            "Etiquette",
            "DemandeAvis",
            "ModeleCourrier",
            "HistoricalModeleCourrier",
            "DemandeAdhesion",
            "ReportCloture",
            "QuestionReponse",
            "CritereNotation",
            "DocumentAppel",
            "SimulationAllocation",
            "LigneBudget",
            "ConsultationEPS",
            "PieceJointe",
            "Dossier",
            "TransitionDossier",
            "Message",
            "DemandeCorrection",
            "Evaluation",
            "NoteCritere",
            "ConflitInteret",
            "Annotation",
            "CreneauAudition",
            "Convention",
            "Versement",
            "Bilan",
            "LigneBilan",
        )
    },
}


def _motif(forme):
    # A whole word or phrase only: "MARTIN Jean" must not match "MARTIN Jeanne".
    return re.compile(rf"(?<!\w){re.escape(forme)}(?!\w)", re.IGNORECASE)


def nomme(texte, formes):
    """Whether `texte` names the person by one of `formes` (whole words, any case)."""
    return any(_motif(forme).search(texte or "") for forme in formes)


def effacer(texte, formes):
    """`texte` with every form of the person's name replaced (whole words only)."""
    for forme in formes:
        texte = _motif(forme).sub(ANONYME, texte)
    return texte


def _candidats(queryset, champs, formes):
    """The rows of `queryset` one of whose `champs` contains a form (SQL, a superset), then only
    those that name the person as whole words (Python): the same answer on SQLite and PostgreSQL."""
    contient = Q(pk__in=[])
    for forme in formes:
        for champ in champs:
            contient |= Q(**{f"{champ}__icontains": forme})
    gardes = [
        objet.pk
        for objet in queryset.filter(contient).only("pk", *champs)
        if any(nomme(getattr(objet, champ), formes) for champ in champs)
    ]
    return queryset.filter(pk__in=gardes)


# The parameters that carry a typed search: the lists' `q`, the DPO's search of a person (`nom`).
PARAMETRES_DE_RECHERCHE = ("q", "nom")


def recherche_de(chemin):
    """The search terms of a page address, decoded: what was typed to find someone."""
    from urllib.parse import parse_qs, urlsplit

    parametres = parse_qs(urlsplit(chemin).query)
    return " ".join(terme for cle in PARAMETRES_DE_RECHERCHE for terme in parametres.get(cle, []))


class Traces:
    """Every record outside the person's own rows that names or concerns `participant`."""

    def __init__(self, participant):
        from participants.models import Fusion

        self.participant = participant
        self.fusions = list(Fusion.objects.filter(conserve=participant).order_by("le", "id"))
        self.absorbes = [fusion.absorbe_numero for fusion in self.fusions]

    # --- Who the person is, under every spelling ---------------------------------------------
    @cached_property
    def identites(self):
        """Theirs and those of the duplicates merged into their record."""
        champs = ("nom", "prenom", "nom_naissance", "email", "telephone", "identifiant_france_travail")
        propres = {champ: getattr(self.participant, champ) or "" for champ in champs}
        return [propres, *(fusion.absorbe_identite or {} for fusion in self.fusions)]

    @cached_property
    def formes(self):
        """The texts that name them: "NOM Prénom" in both orders, e-mail, phone, France Travail id."""
        formes = set()
        for identite in self.identites:
            prenom = identite.get("prenom") or ""
            for nom in (identite.get("nom") or "", identite.get("nom_naissance") or ""):
                if nom and prenom:
                    formes |= {f"{nom} {prenom}", f"{prenom} {nom}"}
            formes |= {identite.get(cle) or "" for cle in ("email", "telephone", "identifiant_france_travail")}
        return sorted((forme for forme in formes if len(forme) >= 4), key=len, reverse=True)

    @cached_property
    def noms_de_famille(self):
        """Surnames alone: what a search for the person types (…?q=Normand)."""
        noms = {i.get(c) for i in self.identites for c in ("nom", "nom_naissance")}
        return sorted(nom for nom in noms if nom and len(nom) >= 4)

    # --- Their records, by model ---------------------------------------------------------------
    @cached_property
    def objets(self):
        """{model label: ids} of every record about the person, merged duplicates included."""
        from parcours.models import Entretien, Etape, Parcours

        fiches = [self.participant.pk, *self.absorbes]
        parcours = set(Parcours.history.filter(participant_id__in=fiches).values_list("id", flat=True))
        parcours |= set(self.participant.parcours.values_list("id", flat=True))
        return {
            "participants.Participant": fiches,
            "participants.Document": list(self.participant.documents.values_list("pk", flat=True)),
            "parcours.Parcours": sorted(parcours),
            "parcours.Etape": list(Etape.objects.filter(parcours_id__in=parcours).values_list("pk", flat=True)),
            "parcours.Entretien": list(Entretien.objects.filter(parcours_id__in=parcours).values_list("pk", flat=True)),
        }

    # --- The traces, one queryset each ---------------------------------------------------------
    def historique_des_doublons(self):
        return self.participant.history.model.objects.filter(id__in=self.absorbes)

    def comptes_rendus(self):
        """Entry-commission sessions whose minutes name the person."""
        from parcours.models import SessionCommission

        return _candidats(SessionCommission.objects.all(), ["compte_rendu"], self.formes).order_by("date", "id")

    def lignes_des_comptes_rendus(self):
        """[(session, line)] of the minutes' lines that name the person."""
        return [
            (session, ligne)
            for session in self.comptes_rendus()
            for ligne in session.compte_rendu.splitlines()
            if nomme(ligne, self.formes)
        ]

    def acces_sur_la_personne(self):
        """Access-log rows about the person's records (their descriptions are names and titles)."""
        from accounts.models import AccesDonnees

        sur = Q(pk__in=[])
        for label, ids in self.objets.items():
            sur |= Q(objet_type=label, objet_id__in=[str(pk) for pk in ids])
        return AccesDonnees.objects.filter(sur)

    def acces_qui_la_nomment(self):
        """Other access-log rows that name the person: in their description, or as the search
        typed in their address (…?q=Normand: the surname alone counts there, nowhere else)."""
        from accounts.models import AccesDonnees

        autres = AccesDonnees.objects.exclude(pk__in=self.acces_sur_la_personne().values("pk"))
        nommees = set(_candidats(autres, ["description", "chemin"], self.formes).values_list("pk", flat=True))
        cherche = Q(pk__in=[])
        for nom in self.noms_de_famille:
            # The address is stored as requested: "Lefèvre" is there as "Lef%C3%A8vre" (or with +).
            for forme in {nom, quote(nom), quote_plus(nom)}:
                cherche |= Q(chemin__icontains=forme)
        avec_recherche = Q(pk__in=[])
        for cle in PARAMETRES_DE_RECHERCHE:
            avec_recherche |= Q(chemin__contains=f"{cle}=")
        for acces in autres.filter(avec_recherche).filter(cherche).only("pk", "chemin"):
            if nomme(recherche_de(acces.chemin), [*self.formes, *self.noms_de_famille]):
                nommees.add(acces.pk)
        return AccesDonnees.objects.filter(pk__in=nommees)

    def journal_admin(self):
        """Django admin log entries about the person's records."""
        from django.contrib.admin.models import LogEntry
        from django.contrib.contenttypes.models import ContentType

        sur = Q(pk__in=[])
        for label, ids in self.objets.items():
            type_ = ContentType.objects.get_by_natural_key(*label.lower().split("."))
            sur |= Q(content_type=type_, object_id__in=[str(pk) for pk in ids])
        return LogEntry.objects.filter(sur)

    def notifications(self):
        """Notifications linking to the person's record or steps, or naming them."""
        from django.urls import reverse

        from notifications.models import Notification

        liens = [reverse("participants:detail", kwargs={"pk": self.participant.pk})]
        liens += [reverse("parcours:etape_detail", kwargs={"pk": pk}) for pk in self.objets["parcours.Etape"]]
        par_lien = set(Notification.objects.filter(lien__in=liens).values_list("pk", flat=True))
        par_nom = set(
            _candidats(Notification.objects.all(), ["titre", "corps"], self.formes).values_list("pk", flat=True)
        )
        return Notification.objects.filter(pk__in=par_lien | par_nom)

    def rapports(self, nominatifs=False):
        """Documents produced about the person and, with `nominatifs`, the lists that hold them:
        those whose recorded people include them (Rapport.personnes)."""
        from reports.models import Rapport

        ids = set(Rapport.objects.filter(parametres__participant=self.participant.pk).values_list("pk", flat=True))
        if nominatifs:
            for rapport in Rapport.objects.filter(type__in=RAPPORTS_NOMINATIFS).only("pk", "personnes"):
                if rapport.personnes is not None and set(rapport.personnes) & set(
                    self.objets["participants.Participant"]
                ):
                    ids.add(rapport.pk)
        return Rapport.objects.filter(pk__in=ids)

    def listes_sans_personnes_connues(self):
        """Lists produced before the portal recorded who they hold: the purge cannot tell, so it deletes them."""
        from reports.models import Rapport

        return Rapport.objects.filter(type__in=RAPPORTS_NOMINATIFS, personnes__isnull=True)
