"""The partner directory: list and structure page, read-only except for coordination."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from accounts.permissions import RoleRequiredMixin

from ..filters import StructureFilter
from ..models import EtapeType, Structure
from ..panneaux import panneaux_de

ROLES_ANNUAIRE = ("coordination", "referent", "partenaire", "instructeur")


class StructureListView(RoleRequiredMixin, ListView):
    allowed_roles = ROLES_ANNUAIRE
    template_name = "partners/liste.html"
    context_object_name = "structures"
    paginate_by = 25

    def get_queryset(self):
        base = (
            Structure.objects.visible_to(self.request.user)
            .select_related("commune")
            .prefetch_related(Prefetch("offres", queryset=EtapeType.objects.order_by("categorie", "libelle")))
        )
        self.filterset = StructureFilter(self.request.GET or None, queryset=base, user=self.request.user)
        queryset = self.filterset.qs
        if not self.request.GET.get("tri"):
            queryset = queryset.order_by("nom", "id")
        return queryset

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "filtre": self.filterset, "tri": self.request.GET.get("tri", "")}


class StructureDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = ROLES_ANNUAIRE
    template_name = "partners/detail.html"
    context_object_name = "structure"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Structure.objects.visible_to(self.request.user).select_related("commune"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        structure = self.object
        context["contacts"] = structure.contacts.all()
        context["offres"] = structure.offres.order_by("categorie", "libelle")
        if self.request.user.is_coordination:
            context["utilisateurs"] = structure.utilisateurs.order_by("last_name", "first_name", "email")
        context["panneaux"] = panneaux_de(structure, self.request.user)
        return context
