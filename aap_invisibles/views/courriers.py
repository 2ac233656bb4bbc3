"""Coordination writes the letters: list, editor with a preview on a real dossier, history."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import Role

from .. import courriers
from ..forms.courriers import CourrierForm
from ..models import ModeleCourrier
from .base import exiger_role


@require_GET
def liste(request):
    exiger_role(request, Role.COORDINATION)
    modeles = {m.nature: m for m in ModeleCourrier.objects.select_related("modifie_par")}
    lignes = [{"nature": n, "modele": modeles.get(code)} for code, n in courriers.NATURES.items()]
    return render(request, "aap_invisibles/gestion/courriers.html", {"lignes": lignes})


@require_http_methods(["GET", "POST"])
def modifier(request, nature):
    """Edit one letter: "Aperçu" renders the draft on a dossier (or the example) without saving it."""
    exiger_role(request, Role.COORDINATION)
    if nature not in courriers.NATURES:
        raise Http404
    modele = ModeleCourrier.objects.filter(nature=nature).first()
    versions = list(modele.history.select_related("history_user")[:20]) if modele else []
    version = request.GET.get("version")
    initial = {"texte": courriers.texte_courant(nature)}
    if version and version.isdigit() and modele:
        initial["texte"] = get_object_or_404(modele.history, history_id=version).texte
    form = CourrierForm(request.POST or None, initial=initial)
    apercu = None
    if request.method == "POST" and form.is_valid():
        texte, dossier = form.cleaned_data["texte"], form.cleaned_data["dossier"]
        if "apercu" in request.POST:
            try:
                if dossier is None:
                    apercu = courriers.rendre_texte(texte, courriers.exemple())
                else:
                    apercu = courriers.rendre(nature, dossier, texte=texte, decision_le=dossier.statut_le)
            except Exception as erreur:
                form.add_error("texte", _("Aperçu impossible sur ce dossier : %(raison)s.") % {"raison": erreur})
        else:
            ModeleCourrier.objects.update_or_create(
                nature=nature, defaults={"texte": texte, "modifie_par": request.user}
            )
            messages.success(request, _("Courrier enregistré : les prochains documents et messages l'utilisent."))
            return redirect("aap_invisibles:courrier_modifier", nature=nature)
    contexte = {
        "nature": courriers.NATURES[nature],
        "form": form,
        "apercu": apercu,
        "champs": courriers.CHAMPS,
        "versions": versions,
    }
    return render(request, "aap_invisibles/gestion/courrier_form.html", contexte, status=400 if form.errors else 200)
