"""Entry commission (coordination only): sessions, pending orientations decided one by one or in
batch (all or nothing), and the minutes."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.permissions import role_required

from ..choices import DecisionCommission
from ..forms import CompteRenduForm, DecisionsForm, SessionCommissionForm
from ..models import Parcours, SessionCommission, TransitionInvalide

TRIS_SESSIONS = {"date": ("date", "id"), "-date": ("-date", "-id")}
TRIS_ORIENTATIONS = {
    "orientation": ("date_orientation", "id"),
    "-orientation": ("-date_orientation", "-id"),
    "nom": ("participant__nom", "participant__prenom", "id"),
    "-nom": ("-participant__nom", "-participant__prenom", "-id"),
}


def _tri(request, tris, defaut):
    cle = request.GET.get("tri", defaut)
    if cle not in tris:
        cle = defaut
    return cle, tris[cle]


@role_required("coordination")
def liste(request):
    """The sessions of the entry commission and the number of orientations waiting for one."""
    tri, ordre = _tri(request, TRIS_SESSIONS, "-date")
    sessions = (
        SessionCommission.objects.select_related("cree_par").annotate(nb_decisions=Count("parcours")).order_by(*ordre)
    )
    page = Paginator(sessions, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "parcours/commission/liste.html",
        {
            "page_obj": page,
            "sessions": page.object_list,
            "tri": tri,
            "en_attente": Parcours.objects.en_attente_commission().count(),
        },
    )


@role_required("coordination")
def creer(request):
    form = SessionCommissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.cree_par = request.user
        session.save()
        messages.success(request, _("Session de commission créée."))
        return redirect("parcours:commission_detail", pk=session.pk)
    return render(request, "parcours/commission/creer.html", {"form": form})


def _decider(session, par, data):
    """Apply one decision to every selected orientation, all or nothing."""
    decision, motif = data["decision"], data["motif"].strip()
    with transaction.atomic():
        for parcours in data["parcours"]:
            try:
                if decision == DecisionCommission.VALIDEE:
                    parcours.valider(par, data["date_entree"], session=session, motif=motif)
                elif decision == DecisionCommission.REFUSEE:
                    parcours.refuser(par, motif, session=session)
                else:
                    parcours.ajourner(par, motif, session=session)
            except TransitionInvalide as exc:
                raise TransitionInvalide(
                    _("Aucune décision enregistrée. %(participant)s : %(erreur)s")
                    % {"participant": parcours.participant, "erreur": exc.message}
                ) from exc


@role_required("coordination")
def detail(request, pk):
    """A session: pending orientations to decide, decisions taken, minutes."""
    session = get_object_or_404(SessionCommission.objects.select_related("cree_par"), pk=pk)
    tri, ordre = _tri(request, TRIS_ORIENTATIONS, "orientation")
    en_attente = Parcours.objects.en_attente_commission().select_related(
        "participant__commune", "prescripteur", "referent__structure"
    )
    decisions_form = DecisionsForm(en_attente=en_attente)
    compte_rendu_form = CompteRenduForm(instance=session)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "decider":
            decisions_form = DecisionsForm(request.POST, en_attente=en_attente)
            if decisions_form.is_valid():
                try:
                    _decider(session, request.user, decisions_form.cleaned_data)
                except TransitionInvalide as exc:
                    decisions_form.add_error(None, exc.message)
                else:
                    n = len(decisions_form.cleaned_data["parcours"])
                    messages.success(
                        request,
                        ngettext("%(n)d décision enregistrée.", "%(n)d décisions enregistrées.", n) % {"n": n},
                    )
                    return redirect("parcours:commission_detail", pk=session.pk)
        elif action in ("compte_rendu", "generer"):
            donnees = request.POST.copy()
            if action == "generer":
                donnees["compte_rendu"] = session.generer_compte_rendu()
            compte_rendu_form = CompteRenduForm(donnees, instance=session)
            if compte_rendu_form.is_valid():
                compte_rendu_form.save()
                messages.success(request, _("Compte rendu enregistré."))
                return redirect("parcours:commission_detail", pk=session.pk)
    # The funded action that oriented the person, if any (aap_invisibles.OrientationPLIE).
    page = Paginator(en_attente.order_by(*ordre).prefetch_related("orientations_aap__dossier__appel"), 25).get_page(
        request.GET.get("page")
    )
    decisions = session.parcours.select_related("participant", "prescripteur").order_by(
        "participant__nom", "participant__prenom", "id"
    )
    return render(
        request,
        "parcours/commission/detail.html",
        {
            "session": session,
            "page_obj": page,
            "orientations": page.object_list,
            "tri": tri,
            "decisions_form": decisions_form,
            "selection": [str(v) for v in decisions_form["parcours"].value() or []],
            "compte_rendu_form": compte_rendu_form,
            "decisions": decisions,
        },
    )
