"""Documents about participants: parcours sheet (full or partner version), information notice,
and the participant list export."""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..pdf import rendre_pdf
from . import register
from .base import ParametresForm, ReportKind

COORD, REF, PART = "coordination", "referent", "partenaire"


class ParticipantForm(ParametresForm):
    participant = forms.IntegerField(label=_("Numéro du participant"), min_value=1, widget=forms.HiddenInput)


def participant_visible(user, parametres):
    """The participant of the parameters, within `Participant.objects.visible_to(user)` (else 404)."""
    from participants.models import Participant

    try:
        pk = int(parametres.get("participant"))
    except (TypeError, ValueError):
        raise Http404 from None
    return get_object_or_404(Participant.objects.visible_to(user).select_related("commune", "referent"), pk=pk)


def ordre_chronologique(etape):
    return (etape.date_debut or etape.date_debut_prevue or etape.cree_le.date(), etape.pk)


class ParticipantKind(ReportKind):
    form_class = ParticipantForm
    objet_param = "participant"

    def check_scope(self, user, parametres):
        participant_visible(user, parametres)

    def objet(self, user, parametres):
        return participant_visible(user, parametres)

    def libelle(self, parametres):
        from participants.models import Participant

        participant = Participant.objects.filter(pk=parametres.get("participant")).first()
        return f"{self.label} – {participant}" if participant else str(self.label)

    def journal(self, rapport):
        # Against the participant, so that the download appears in their right-of-access report.
        return {
            "objet_type": "participants.Participant",
            "objet_id": rapport.parametres.get("participant", ""),
            "description": rapport.libelle,
        }


@register
class FicheParcours(ParticipantKind):
    """The parcours sheet; a partner gets identity, contact and their own structure's steps only."""

    code = "parcours"
    label = _("Fiche de parcours")
    description = _("Identité, situation à l'entrée, étapes et sortie d'un participant.")
    roles = frozenset({COORD, REF, PART})

    def contexte(self, user, participant, progress):
        from parcours.models import Etape

        sensible = participant.voit_sensible(user)
        progress(30, _("Lecture des parcours"))
        etapes = (
            Etape.objects.visible_to(user)
            .filter(parcours__participant=participant)
            .select_related("type", "structure")
            .order_by("date_debut", "date_debut_prevue", "id")
        )
        if sensible:
            parcours = list(
                participant.parcours.select_related("prescripteur", "referent")
                .prefetch_related("etapes__type", "etapes__structure")
                .order_by("date_orientation", "id")
            )
            for un_parcours in parcours:
                un_parcours.etapes_ordonnees = sorted(un_parcours.etapes.all(), key=ordre_chronologique)
        else:
            parcours = []
        return {
            "titre": _("Fiche de parcours – %(nom)s") % {"nom": participant},
            "participant": participant,
            "sensible": sensible,
            "parcours_liste": parcours,
            "etapes_partenaire": [] if sensible else list(etapes),
            "structure": user.structure,
            "genere_le": timezone.localtime(),
        }

    def ecrire(self, rapport, progress, sortie):
        participant = participant_visible(rapport.demandeur, rapport.parametres)
        contexte = self.contexte(rapport.demandeur, participant, progress)
        progress(60, _("Mise en page du document"))
        rendre_pdf("reports/pdf/fiche_parcours.html", contexte, sortie)


@register
class NoticeInformation(ParticipantKind):
    """The information notice a participant signs at entry (data processing, GDPR rights, FSE+)."""

    code = "notice"
    label = _("Notice d'information à signer")
    description = _(
        "Traitement des données personnelles, droits RGPD et cofinancement FSE+, à faire signer à l'entrée."
    )
    roles = frozenset({COORD, REF})

    def ecrire(self, rapport, progress, sortie):
        participant = participant_visible(rapport.demandeur, rapport.parametres)
        progress(40, _("Mise en page du document"))
        contexte = {
            "titre": _("Notice d'information – %(nom)s") % {"nom": participant},
            "participant": participant,
            "referent": participant.referent,
            "genere_le": timezone.localtime(),
        }
        rendre_pdf("reports/pdf/notice_information.html", contexte, sortie)


@register
class QuestionnaireEntree(ParticipantKind):
    """The FSE+ entry questionnaire of the person's latest participation, prefilled with what the
    portal holds, to be checked and signed by the participant (then uploaded as a proof)."""

    code = "questionnaire"
    label = _("Questionnaire d'entrée FSE+ à signer")
    description = _("Situation à l'entrée pré-remplie, à vérifier et faire signer par le participant.")
    roles = frozenset({COORD, REF})

    def ecrire(self, rapport, progress, sortie):
        participant = participant_visible(rapport.demandeur, rapport.parametres)
        if not participant.voit_sensible(rapport.demandeur):
            raise Http404
        parcours = (
            participant.parcours.select_related("operation__structure", "referent")
            .order_by("-date_orientation", "-id")
            .first()
        )
        progress(40, _("Mise en page du document"))
        contexte = {
            "titre": _("Questionnaire d'entrée FSE+ – %(nom)s") % {"nom": participant},
            "participant": participant,
            "parcours": parcours,
            "genere_le": timezone.localtime(),
        }
        rendre_pdf("reports/pdf/questionnaire_fse.html", contexte, sortie)


class ExportParticipantsForm(ParametresForm):
    """The filters of the participant list, taken as parameters of the export. Referent and
    structure come as hidden numbers from the list's filters; the participants app scopes them."""

    q = forms.CharField(label=_("Recherche"), required=False, max_length=100)
    commune = forms.ModelChoiceField(
        label=_("Commune"), required=False, queryset=None, empty_label=_("Toutes"), to_field_name="code_insee"
    )
    statut = forms.ChoiceField(label=_("Parcours actuel"), required=False)
    age = forms.ChoiceField(label=_("Âge"), required=False)
    qpv = forms.ChoiceField(
        label=_("QPV"), required=False, choices=[("", _("Tous")), ("oui", _("Oui")), ("non", _("Non"))]
    )
    annee_entree = forms.IntegerField(label=_("Année d'entrée"), required=False, min_value=2000, max_value=2100)
    fse_incomplet = forms.NullBooleanField(label=_("Données FSE+ incomplètes"), required=False)
    referent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    structure = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        from participants.filters import TRANCHES_AGE
        from participants.models import StatutParcours
        from territoire.models import Commune

        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = Commune.objects.only("code_insee", "nom")
        self.fields["statut"].choices = [("", _("Tous")), *StatutParcours.choices]
        self.fields["age"].choices = [("", _("Tous")), *TRANCHES_AGE]
        if self.user is None or self.user.effective_role not in (COORD, REF):
            # A partner filters on identity and contact only (as on the list).
            for nom in ("statut", "qpv", "annee_entree", "fse_incomplet", "referent", "structure"):
                del self.fields[nom]


@register
class ExportParticipants(ReportKind):
    """The participant list as XLSX, with the list's filters; columns limited to the requester's rights."""

    code = "participants"
    label = _("Export des participants (XLSX)")
    description = _("La liste des participants que vous pouvez consulter, avec les filtres choisis.")
    roles = frozenset({COORD, REF, PART})
    form_class = ExportParticipantsForm
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def queryset(self, user, parametres):
        from participants.filters import participants_filtres

        donnees = {
            cle: ("true" if valeur is True else "false" if valeur is False else valeur)
            for cle, valeur in parametres.items()
        }
        return participants_filtres(user, donnees)[0]

    def nom_fichier(self, rapport):
        return f"participants-{timezone.localdate():%Y-%m-%d}.xlsx"

    def ecrire(self, rapport, progress, sortie):
        from participants.exports import ecrire_export_participants

        progress(10, _("Sélection des participants"))
        queryset = self.queryset(rapport.demandeur, rapport.parametres)
        rapport.personnes = []
        lignes = ecrire_export_participants(queryset, rapport.demandeur, sortie, progress, ids=rapport.personnes)
        progress(95, _("%(n)d participants exportés") % {"n": lignes})
