"""Calls managed by coordination: create, edit, publish, postpone, grid, Q&A, documents."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Role

from ..affichage import valeur_affichee
from ..forms import AppelForm, CritereFormSet, DocumentAppelForm, EtiquetteFormSet, QuestionFormSet, ReportForm
from ..models import AppelAProjets, DemandeAdhesion, TransitionInvalide
from ..scdl import sans_siret
from .base import exiger_role, paginer


def _appel(request, pk):
    exiger_role(request, Role.COORDINATION)
    return get_object_or_404(AppelAProjets, pk=pk)


@require_GET
def gestion(request):
    exiger_role(request, Role.COORDINATION)
    appels = AppelAProjets.objects.prefetch_related("instructeurs").order_by("-date_cloture", "id")
    return render(
        request,
        "aap_invisibles/gestion/liste.html",
        {
            "page": paginer(request, appels),
            "demandes_en_attente": DemandeAdhesion.objects.a_decider_par(request.user).count(),
            "sans_siret": list(sans_siret().select_related("porteur", "appel")),
        },
    )


@require_http_methods(["GET", "POST"])
def appel_creer(request):
    exiger_role(request, Role.COORDINATION)
    form = AppelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        appel = form.save()
        messages.success(request, _("Appel créé (brouillon)."))
        return redirect("aap_invisibles:appel_modifier", pk=appel.pk)
    return render(request, "aap_invisibles/gestion/appel_form.html", {"form": form, "appel": None})


@require_http_methods(["GET", "POST"])
def appel_modifier(request, pk):
    appel = _appel(request, pk)
    form = AppelForm(request.POST or None, instance=appel)
    if request.method == "POST" and form.is_valid():
        # Under the row lock the decisions take: no amount can be granted while the envelope moves.
        with transaction.atomic():
            accorde = AppelAProjets.objects.select_for_update().get(pk=appel.pk).montant_accorde_total()
            if form.cleaned_data["budget_total"] < accorde:
                form.add_error(
                    "budget_total",
                    _("L'enveloppe ne peut pas être inférieure aux %(a)s € déjà accordés.")
                    % {"a": valeur_affichee(None, accorde)},
                )
            else:
                form.save()
        if form.is_valid():
            messages.success(request, _("Appel enregistré."))
            return redirect("aap_invisibles:appel_modifier", pk=appel.pk)
    contexte = {"form": form, "appel": appel, "reports": appel.reports.select_related("par")}
    return render(request, "aap_invisibles/gestion/appel_form.html", contexte)


@require_POST
def appel_publier(request, pk):
    appel = _appel(request, pk)
    try:
        if request.POST.get("action") == "decide":
            appel.marquer_decide(request.user)
        else:
            appel.publier(request.user)
    except TransitionInvalide as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Statut de l'appel : %s.") % appel.get_statut_display())
    return redirect("aap_invisibles:appel_modifier", pk=appel.pk)


@require_http_methods(["GET", "POST"])
def appel_reporter(request, pk):
    """Postpone the closing: recorded, and every applicant with a dossier is told (email after commit)."""
    appel = _appel(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                appel.reporter_cloture(request.user, form.cleaned_data["nouvelle_date"], form.cleaned_data["motif"])
        except TransitionInvalide as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Clôture reportée ; les porteurs ayant un dossier sont prévenus."))
            return redirect("aap_invisibles:appel_modifier", pk=appel.pk)
    return render(request, "aap_invisibles/gestion/reporter.html", {"form": form, "appel": appel})


def _formset(request, pk, formset_class, titre, succes, nom_url):
    appel = _appel(request, pk)
    formset = formset_class(request.POST or None, instance=appel, prefix="lignes")
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, succes)
        return redirect(nom_url, pk=appel.pk)
    return render(request, "aap_invisibles/gestion/formset.html", {"formset": formset, "appel": appel, "titre": titre})


@require_http_methods(["GET", "POST"])
def appel_grille(request, pk):
    return _formset(
        request, pk, CritereFormSet, _("Grille de notation"), _("Grille enregistrée."), "aap_invisibles:appel_grille"
    )


@require_http_methods(["GET", "POST"])
def appel_questions(request, pk):
    return _formset(
        request,
        pk,
        QuestionFormSet,
        _("Questions-réponses"),
        _("Questions enregistrées."),
        "aap_invisibles:appel_questions",
    )


@require_POST
def appel_dupliquer(request, pk):
    """Open next year's call from this one (confirmed on the page): a draft to adjust, then publish."""
    copie = _appel(request, pk).dupliquer()
    messages.success(
        request,
        _("« %(titre)s » est créé en brouillon : vérifiez ses dates et ses textes avant de le publier.")
        % {"titre": copie.titre},
    )
    if copie.documents_manquants:
        messages.warning(
            request,
            _("Fichiers introuvables, à déposer de nouveau : %(titres)s.")
            % {"titres": ", ".join(copie.documents_manquants)},
        )
    return redirect("aap_invisibles:appel_modifier", pk=copie.pk)


@require_http_methods(["GET", "POST"])
def appel_etiquettes(request, pk):
    return _formset(
        request,
        pk,
        EtiquetteFormSet,
        _("Étiquettes des dossiers"),
        _("Étiquettes enregistrées."),
        "aap_invisibles:appel_etiquettes",
    )


@require_http_methods(["GET", "POST"])
def appel_documents(request, pk):
    appel = _appel(request, pk)
    form = DocumentAppelForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = form.save(commit=False)
        document.appel = appel
        document.save()
        messages.success(request, _("Document ajouté."))
        return redirect("aap_invisibles:appel_documents", pk=appel.pk)
    return render(
        request,
        "aap_invisibles/gestion/documents.html",
        {"form": form, "appel": appel, "documents": appel.documents.all()},
    )


@require_POST
def appel_document_supprimer(request, pk, document_pk):
    appel = _appel(request, pk)
    document = get_object_or_404(appel.documents, pk=document_pk)
    document.fichier.delete(save=False)
    document.delete()
    messages.success(request, _("Document supprimé."))
    return redirect("aap_invisibles:appel_documents", pk=appel.pk)
