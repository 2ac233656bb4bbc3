"""Actions posted from the dossier page; on bad input the page is shown again with the form as typed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.models import Role, User
from partners.services import envoyer_invitation

from .. import forms as f
from .. import notifications
from ..models import (
    Annotation,
    ConflitInteret,
    DemandeAvis,
    Evaluation,
    Message,
    NoteCritere,
    OrientationPLIE,
    TransitionInvalide,
)
from .base import ROLES_INSTRUCTION, dossier_visible
from .dossier import contexte_dossier


class ActionDossier(View):
    """A POST from the dossier page: on bad input the page is shown again with the form as typed."""

    http_method_names = ["post"]
    roles = ROLES_INSTRUCTION
    action = ""  # the name of the action in `aap_invisibles.models.actions.REGLES`
    form_class = None
    nom_form = ""
    succes = ""

    def get_form(self, request, dossier):
        return self.form_class(request.POST, request.FILES)

    def post(self, request, pk):
        dossier = dossier_visible(request, pk, *self.roles)
        refus = dossier.refus(self.action, request.user)
        if refus is not None and refus[0] == "role":
            raise PermissionDenied
        form = self.get_form(request, dossier)
        if form.is_valid():
            try:
                with transaction.atomic():
                    # Asked again inside the transaction: the state may have moved since the page.
                    dossier.exiger(self.action, request.user)
                    self.agir(request, dossier, form)
            except TransitionInvalide as exc:
                # A rule of the dossier's state, not of what was typed: said at the top of the page,
                # where it shows even when the state hides this form.
                messages.error(request, exc.message)
            else:
                messages.success(request, self.succes)
                return redirect(dossier)
        dossier.refresh_from_db()
        return render(
            request, "aap_invisibles/dossier.html", contexte_dossier(request, dossier, **{self.nom_form: form})
        )

    def agir(self, request, dossier, form):
        raise NotImplementedError


class Recevabilite(ActionDossier):
    action = "recevabilite"
    form_class = f.RecevabiliteForm
    nom_form = "recevabilite_form"
    succes = gettext_lazy("Recevabilité enregistrée.")

    def agir(self, request, dossier, form):
        if form.cleaned_data["decision"] == "recevable":
            dossier.declarer_recevable(request.user)
        else:
            dossier.declarer_irrecevable(request.user, form.cleaned_data["motif"])


class Correction(ActionDossier):
    action = "correction"
    form_class = f.CorrectionForm
    nom_form = "correction_form"
    succes = gettext_lazy("Demande de correction envoyée au porteur.")

    def agir(self, request, dossier, form):
        dossier.demander_correction(request.user, form.cleaned_data["sections"], form.cleaned_data["message"])


class ReponseCorrection(ActionDossier):
    action = "repondre_correction"
    roles = (Role.PORTEUR,)
    form_class = f.ReponseCorrectionForm
    nom_form = "reponse_form"
    succes = gettext_lazy("Réponse envoyée : le dossier reprend son instruction.")

    def agir(self, request, dossier, form):
        dossier.repondre_correction(request.user, form.cleaned_data["reponse"])
        Message.objects.create(
            dossier=dossier,
            auteur=request.user,
            objet=_("Réponse à la demande de correction"),
            texte=form.cleaned_data["reponse"],
        )


class Noter(ActionDossier):
    action = "noter"
    nom_form = "evaluation_form"
    succes = gettext_lazy("Notation enregistrée.")

    def get_form(self, request, dossier):
        ma_eval = Evaluation.objects.filter(dossier=dossier, instructeur=request.user).first()
        return f.EvaluationForm(request.POST, criteres=dossier.appel.criteres.all(), evaluation=ma_eval)

    def agir(self, request, dossier, form):
        evaluation, _cree = Evaluation.objects.get_or_create(dossier=dossier, instructeur=request.user)
        evaluation.commentaire = form.cleaned_data["commentaire"]
        evaluation.save()
        for critere, note in form.notes().items():
            NoteCritere.objects.update_or_create(evaluation=evaluation, critere=critere, defaults={"note": note})
        evaluation.total = evaluation.calculer_total()
        evaluation.save()
        if form.cleaned_data["soumettre"]:
            evaluation.soumettre()


class Conflit(ActionDossier):
    action = "conflit"
    form_class = f.ConflitForm
    nom_form = "conflit_form"
    succes = gettext_lazy("Conflit d'intérêts déclaré : vous ne noterez pas ce dossier.")

    def agir(self, request, dossier, form):
        ConflitInteret.objects.get_or_create(
            dossier=dossier, instructeur=request.user, defaults={"motif": form.cleaned_data["motif"]}
        )


class Annoter(ActionDossier):
    action = "annoter"
    form_class = f.AnnotationForm
    nom_form = "annotation_form"
    succes = gettext_lazy("Annotation ajoutée.")

    def agir(self, request, dossier, form):
        Annotation.objects.create(dossier=dossier, auteur=request.user, texte=form.cleaned_data["texte"])


class DemanderAvis(ActionDossier):
    action = "demander_avis"
    nom_form = "avis_form"
    succes = gettext_lazy("Avis demandé : l'expert·e est prévenu·e par e-mail.")

    def get_form(self, request, dossier):
        return f.DemandeAvisForm(request.POST, dossier=dossier)

    def agir(self, request, dossier, form):
        d = form.cleaned_data
        expert = User.objects.filter(email=d["email"]).first()
        if expert is None:
            # An account of its own, limited to the dossiers it is asked about; never created by the expert.
            expert = User.objects.create_user(
                d["email"], None, role=Role.EXPERT, first_name=d["prenom"], last_name=d["nom"]
            )
            envoyer_invitation(expert, request.build_absolute_uri("/"), request.user)
        demande = DemandeAvis.objects.create(
            dossier=dossier, expert=expert, question=d["question"], echeance=d["echeance"], demandee_par=request.user
        )
        notifications.avis_demande(demande)


class Orienter(ActionDossier):
    action = "orienter"
    roles = (Role.PORTEUR,)
    form_class = f.OrientationForm
    nom_form = "orientation_form"
    succes = gettext_lazy("Orientation transmise à la commission d'entrée du PLIE.")

    def agir(self, request, dossier, form):
        d = form.cleaned_data
        OrientationPLIE.orienter(
            dossier, request.user, d["nom"], d["prenom"], d["date_naissance"], d["commune"], d["telephone"], d["email"]
        )


class Etiqueter(ActionDossier):
    action = "etiqueter"
    nom_form = "etiquettes_form"
    succes = gettext_lazy("Étiquettes enregistrées.")

    def get_form(self, request, dossier):
        return f.EtiquettesDossierForm(request.POST, dossier=dossier)

    def agir(self, request, dossier, form):
        dossier.etiquettes.set(form.cleaned_data["etiquettes"])


class Ecrire(ActionDossier):
    action = "ecrire"
    roles = (Role.COORDINATION, Role.INSTRUCTEUR, Role.PORTEUR)
    form_class = f.MessageForm
    nom_form = "message_form"
    succes = gettext_lazy("Message envoyé.")

    def agir(self, request, dossier, form):
        message = form.save(commit=False)
        message.dossier = dossier
        message.auteur = request.user
        message.save()
        message.envoyer_apres_commit()


class Audition(ActionDossier):
    action = "audition"
    nom_form = "audition_form"
    succes = gettext_lazy("Créneau d'audition fixé : le porteur est convoqué.")

    def get_form(self, request, dossier):
        return f.AuditionForm(request.POST, instance=getattr(dossier, "audition", None))

    def agir(self, request, dossier, form):
        d = form.cleaned_data
        dossier.fixer_audition(request.user, d["date"], d["heure"], d["lieu"])


class Proposition(ActionDossier):
    action = "proposition"
    form_class = f.PropositionForm
    nom_form = "proposition_form"
    succes = gettext_lazy("Proposition enregistrée.")

    def agir(self, request, dossier, form):
        d = form.cleaned_data
        dossier.proposer(request.user, d["avis"], d["montant"], d["motif"])


class Decision(ActionDossier):
    action = "decision"
    roles = (Role.COORDINATION,)
    form_class = f.DecisionForm
    nom_form = "decision_form"
    succes = gettext_lazy("Décision du comité enregistrée.")

    def agir(self, request, dossier, form):
        d = form.cleaned_data
        if d["decision"] == "retenu":
            dossier.retenir(request.user, d["montant_accorde"], d["motif"])
        else:
            dossier.refuser(request.user, d["motif"])


class SansSuite(ActionDossier):
    action = "sans_suite"
    roles = (Role.COORDINATION, Role.PORTEUR)
    nom_form = "sans_suite_form"
    succes = gettext_lazy("Dossier classé sans suite.")

    def get_form(self, request, dossier):
        return (f.MotifFacultatifForm if dossier.est_porteur(request.user) else f.MotifForm)(request.POST)

    def agir(self, request, dossier, form):
        dossier.classer_sans_suite(request.user, form.cleaned_data["motif"])


class Reouvrir(ActionDossier):
    action = "reouvrir"
    roles = (Role.COORDINATION,)
    form_class = f.MotifForm
    nom_form = "reouvrir_form"
    succes = gettext_lazy("Décision rouverte.")

    def agir(self, request, dossier, form):
        dossier.reouvrir(request.user, form.cleaned_data["motif"])


class ConventionVue(ActionDossier):
    action = "convention"
    roles = (Role.COORDINATION,)
    nom_form = "convention_form"
    succes = gettext_lazy("Convention enregistrée.")

    def get_form(self, request, dossier):
        return f.ConventionForm(request.POST, request.FILES, instance=getattr(dossier, "convention", None))

    def agir(self, request, dossier, form):
        convention = form.save(commit=False)
        convention.dossier = dossier
        convention.enregistree_par = request.user
        convention.save()


class VersementVue(ActionDossier):
    action = "versement"
    roles = (Role.COORDINATION,)
    nom_form = "versement_form"
    succes = gettext_lazy("Versement enregistré.")

    def get_form(self, request, dossier):
        return f.VersementForm(request.POST, dossier=dossier)

    def agir(self, request, dossier, form):
        versement = form.save(commit=False)
        versement.dossier = dossier
        versement.enregistre_par = request.user
        versement.save()
