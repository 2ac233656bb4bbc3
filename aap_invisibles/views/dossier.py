"""The dossier page shared by applicant, instructors and coordination, and the actions posted from it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from accounts.audit import log_access

from .. import forms as f
from ..affichage import champs_section, copie_lisible
from ..models import (
    SECTIONS_CERFA,
    ConflitInteret,
    Evaluation,
    StatutDossier,
)
from ..models.choices import STATUTS_AVANT_DECISION
from .base import dossier_visible, telecharger


def contexte_dossier(request, dossier, **formulaires):
    """Everything the dossier page shows, according to who looks: annotations and scores never to the applicant."""
    user = request.user
    est_porteur = dossier.est_porteur(user)
    instruit = not est_porteur and dossier.peut_instruire(user)
    sections = [
        {
            "section": s,
            "valeurs": champs_section(dossier, s),
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
        voit_notes, score = dossier.notes_pour(user)
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
            score=score,
            conflits=list(dossier.conflits.select_related("instructeur")) if voit_notes else [],
            copie=copie_lisible(dossier.copie_deposee),
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
