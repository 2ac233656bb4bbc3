"""Coordination's pages of the FSE+ operations: the list with each one's data quality, an
operation's page (indicators of its period, participations to complete), creation and editing,
and the bulk reassignment of participations (with history)."""

import secrets

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_update_with_history

from accounts.audit import log_access
from accounts.permissions import role_required

from ..forms import PeriodeForm
from ..indicators import calculer_indicateurs, lignes
from ..models import Conclusion, ControleServiceFait, LigneControle, Operation, Parcours
from ..models.operations import SEUIL_QUALITE
from .controles import constats
from .forms import ControleForm, FiltreRattachementForm, OperationForm, RattachementForm

TRIS = {
    "code": ("code",),
    "-code": ("-code",),
    "debut": ("date_debut", "code"),
    "-debut": ("-date_debut", "code"),
    "structure": ("structure__nom", "code"),
    "-structure": ("-structure__nom", "code"),
}


def sans_operation():
    """The entered participations that count for no operation (listed on coordination's pages)."""
    return Parcours.objects.filter(operation=None, date_entree__isnull=False)


@role_required("coordination")
def liste(request):
    """Every operation with its planned and realised participants and its data quality."""
    tri = request.GET.get("tri") if request.GET.get("tri") in TRIS else "-debut"
    operations = Operation.objects.select_related("structure").avec_qualite().order_by(*TRIS[tri])
    page = Paginator(operations, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "parcours/operations/liste.html",
        {
            "page_obj": page,
            "operations": page.object_list,
            "tri": tri,
            "sans_operation": sans_operation().count(),
            "seuil": SEUIL_QUALITE,
        },
    )


@role_required("coordination")
def detail(request, pk):
    """An operation: its characteristics, the FSE+ indicators of a period (its own by default) and
    the participations whose FSE+ data is incomplete, to complete."""
    operation = get_object_or_404(Operation.objects.select_related("structure").avec_qualite(), pk=pk)
    defaut = {"debut": operation.date_debut, "fin": operation.date_fin}
    form = PeriodeForm(request.GET if "debut" in request.GET else None, initial=defaut)
    periode = (form.cleaned_data if form.is_valid() else None) if form.is_bound else defaut
    indicateurs = None
    if periode:
        indicateurs = lignes(calculer_indicateurs(periode["debut"], periode["fin"], operation.parcours.all()))
    incompletes = (
        operation.parcours.filter(date_entree__isnull=False)
        .a_completer()
        .select_related("participant")
        .prefetch_related("pieces__document")
        .order_by("participant__nom", "participant__prenom", "pk")
    )
    page = Paginator(incompletes, 25).get_page(request.GET.get("page"))
    controle = ControleForm(
        prefix="controle", initial={"debut": operation.date_debut, "fin": operation.date_fin, "pourcentage": 5}
    )
    return render(
        request,
        "parcours/operations/detail.html",
        {
            "controle": controle,
            "controles": operation.controles.select_related("cree_par")[:10],
            "operation": operation,
            "form": form,
            "periode": periode,
            "indicateurs": indicateurs,
            "page_obj": page,
            "incompletes": page.object_list,
            "seuil": SEUIL_QUALITE,
        },
    )


def _enregistrer(request, form, message):
    operation = form.save(commit=False)
    operation._history_user = request.user
    nouvelle = operation._state.adding
    operation.save()
    messages.success(request, message)
    if nouvelle:
        rattachees = operation.parcours.count()
        if rattachees:
            messages.info(
                request,
                ngettext(
                    "%(n)d participation sans opération qu'elle couvre y a été rattachée.",
                    "%(n)d participations sans opération qu'elle couvre y ont été rattachées.",
                    rattachees,
                )
                % {"n": rattachees},
            )
    return redirect("parcours:operation", operation.pk)


@role_required("coordination")
def creer(request):
    form = OperationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _enregistrer(request, form, _("Opération créée."))
    return render(request, "parcours/operations/form.html", {"form": form, "operation": None})


@role_required("coordination")
def modifier(request, pk):
    operation = get_object_or_404(Operation, pk=pk)
    form = OperationForm(request.POST or None, instance=operation)
    if request.method == "POST" and form.is_valid():
        return _enregistrer(request, form, _("Opération enregistrée."))
    return render(request, "parcours/operations/form.html", {"form": form, "operation": operation})


@role_required("coordination")
def rattacher(request):
    """Reassign participations in bulk: filter, tick, choose the operation, confirm the count.
    Each change is kept in the participation's history with who made it."""
    filtre = FiltreRattachementForm(request.GET or None)
    parcours = (
        Parcours.objects.filter(date_entree__isnull=False)
        .select_related("participant", "operation", "referent__structure")
        .order_by("participant__nom", "participant__prenom", "pk")
    )
    if filtre.is_bound and filtre.is_valid():
        parcours = filtre.filtrer(parcours)
    form = RattachementForm(request.POST or None, parcours=parcours)
    if request.method == "POST" and form.is_valid():
        choisis, vers = list(form.cleaned_data["parcours"]), form.cleaned_data["vers"]
        if not form.cleaned_data["confirme"]:
            return render(
                request,
                "parcours/operations/rattacher_confirmer.html",
                {"form": form, "choisis": choisis, "vers": vers},
            )
        motif = _("Rattachement à l'opération %(code)s") % {"code": vers.code}
        with transaction.atomic():
            for p in choisis:
                p.operation = vers
            bulk_update_with_history(
                choisis, Parcours, ["operation"], batch_size=500, default_user=request.user, default_change_reason=motif
            )
        messages.success(
            request,
            ngettext(
                "%(n)d participation rattachée à l'opération %(code)s.",
                "%(n)d participations rattachées à l'opération %(code)s.",
                len(choisis),
            )
            % {"n": len(choisis), "code": vers.code},
        )
        return redirect("parcours:operation", vers.pk)
    page = Paginator(parcours, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "parcours/operations/rattacher.html",
        {"filtre": filtre, "form": form, "page_obj": page, "participations": page.object_list},
    )


@role_required("coordination")
def controler(request, pk):
    """Draw the sample of a contrôle de service fait; each line prefilled with what the portal
    holds (proofs, interviews, attendance), for the controller to confirm."""
    operation = get_object_or_404(Operation, pk=pk)
    form = ControleForm(request.POST or None, prefix="controle")
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            controle = form.save(commit=False)
            controle.operation, controle.cree_par = operation, request.user
            if controle.graine is None:
                controle.graine = secrets.randbelow(10**9) + 1
            controle.save()
            lignes = constats(controle.tirer())
            LigneControle.objects.bulk_create([LigneControle(controle=controle, **ligne) for ligne in lignes])
        messages.success(
            request,
            ngettext("%(n)d participation tirée.", "%(n)d participations tirées.", len(lignes)) % {"n": len(lignes)},
        )
        return redirect("parcours:controle", controle.pk)
    for erreur in form.non_field_errors() + [e for champ in form.errors.values() for e in champ]:
        messages.error(request, erreur)
    return redirect("parcours:operation", operation.pk)


@role_required("coordination")
def controle(request, pk):
    """A sample: each participation's checklist and conclusion, saved together; the draw shown
    again from its seed."""
    controle = get_object_or_404(ControleServiceFait.objects.select_related("operation"), pk=pk)
    lignes = list(controle.lignes.select_related("parcours__participant"))
    if request.method == "POST":
        for ligne in lignes:
            for champ in LigneControle.CASES:
                setattr(ligne, champ, f"{champ}-{ligne.pk}" in request.POST)
            ligne.conclusion = request.POST.get(f"conclusion-{ligne.pk}", "")
            if ligne.conclusion not in Conclusion.values:
                ligne.conclusion = ""
            ligne.commentaire = request.POST.get(f"commentaire-{ligne.pk}", "")[:2000]
        LigneControle.objects.bulk_update(lignes, [*LigneControle.CASES, "conclusion", "commentaire"])
        log_access(request, "modification", controle)
        messages.success(request, _("Contrôle enregistré."))
        return redirect("parcours:controle", controle.pk)
    # The checklist names the people sampled and what their file holds: consulted like a record.
    log_access(request, "consultation", controle)
    refait = controle.tirer() == sorted(ligne.parcours_id for ligne in lignes)
    return render(
        request,
        "parcours/operations/controle.html",
        {"controle": controle, "lignes": lignes, "refait": refait, "conclusions": Conclusion.choices},
    )
