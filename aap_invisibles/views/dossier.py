"""The dossier page shared by applicant, instructors and coordination, and the actions posted from it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_GET

from accounts.audit import log_access
from accounts.models import Role

from .. import forms as f
from ..models import (
    SECTIONS_CERFA,
    Annotation,
    ConflitInteret,
    Evaluation,
    Message,
    NoteCritere,
    StatutDossier,
    TransitionInvalide,
)
from ..models.choices import STATUTS_AVANT_DECISION
from .base import ROLES_INSTRUCTION, dossier_visible, telecharger


def valeurs_section(dossier, section):
    """(label, displayed value) of each field of a Cerfa section."""
    valeurs = []
    for nom in section.champs:
        champ = dossier._meta.get_field(nom)
        if nom == "communes":
            valeur = ", ".join(c.nom for c in dossier.communes.all()) or "—"
        else:
            valeur = getattr(dossier, nom)
            if isinstance(valeur, bool):
                valeur = _("Oui") if valeur else _("Non")
            elif valeur in (None, ""):
                valeur = "—"
        valeurs.append((champ.verbose_name, valeur))
    return valeurs


def contexte_dossier(request, dossier, **formulaires):
    """Everything the dossier page shows, according to who looks: annotations and scores never to the applicant."""
    user = request.user
    est_porteur = dossier.est_porteur(user)
    instruit = not est_porteur and dossier.peut_instruire(user)
    sections = [
        {
            "section": s,
            "valeurs": valeurs_section(dossier, s) if s.champs else [],
            "manquants": dossier.manquants_section(s.code),
        }
        for s in SECTIONS_CERFA
    ]
    ctx = {
        "dossier": dossier,
        "est_porteur": est_porteur,
        "instruit": instruit,
        "est_coordination": user.is_coordination,
        "sections": sections,
        "modifiables": dossier.sections_modifiables() if est_porteur else [],
        "budget": dossier.lignes_budget_par_compte(),
        "eps": getattr(dossier, "consultation_eps", None),
        "pieces": list(dossier.pieces.all()),
        "fil": list(dossier.messages.select_related("auteur")),
        "transitions": list(dossier.transitions.select_related("par")),
        "correction": dossier.correction_en_attente(),
        "audition": getattr(dossier, "audition", None),
        "convention": getattr(dossier, "convention", None),
        "versements": list(dossier.versements.all()),
        "S": StatutDossier,
        "message_form": formulaires.get("message_form") or f.MessageForm(),
    }
    if est_porteur:
        if ctx["correction"]:
            ctx["reponse_form"] = formulaires.get("reponse_form") or f.ReponseCorrectionForm()
        if dossier.statut in STATUTS_AVANT_DECISION:
            ctx["sans_suite_form"] = formulaires.get("sans_suite_form") or f.MotifFacultatifForm()
    if instruit:
        ma_eval = Evaluation.objects.filter(dossier=dossier, instructeur=user).prefetch_related("notes").first()
        mon_conflit = ConflitInteret.objects.filter(dossier=dossier, instructeur=user).first()
        voit_notes = user.is_coordination or (ma_eval is not None and ma_eval.soumise) or mon_conflit is not None
        criteres = list(dossier.appel.criteres.all())
        ctx.update(
            annotations=list(dossier.annotations.select_related("auteur")),
            annotation_form=formulaires.get("annotation_form") or f.AnnotationForm(),
            ma_eval=ma_eval,
            mon_conflit=mon_conflit,
            voit_notes=voit_notes,
            evaluations=(
                list(dossier.evaluations.filter(soumise=True).select_related("instructeur")) if voit_notes else []
            ),
            score=dossier.score() if voit_notes else None,
            conflits=list(dossier.conflits.select_related("instructeur")) if voit_notes else [],
            copie=dossier.copie_deposee,
        )
        peut_noter = (
            dossier.statut in (StatutDossier.EN_INSTRUCTION, StatutDossier.AUDITION)
            and not mon_conflit
            and not (ma_eval and ma_eval.soumise)
            and criteres
        )
        if peut_noter:
            ctx["evaluation_form"] = formulaires.get("evaluation_form") or f.EvaluationForm(
                criteres=criteres, evaluation=ma_eval
            )
            if not ma_eval:
                ctx["conflit_form"] = formulaires.get("conflit_form") or f.ConflitForm()
        if dossier.statut == StatutDossier.DEPOSE:
            ctx["recevabilite_form"] = formulaires.get("recevabilite_form") or f.RecevabiliteForm()
        if dossier.statut == StatutDossier.EN_INSTRUCTION and not ctx["correction"]:
            ctx["correction_form"] = formulaires.get("correction_form") or f.CorrectionForm()
        if dossier.statut in (StatutDossier.EN_INSTRUCTION, StatutDossier.AUDITION):
            ctx["audition_form"] = formulaires.get("audition_form") or f.AuditionForm(instance=ctx["audition"])
            ctx["proposition_form"] = formulaires.get("proposition_form") or f.PropositionForm(
                initial={"avis": dossier.proposition_avis, "montant": dossier.proposition_montant}
            )
            if user.is_coordination:
                ctx["decision_form"] = formulaires.get("decision_form") or f.DecisionForm(
                    initial={"montant_accorde": dossier.proposition_montant}
                )
                ctx["reste"] = dossier.appel.reste_a_allouer()
        if user.is_coordination:
            if dossier.statut in STATUTS_AVANT_DECISION:
                ctx["sans_suite_form"] = formulaires.get("sans_suite_form") or f.MotifForm()
            if dossier.statut in (StatutDossier.RETENU, StatutDossier.REFUSE) and not ctx["versements"]:
                ctx["reouvrir_form"] = formulaires.get("reouvrir_form") or f.MotifForm()
            if dossier.statut == StatutDossier.RETENU:
                ctx["convention_form"] = formulaires.get("convention_form") or f.ConventionForm(
                    instance=ctx["convention"]
                )
                ctx["versement_form"] = formulaires.get("versement_form") or f.VersementForm(dossier=dossier)
    return ctx


@require_GET
def dossier(request, pk):
    """The dossier page for everyone allowed (instruction never sees drafts)."""
    objet = dossier_visible(request, pk)
    return render(request, "aap_invisibles/dossier.html", contexte_dossier(request, objet))


@require_GET
def dossier_fichier(request, pk, nature, objet):
    """Download a file of a dossier (attachment, EPS proof, message attachment, convention) after the scope check."""
    dossier = dossier_visible(request, pk)
    if nature == "piece":
        fichier = get_object_or_404(dossier.pieces, pk=objet).fichier
    elif nature == "eps":
        eps = getattr(dossier, "consultation_eps", None)
        if eps is None or eps.pk != objet or not eps.justificatif:
            raise Http404
        fichier = eps.justificatif
    elif nature == "message":
        fichier = get_object_or_404(dossier.messages.exclude(piece_jointe=""), pk=objet).piece_jointe
    elif nature == "convention":
        convention = getattr(dossier, "convention", None)
        if convention is None or convention.pk != objet or not convention.fichier:
            raise Http404
        fichier = convention.fichier
    else:
        raise Http404
    reponse = telecharger(fichier)
    log_access(request, "telechargement", obj=dossier, description=f"Fichier {nature} {objet}")
    return reponse


class ActionDossier(View):
    """A POST from the dossier page: on bad input the page is shown again with the form as typed."""

    http_method_names = ["post"]
    roles = ROLES_INSTRUCTION
    form_class = None
    nom_form = ""
    succes = ""

    def get_form(self, request, dossier):
        return self.form_class(request.POST, request.FILES)

    def autorise(self, request, dossier):
        return dossier.peut_instruire(request.user) and not dossier.est_porteur(request.user)

    def post(self, request, pk):
        dossier = dossier_visible(request, pk, *self.roles)
        if not self.autorise(request, dossier):
            raise PermissionDenied
        form = self.get_form(request, dossier)
        if form.is_valid():
            try:
                with transaction.atomic():
                    self.agir(request, dossier, form)
            except TransitionInvalide as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, self.succes)
                return redirect(dossier)
        dossier.refresh_from_db()
        contexte = contexte_dossier(request, dossier, **{self.nom_form: form})
        contexte["form_en_erreur"] = self.nom_form
        return render(request, "aap_invisibles/dossier.html", contexte)

    def agir(self, request, dossier, form):
        raise NotImplementedError


class Recevabilite(ActionDossier):
    form_class = f.RecevabiliteForm
    nom_form = "recevabilite_form"
    succes = _("Recevabilité enregistrée.")

    def agir(self, request, dossier, form):
        if form.cleaned_data["decision"] == "recevable":
            dossier.declarer_recevable(request.user)
        else:
            dossier.declarer_irrecevable(request.user, form.cleaned_data["motif"])


class Correction(ActionDossier):
    form_class = f.CorrectionForm
    nom_form = "correction_form"
    succes = _("Demande de correction envoyée au porteur.")

    def agir(self, request, dossier, form):
        dossier.demander_correction(request.user, form.cleaned_data["sections"], form.cleaned_data["message"])


class ReponseCorrection(ActionDossier):
    roles = (Role.PORTEUR,)
    form_class = f.ReponseCorrectionForm
    nom_form = "reponse_form"
    succes = _("Réponse envoyée : le dossier reprend son instruction.")

    def autorise(self, request, dossier):
        return dossier.est_porteur(request.user)

    def agir(self, request, dossier, form):
        dossier.repondre_correction(request.user, form.cleaned_data["reponse"])
        Message.objects.create(
            dossier=dossier,
            auteur=request.user,
            objet=_("Réponse à la demande de correction"),
            texte=form.cleaned_data["reponse"],
        )


class Noter(ActionDossier):
    nom_form = "evaluation_form"
    succes = _("Notation enregistrée.")

    def get_form(self, request, dossier):
        ma_eval = Evaluation.objects.filter(dossier=dossier, instructeur=request.user).first()
        return f.EvaluationForm(request.POST, criteres=dossier.appel.criteres.all(), evaluation=ma_eval)

    def agir(self, request, dossier, form):
        if dossier.statut not in (StatutDossier.EN_INSTRUCTION, StatutDossier.AUDITION):
            raise TransitionInvalide(_("Seul un dossier en instruction ou en audition se note."))
        if ConflitInteret.objects.filter(dossier=dossier, instructeur=request.user).exists():
            raise TransitionInvalide(_("Vous avez déclaré un conflit d'intérêts : vous ne notez pas ce dossier."))
        evaluation, _cree = Evaluation.objects.get_or_create(dossier=dossier, instructeur=request.user)
        if evaluation.soumise:
            raise TransitionInvalide(_("Votre notation est déjà soumise."))
        evaluation.commentaire = form.cleaned_data["commentaire"]
        evaluation.save()
        for critere, note in form.notes().items():
            NoteCritere.objects.update_or_create(evaluation=evaluation, critere=critere, defaults={"note": note})
        evaluation.total = evaluation.calculer_total()
        evaluation.save()
        if form.cleaned_data["soumettre"]:
            evaluation.soumettre()


class Conflit(ActionDossier):
    form_class = f.ConflitForm
    nom_form = "conflit_form"
    succes = _("Conflit d'intérêts déclaré : vous ne noterez pas ce dossier.")

    def agir(self, request, dossier, form):
        if Evaluation.objects.filter(dossier=dossier, instructeur=request.user).exists():
            raise TransitionInvalide(_("Vous avez déjà commencé à noter ce dossier."))
        ConflitInteret.objects.get_or_create(
            dossier=dossier, instructeur=request.user, defaults={"motif": form.cleaned_data["motif"]}
        )


class Annoter(ActionDossier):
    form_class = f.AnnotationForm
    nom_form = "annotation_form"
    succes = _("Annotation ajoutée.")

    def agir(self, request, dossier, form):
        Annotation.objects.create(dossier=dossier, auteur=request.user, texte=form.cleaned_data["texte"])


class Ecrire(ActionDossier):
    roles = (Role.COORDINATION, Role.INSTRUCTEUR, Role.PORTEUR)
    form_class = f.MessageForm
    nom_form = "message_form"
    succes = _("Message envoyé.")

    def autorise(self, request, dossier):
        return dossier.est_porteur(request.user) or dossier.peut_instruire(request.user)

    def agir(self, request, dossier, form):
        if dossier.statut == StatutDossier.BROUILLON:
            raise TransitionInvalide(_("La messagerie avec les instructeurs s'ouvre au dépôt du dossier."))
        message = form.save(commit=False)
        message.dossier = dossier
        message.auteur = request.user
        message.save()
        message.envoyer_apres_commit()


class Audition(ActionDossier):
    nom_form = "audition_form"
    succes = _("Créneau d'audition fixé : le porteur est convoqué.")

    def get_form(self, request, dossier):
        return f.AuditionForm(request.POST, instance=getattr(dossier, "audition", None))

    def agir(self, request, dossier, form):
        d = form.cleaned_data
        dossier.fixer_audition(request.user, d["date"], d["heure"], d["lieu"])


class Proposition(ActionDossier):
    form_class = f.PropositionForm
    nom_form = "proposition_form"
    succes = _("Proposition enregistrée.")

    def agir(self, request, dossier, form):
        d = form.cleaned_data
        dossier.proposer(request.user, d["avis"], d["montant"], d["motif"])


class Decision(ActionDossier):
    roles = (Role.COORDINATION,)
    form_class = f.DecisionForm
    nom_form = "decision_form"
    succes = _("Décision du comité enregistrée.")

    def agir(self, request, dossier, form):
        d = form.cleaned_data
        if d["decision"] == "retenu":
            dossier.retenir(request.user, d["montant_accorde"], d["motif"])
        else:
            dossier.refuser(request.user, d["motif"])


class SansSuite(ActionDossier):
    roles = (Role.COORDINATION, Role.PORTEUR)
    nom_form = "sans_suite_form"
    succes = _("Dossier classé sans suite.")

    def autorise(self, request, dossier):
        return dossier.est_porteur(request.user) or request.user.is_coordination

    def get_form(self, request, dossier):
        return (f.MotifFacultatifForm if dossier.est_porteur(request.user) else f.MotifForm)(request.POST)

    def agir(self, request, dossier, form):
        dossier.classer_sans_suite(request.user, form.cleaned_data["motif"])


class Reouvrir(ActionDossier):
    roles = (Role.COORDINATION,)
    form_class = f.MotifForm
    nom_form = "reouvrir_form"
    succes = _("Décision rouverte.")

    def agir(self, request, dossier, form):
        dossier.reouvrir(request.user, form.cleaned_data["motif"])


class ConventionVue(ActionDossier):
    roles = (Role.COORDINATION,)
    nom_form = "convention_form"
    succes = _("Convention enregistrée.")

    def get_form(self, request, dossier):
        return f.ConventionForm(request.POST, request.FILES, instance=getattr(dossier, "convention", None))

    def agir(self, request, dossier, form):
        if dossier.statut != StatutDossier.RETENU:
            raise TransitionInvalide(_("Une convention ne concerne qu'un dossier retenu."))
        convention = form.save(commit=False)
        convention.dossier = dossier
        convention.enregistree_par = request.user
        convention.save()


class VersementVue(ActionDossier):
    roles = (Role.COORDINATION,)
    nom_form = "versement_form"
    succes = _("Versement enregistré.")

    def get_form(self, request, dossier):
        return f.VersementForm(request.POST, dossier=dossier)

    def agir(self, request, dossier, form):
        if dossier.statut != StatutDossier.RETENU:
            raise TransitionInvalide(_("Un versement ne concerne qu'un dossier retenu."))
        versement = form.save(commit=False)
        versement.dossier = dossier
        versement.enregistre_par = request.user
        versement.save()
