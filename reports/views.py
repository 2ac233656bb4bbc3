"""Pages of the reports: list, request, detail, progress fragment, download, coordination dashboard."""

import io

from django.contrib import messages
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from accounts.audit import log_access
from accounts.permissions import role_required
from plie_portal.session import no_session_refresh

from . import services
from .dashboard import tableau_de_bord_contexte
from .kinds import get_kind, kinds_for
from .models import Rapport, StatutRapport

TRIS = {
    "date": ("cree_le", "id"),
    "-date": ("-cree_le", "-id"),
    "type": ("type", "-cree_le", "-id"),
    "-type": ("-type", "-cree_le", "-id"),
    "statut": ("statut", "-cree_le", "-id"),
    "-statut": ("-statut", "-cree_le", "-id"),
}


class ListeRapports(ListView):
    """Every role: the reports the person asked for (coordination: also the monthly reports)."""

    template_name = "reports/liste.html"
    context_object_name = "rapports"
    paginate_by = 25

    def get_tri(self):
        tri = self.request.GET.get("tri", "-date")
        return tri if tri in TRIS else "-date"

    def get_queryset(self):
        return Rapport.objects.visible_to(self.request.user).select_related("demandeur").order_by(*TRIS[self.get_tri()])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tri"] = self.get_tri()
        context["types_generaux"] = [kind for kind in kinds_for(self.request.user) if not kind.objet_param]
        context["types_objets"] = [kind for kind in kinds_for(self.request.user) if kind.objet_param]
        return context


class DetailRapport(DetailView):
    template_name = "reports/detail.html"
    context_object_name = "rapport"

    def get_queryset(self):
        return Rapport.objects.visible_to(self.request.user).select_related("demandeur")


@require_GET
@no_session_refresh
def etat(request, pk):
    """The progress fragment polled every 2 s by HTMX; marked as polling so that it never extends
    the session (plie_portal.session): an abandoned page must not keep a session alive."""
    rapport = get_object_or_404(Rapport.objects.visible_to(request.user), pk=pk)
    if not request.htmx:
        return redirect(rapport)
    return render(request, "reports/includes/etat.html", {"rapport": rapport})


def demander(request, type):
    """Ask for a document of a kind: 403 for a role that never asks for it, 404 for an object
    outside the requester's scope. POST creates the report and enqueues it after commit."""
    kind = get_kind(type)
    if kind is None:
        raise Http404
    kind.check_role(request.user)
    donnees = request.POST if request.method == "POST" else request.GET
    # The object the document is about, within the requester's scope (404 otherwise).
    objet = kind.objet(request.user, {kind.objet_param: donnees.get(kind.objet_param)}) if kind.objet_param else None
    if request.method == "POST":
        form = kind.form_class(request.POST, user=request.user)
        if objet is not None and not kind.disponible_pour(objet):
            # Said now, rather than by a report that fails in the background.
            form.add_error(None, kind.message_indisponible)
        if form.is_valid():
            parametres = form.parametres()
            kind.check_scope(request.user, parametres)
            rapport = services.demander(request.user, kind, parametres)
            messages.success(request, _("Votre demande est enregistrée : le document est en cours de production."))
            return redirect(rapport)
    else:
        form = kind.form_class(initial={kind.objet_param: objet.pk} if objet else None, user=request.user)
    return render(request, "reports/demander.html", {"kind": kind, "form": form, "objet": objet})


# Files up to this size are read in one go, so that no file handle outlives an unread response;
# bigger ones are streamed from storage.
TAILLE_EN_MEMOIRE = 8 * 1024 * 1024


def ouvrir(fichier):
    if fichier.size <= TAILLE_EN_MEMOIRE:
        with fichier.open("rb") as source:
            return io.BytesIO(source.read())
    return fichier.open("rb")


@require_GET
def telecharger(request, pk):
    """Stream the file of one's own finished report, and record the download in the access log."""
    rapport = get_object_or_404(
        Rapport.objects.visible_to(request.user), pk=pk, statut=StatutRapport.TERMINE, expire_le__gt=timezone.now()
    )
    if not rapport.fichier or not rapport.fichier.storage.exists(rapport.fichier.name):
        raise Http404
    kind = rapport.kind
    if kind is None or not kind.encore_permis(request.user, rapport):
        raise Http404
    log_access(request, "telechargement", **kind.journal(rapport))
    Rapport.objects.filter(pk=rapport.pk).update(telechargements=F("telechargements") + 1)
    return FileResponse(
        ouvrir(rapport.fichier),
        as_attachment=True,
        filename=rapport.nom_fichier or rapport.fichier.name.rsplit("/", 1)[-1],
        content_type=kind.content_type,
    )


@require_GET
@role_required("coordination")
def tableau_de_bord(request):
    """Coordination: indicators against the year's objectives, charts, monthly reports."""
    return render(request, "reports/tableau_de_bord.html", tableau_de_bord_contexte(request.user))
