"""The step catalogue, kept by coordination. A type already used is deactivated, never deleted."""

from django.contrib import messages
from django.contrib.messages.views import SuccessMessageMixin
from django.db import transaction
from django.db.models import Count, OuterRef, ProtectedError, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, ListView, UpdateView

from accounts.permissions import RoleRequiredMixin, role_required

from ..forms import EtapeTypeForm
from ..models import CategorieEtape, EtapeType

TRIS = {"libelle": ("libelle",), "categorie": ("categorie", "libelle"), "usage": ("-nb_etapes", "libelle")}


class CatalogueListView(RoleRequiredMixin, ListView):
    allowed_roles = ("coordination",)
    template_name = "partners/catalogue.html"
    context_object_name = "types"
    paginate_by = 25

    def get_queryset(self):
        # Structures counted by a subquery: joined with the steps in the same GROUP BY, every step
        # of a type would be multiplied by every structure offering it.
        offres = (
            EtapeType.structures.through.objects.filter(etapetype=OuterRef("pk"))
            .order_by()
            .values("etapetype")
            .annotate(n=Count("pk"))
        )
        queryset = EtapeType.objects.annotate(
            nb_etapes=Count("etapes"), nb_structures=Coalesce(Subquery(offres.values("n")), 0)
        )
        categorie = self.request.GET.get("categorie", "")
        if categorie in CategorieEtape.values:
            queryset = queryset.filter(categorie=categorie)
        actif = self.request.GET.get("actif", "")
        if actif in ("oui", "non"):
            queryset = queryset.filter(actif=actif == "oui")
        tri = self.request.GET.get("tri", "")
        ordre = TRIS.get(tri.removeprefix("-"), TRIS["categorie"])
        if tri.startswith("-") and tri[1:] in TRIS:
            ordre = tuple(champ[1:] if champ.startswith("-") else f"-{champ}" for champ in ordre)
        return queryset.order_by(*ordre, "id")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "categories": CategorieEtape.choices,
            "categorie": self.request.GET.get("categorie", ""),
            "actif": self.request.GET.get("actif", ""),
            "tri": self.request.GET.get("tri", ""),
        }


class EtapeTypeFormMixin(RoleRequiredMixin, SuccessMessageMixin):
    allowed_roles = ("coordination",)
    model = EtapeType
    form_class = EtapeTypeForm
    template_name = "partners/etapetype_form.html"
    success_url = reverse_lazy("partners:catalogue")
    success_message = gettext_lazy("Le type d'étape « %(libelle)s » est enregistré.")


class EtapeTypeCreateView(EtapeTypeFormMixin, CreateView):
    pass


class EtapeTypeUpdateView(EtapeTypeFormMixin, UpdateView):
    pass


@require_POST
@role_required("coordination")
def etapetype_activer(request, pk):
    etape_type = get_object_or_404(EtapeType, pk=pk)
    etape_type.actif = not etape_type.actif
    etape_type.save(update_fields=["actif"])
    if etape_type.actif:
        messages.success(request, _("« %(libelle)s » est réactivé.") % {"libelle": etape_type})
    else:
        messages.success(
            request,
            _("« %(libelle)s » est désactivé : il ne peut plus être proposé, les étapes existantes restent.")
            % {"libelle": etape_type},
        )
    return redirect("partners:catalogue")


@require_POST
@role_required("coordination")
def etapetype_supprimer(request, pk):
    etape_type = get_object_or_404(EtapeType, pk=pk)
    try:
        with transaction.atomic():
            etape_type.delete()
    except ProtectedError:
        messages.error(
            request,
            _("« %(libelle)s » est utilisé par des étapes : il ne peut pas être supprimé, désactivez-le.")
            % {"libelle": etape_type},
        )
    else:
        messages.success(request, _("« %(libelle)s » est supprimé.") % {"libelle": etape_type})
    return redirect("partners:catalogue")
