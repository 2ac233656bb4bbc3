"""`/participants/`: search, filters, sorting, pagination and XLSX export, all scoped to the user."""

from django.views.generic import ListView

from accounts.permissions import RoleRequiredMixin
from plie_portal.pagination import PaginateurEstime

from ..filters import champs_du_formulaire, participants_filtres
from ..models import voit_colonnes_sensibles

ROLES_PARTICIPANTS = ("coordination", "referent", "partenaire")


class ParticipantListView(RoleRequiredMixin, ListView):
    allowed_roles = ROLES_PARTICIPANTS
    template_name = "participants/liste.html"
    context_object_name = "participants"
    paginate_by = 25
    paginator_class = PaginateurEstime

    def get_queryset(self):
        queryset, self.filtre, self.tri = participants_filtres(self.request.user, self.request.GET)
        return queryset

    def paginate_queryset(self, queryset, page_size):
        """Page the ids first, then read the 25 rows with their annotations: the database would
        otherwise compute every annotation of every matching row before sorting them."""
        paginator, page, ids, autres_pages = super().paginate_queryset(queryset.values_list("pk", flat=True), page_size)
        page.object_list = list(queryset.filter(pk__in=list(ids)))
        return paginator, page, page.object_list, autres_pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filtre=self.filtre,
            champs_filtre=champs_du_formulaire(self.filtre.form),
            q=self.request.GET.get("q", ""),
            tri=self.tri,
            sensible=voit_colonnes_sensibles(self.request.user),
            peut_creer=self.request.user.effective_role in ("coordination", "referent"),
            filtres_actifs=any(v for k, v in self.request.GET.items() if k not in ("page", "tri")),
        )
        return context
