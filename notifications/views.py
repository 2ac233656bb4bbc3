"""The user's notifications: list, mark read, preferences. Each user sees only their own."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView

from plie_portal.redirections import adresse_suivante

from .forms import PreferencesForm
from .models import Canal, Notification


class NotificationListView(ListView):
    template_name = "notifications/liste.html"
    paginate_by = 25
    context_object_name = "notifications"

    def get_queryset(self):
        queryset = Notification.objects.de(self.request.user)
        if self.request.GET.get("filtre") == "non_lues":
            queryset = queryset.non_lues()
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filtre"] = self.request.GET.get("filtre", "")
        return context


@require_POST
def marquer_lue(request, pk):
    notification = get_object_or_404(Notification.objects.de(request.user), pk=pk)
    if notification.lue_le is None:
        notification.lue_le = timezone.now()
        notification.save(update_fields=["lue_le"])
    return redirect(adresse_suivante(request, "suivant") or "notifications:liste")


@require_POST
def tout_marquer_lu(request):
    nombre = Notification.objects.de(request.user).marquer_lues()
    messages.success(
        request,
        ngettext("%(n)d notification marquée comme lue.", "%(n)d notifications marquées comme lues.", nombre)
        % {"n": nombre},
    )
    return redirect("notifications:liste")


class PreferencesView(FormView):
    template_name = "notifications/preferences.html"
    form_class = PreferencesForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "canaux": list(Canal)}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Vos préférences de notification sont enregistrées."))
        return redirect("notifications:preferences")
