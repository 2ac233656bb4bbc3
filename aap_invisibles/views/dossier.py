"""The dossier page shared by applicant, instructors and coordination, and the actions posted from it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from accounts.audit import log_access
from accounts.models import Role
from plie_portal.fichiers import telecharger

from .. import forms as f
from ..affichage import champs_section, copie_lisible
from ..models import (
    SECTIONS_CERFA,
    ConflitInteret,
    Evaluation,
    StatutDossier,
    TypePiece,
)
from .base import ROLES_DOSSIER, dossier_visible

# What an outside expert never reads: the bank details (section 7) and the bank statement (RIB).
SECTIONS_HORS_AVIS = {"7"}
PIECES_HORS_AVIS = {TypePiece.RIB}


def contenu_dossier(dossier, pour_expert=False):
    """The Cerfa as submitted, for whoever reads it (the dossier page, the expert's page without
    the bank details)."""
    sections = [s for s in SECTIONS_CERFA if not (pour_expert and s.code in SECTIONS_HORS_AVIS)]
    pieces = dossier.pieces.exclude(type_piece__in=PIECES_HORS_AVIS) if pour_expert else dossier.pieces.all()
    return {
        "dossier": dossier,
        "sections": [
            {"section": s, "valeurs": champs_section(dossier, s), "manquants": dossier.manquants_section(s.code)}
            for s in sections
        ],
        "modifiables": [],
        "budget": dossier.lignes_budget_par_compte(),
        "eps": getattr(dossier, "consultation_eps", None),
        "pieces": list(pieces),
    }


def contexte_dossier(request, dossier, **formulaires):
    """Everything the dossier page shows, according to who looks: annotations and scores never to the applicant."""
    user = request.user
    est_porteur = dossier.est_porteur(user)
    instruit = not est_porteur and dossier.peut_instruire(user)
    ctx = {
        **contenu_dossier(dossier),
        "est_porteur": est_porteur,
        "instruit": instruit,
        "est_coordination": user.is_coordination,
        "modifiables": dossier.sections_modifiables() if est_porteur else [],
        "fil": list(dossier.messages.select_related("auteur")),
        "transitions": list(dossier.transitions.select_related("par")),
        "correction": dossier.correction_en_attente(),
        "audition": getattr(dossier, "audition", None),
        "convention": getattr(dossier, "convention", None),
        "versements": list(dossier.versements.all()),
        "S": StatutDossier,
        "message_form": formulaires.get("message_form") or f.MessageForm(),
    }
    actions = dossier.actions_possibles(user)
    ctx["actions"] = actions

    def formulaire(action, nom, fabrique):
        if action in actions:
            ctx[nom] = formulaires.get(nom) or fabrique()

    formulaire("repondre_correction", "reponse_form", f.ReponseCorrectionForm)
    formulaire("orienter", "orientation_form", f.OrientationForm)
    if est_porteur and dossier.statut == StatutDossier.RETENU:
        ctx["orientations"] = list(dossier.orientations.select_related("parcours__participant"))
    formulaire("sans_suite", "sans_suite_form", f.MotifFacultatifForm if est_porteur else f.MotifForm)
    if instruit:
        ma_eval = Evaluation.objects.filter(dossier=dossier, instructeur=user).prefetch_related("notes").first()
        voit_notes, score = dossier.notes_pour(user)
        ctx.update(
            annotations=list(dossier.annotations.select_related("auteur")),
            ma_eval=ma_eval,
            mon_conflit=ConflitInteret.objects.filter(dossier=dossier, instructeur=user).first(),
            voit_notes=voit_notes,
            evaluations=(
                list(dossier.evaluations.filter(soumise=True).select_related("instructeur")) if voit_notes else []
            ),
            score=score,
            conflits=list(dossier.conflits.select_related("instructeur")) if voit_notes else [],
            copie=copie_lisible(dossier.copie_deposee),
        )
        formulaire("annoter", "annotation_form", f.AnnotationForm)
        ctx["etiquettes"] = list(dossier.etiquettes.all())
        ctx["demandes_avis"] = list(dossier.demandes_avis.select_related("expert", "demandee_par"))
        formulaire("demander_avis", "avis_form", f.DemandeAvisForm)
        formulaire("etiqueter", "etiquettes_form", lambda: f.EtiquettesDossierForm(dossier=dossier))
        formulaire(
            "noter",
            "evaluation_form",
            lambda: f.EvaluationForm(criteres=list(dossier.appel.criteres.all()), evaluation=ma_eval),
        )
        formulaire("conflit", "conflit_form", f.ConflitForm)
        formulaire("recevabilite", "recevabilite_form", f.RecevabiliteForm)
        formulaire("correction", "correction_form", f.CorrectionForm)
        formulaire("audition", "audition_form", lambda: f.AuditionForm(instance=ctx["audition"]))
        formulaire(
            "proposition",
            "proposition_form",
            lambda: f.PropositionForm(
                initial={"avis": dossier.proposition_avis, "montant": dossier.proposition_montant}
            ),
        )
        formulaire(
            "decision",
            "decision_form",
            lambda: f.DecisionForm(initial={"montant_accorde": dossier.proposition_montant}),
        )
        if "decision" in actions:
            ctx["reste"] = dossier.appel.reste_a_allouer()
        formulaire("reouvrir", "reouvrir_form", f.MotifForm)
        formulaire("convention", "convention_form", lambda: f.ConventionForm(instance=ctx["convention"]))
        formulaire("versement", "versement_form", lambda: f.VersementForm(dossier=dossier))
    # Several forms share field names (texte, motif…): each gets its own ids, so that every label
    # points at its own field (issue 15: the "Message" label focused the private annotation).
    for nom, valeur in ctx.items():
        if nom.endswith("_form") and hasattr(valeur, "auto_id"):
            valeur.auto_id = f"{nom.removesuffix('_form')}-%s"
    return ctx


@require_GET
def dossier(request, pk):
    """The dossier page for everyone allowed (instruction never sees drafts)."""
    objet = dossier_visible(request, pk)
    return render(request, "aap_invisibles/dossier.html", contexte_dossier(request, objet))


@require_GET
def dossier_fichier(request, pk, nature, objet):
    """Download a file of a dossier (attachment, EPS proof, message attachment, convention, expert
    opinion) after the scope check; an expert reads the attachments, the EPS proof and their own opinion."""
    dossier = dossier_visible(request, pk, *ROLES_DOSSIER, Role.EXPERT)
    if request.user.is_expert and nature not in ("piece", "eps", "avis"):
        raise Http404
    if nature == "avis":
        demandes = dossier.demandes_avis.exclude(piece_jointe="")
        if not dossier.peut_instruire(request.user):
            demandes = demandes.filter(expert=request.user)
        fichier = get_object_or_404(demandes, pk=objet).piece_jointe
    elif nature == "piece":
        pieces = dossier.pieces.exclude(type_piece__in=PIECES_HORS_AVIS) if request.user.is_expert else dossier.pieces
        fichier = get_object_or_404(pieces, pk=objet).fichier
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
