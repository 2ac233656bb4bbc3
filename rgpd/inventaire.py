"""The inventory of what the portal holds on a participant, read by both the purge (what to erase)
and the right of access (what to give): the two can never disagree.

`TRAITEMENT` declares, for every model of the portal, how it concerns a participant; a test fails
when a model is added without a declaration. `Traces(participant)` finds, outside the person's own
rows, every record that names or concerns them.
"""

import re
from functools import cached_property

from django.db.models import Q

ANONYME = "[personne anonymisée]"

# Report kinds whose files list people by name (the participant list, the FSE+ workbook).
RAPPORTS_NOMINATIFS = ("participants", "fse")

FICHE = "fiche de la personne : identité effacée, textes libres vidés"
SUPPRIME = "supprimé avec ses fichiers"
TRACE = "peut nommer la personne : effacé ou supprimé (Traces)"
HISTORIQUE = "historique : supprimé"
SANS = "ne contient aucune donnée d'un participant"
# How each model concerns a participant (see rgpd.purge.anonymiser and rgpd.droit_acces).
TRAITEMENT = {
    "participants.Participant": FICHE,
    "participants.HistoricalParticipant": HISTORIQUE,
    "participants.Document": SUPPRIME,
    "participants.Fusion": TRACE,
    "participants.Commune": SANS,
    "parcours.Parcours": FICHE,
    "parcours.HistoricalParcours": HISTORIQUE,
    "parcours.Etape": FICHE,
    "parcours.HistoricalEtape": HISTORIQUE,
    "parcours.Entretien": FICHE,
    "parcours.Transition": FICHE,
    "parcours.SessionCommission": TRACE,
    "parcours.EtapeType": SANS,
    "parcours.Objectif": SANS,
    "accounts.AccesDonnees": TRACE,
    "admin.LogEntry": TRACE,
    "notifications.Notification": TRACE,
    "reports.Rapport": TRACE,
    # Staff, structures and the calls for projects hold no participant's data.
    "accounts.User": SANS,
    "accounts.AvertissementBrouillon": SANS,
    "partners.Structure": SANS,
    "partners.Contact": SANS,
    "notifications.Preference": SANS,
    **{
        f"aap_invisibles.{nom}": SANS
        for nom in (
            "AppelAProjets",
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


def effacer(texte, formes):
    """`texte` with every form of the person's name replaced."""
    for forme in formes:
        texte = re.sub(re.escape(forme), ANONYME, texte, flags=re.IGNORECASE)
    return texte


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

        nomme = Q(pk__in=[])
        for forme in self.formes:
            nomme |= Q(compte_rendu__icontains=forme)
        return SessionCommission.objects.filter(nomme).order_by("date", "id")

    def lignes_des_comptes_rendus(self):
        """[(session, line)] of the minutes' lines that name the person."""
        return [
            (session, ligne)
            for session in self.comptes_rendus()
            for ligne in session.compte_rendu.splitlines()
            if effacer(ligne, self.formes) != ligne
        ]

    def acces_sur_la_personne(self):
        """Access-log rows about the person's records (their descriptions are names and titles)."""
        from accounts.models import AccesDonnees

        sur = Q(pk__in=[])
        for label, ids in self.objets.items():
            sur |= Q(objet_type=label, objet_id__in=[str(pk) for pk in ids])
        return AccesDonnees.objects.filter(sur)

    def acces_qui_la_nomment(self):
        """Other access-log rows that name the person: searches and exports (…?q=Normand)."""
        from accounts.models import AccesDonnees

        nomme = Q(pk__in=[])
        for forme in self.formes:
            nomme |= Q(description__icontains=forme) | Q(chemin__icontains=forme)
        for nom in self.noms_de_famille:
            nomme |= Q(chemin__contains="?") & (Q(description__icontains=nom) | Q(chemin__icontains=nom))
        return AccesDonnees.objects.filter(nomme).exclude(pk__in=self.acces_sur_la_personne().values("pk"))

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
        nommees = Q(lien__in=liens)
        for forme in self.formes:
            nommees |= Q(titre__icontains=forme) | Q(corps__icontains=forme)
        return Notification.objects.filter(nommees)

    def rapports(self, avant=None):
        """Documents produced about the person, and the nominative lists produced before `avant`."""
        from reports.models import Rapport

        sur = Q(parametres__participant=self.participant.pk)
        if avant is not None:
            sur |= Q(type__in=RAPPORTS_NOMINATIFS, cree_le__lte=avant)
        return Rapport.objects.filter(sur)
