"""Bulk actions of the instruction dashboard: a message to each selected applicant (in each
dossier's thread), a label, consecutive hearing slots. Chosen on the dashboard, confirmed on a page
that gives the count and the dossiers left out (with the reason), then applied through each
dossier's own rule (`models/actions.py`), as from the dossier page."""

import datetime

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..forms.lot import ACTIONS_LOT, FORMULAIRES_LOT, EtiquetteLotForm
from ..models import AppelAProjets, Dossier, Message
from .base import ROLES_INSTRUCTION, exiger_role


def _formulaire(action, donnees, dossiers):
    options = (
        {"appels": AppelAProjets.objects.filter(dossiers__in=dossiers).distinct()} if action == "etiqueter" else {}
    )
    return FORMULAIRES_LOT[action](donnees, **options)


def _appliquer(action, dossier, user, donnees, rang):
    """One dossier's share of the bulk action (its rule already checked)."""
    if action == "ecrire":
        message = Message.objects.create(dossier=dossier, auteur=user, objet=donnees["objet"], texte=donnees["texte"])
        message.envoyer_apres_commit()
    elif action == "etiqueter":
        if donnees["etiquette"].appel_id == dossier.appel_id:
            dossier.etiquettes.add(donnees["etiquette"])
    else:
        debut = datetime.datetime.combine(donnees["date"], donnees["debut"])
        heure = (debut + datetime.timedelta(minutes=donnees["duree"] * rang)).time()
        dossier.fixer_audition(user, donnees["date"], heure, donnees["lieu"])


@require_POST
def lot(request):
    """`/aap/instruction/lot/`: the confirmation page, then (with `confirmer`) the action itself."""
    exiger_role(request, *ROLES_INSTRUCTION)
    action = request.POST.get("action", "")
    ids = [i for i in request.POST.getlist("dossiers") if i.isdigit()]
    if action not in FORMULAIRES_LOT or not ids:
        messages.error(request, _("Cochez au moins un dossier et choisissez une action."))
        return redirect("aap_invisibles:instruction")
    # Only the dossiers the user instructs: an id from elsewhere is simply not found.
    dossiers = list(
        Dossier.objects.visible_to(request.user).filter(pk__in=ids).select_related("appel", "porteur").order_by("id")
    )
    retenus, ecartes = [], []
    for dossier in dossiers:
        refus = dossier.refus(action, request.user)
        (ecartes if refus else retenus).append((dossier, refus[1] if refus else ""))
    form = _formulaire(action, request.POST if "confirmer" in request.POST else None, [d for d, _r in retenus])
    if action == "audition" and form.is_bound and form.is_valid():
        d = form.cleaned_data
        fin = datetime.datetime.combine(d["date"], d["debut"]) + datetime.timedelta(minutes=d["duree"] * len(retenus))
        if fin.date() != d["date"]:
            form.add_error("debut", _("Les auditions dépasseraient minuit : commencez plus tôt ou raccourcissez-les."))
    if "confirmer" in request.POST and retenus and form.is_valid():
        if action == "etiqueter":
            # A label belongs to one call: the dossiers of another call keep theirs.
            retenus = [(d, r) for d, r in retenus if d.appel_id == form.cleaned_data["etiquette"].appel_id]
        with transaction.atomic():
            for rang, (dossier, _refus) in enumerate(retenus):
                _appliquer(action, dossier, request.user, form.cleaned_data, rang)
        messages.success(
            request,
            ngettext("%(n)d dossier traité : %(action)s.", "%(n)d dossiers traités : %(action)s.", len(retenus))
            % {"n": len(retenus), "action": dict(ACTIONS_LOT)[action].lower()},
        )
        return redirect("aap_invisibles:instruction")
    contexte = {
        "action": action,
        "libelle": dict(ACTIONS_LOT)[action],
        "form": form,
        "retenus": retenus,
        "ecartes": ecartes,
        "sans_etiquette": action == "etiqueter"
        and isinstance(form, EtiquetteLotForm)
        and not form.fields["etiquette"].queryset.exists(),
    }
    return render(request, "aap_invisibles/lot.html", contexte, status=400 if "confirmer" in request.POST else 200)
