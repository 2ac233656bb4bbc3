"""Coordination edits structures, their contacts and their offers of steps."""

from django.contrib import messages
from django.contrib.messages.views import SuccessMessageMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, UpdateView

from accounts.permissions import RoleRequiredMixin, role_required

from ..forms import ContactForm, OffresForm, StructureForm
from ..models import Contact, Structure


class StructureFormMixin(RoleRequiredMixin, SuccessMessageMixin):
    allowed_roles = ("coordination",)
    model = Structure
    form_class = StructureForm
    template_name = "partners/structure_form.html"

    def get_success_url(self):
        return reverse("partners:detail", kwargs={"pk": self.object.pk})


class StructureCreateView(StructureFormMixin, CreateView):
    success_message = gettext_lazy("La structure « %(nom)s » est créée.")


class StructureUpdateView(StructureFormMixin, UpdateView):
    success_message = gettext_lazy("La structure « %(nom)s » est modifiée.")


class ContactFormMixin(RoleRequiredMixin, SuccessMessageMixin):
    allowed_roles = ("coordination",)
    model = Contact
    form_class = ContactForm
    template_name = "partners/contact_form.html"
    success_message = gettext_lazy("Le contact est enregistré.")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "structure": self.structure}

    def get_success_url(self):
        return reverse("partners:detail", kwargs={"pk": self.structure.pk})


class ContactCreateView(ContactFormMixin, CreateView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.has_role(*self.allowed_roles):
            self.structure = get_object_or_404(Structure, pk=kwargs["structure_pk"])
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.structure = self.structure
        return super().form_valid(form)


class ContactUpdateView(ContactFormMixin, UpdateView):
    def get_object(self, queryset=None):
        contact = get_object_or_404(Contact.objects.select_related("structure"), pk=self.kwargs["pk"])
        self.structure = contact.structure
        return contact


@require_POST
@role_required("coordination")
def contact_supprimer(request, pk):
    contact = get_object_or_404(Contact, pk=pk)
    structure_pk = contact.structure_id
    contact.delete()
    messages.success(request, _("Le contact « %(nom)s » est supprimé.") % {"nom": contact})
    return redirect("partners:detail", pk=structure_pk)


@role_required("coordination")
def offres(request, pk):
    structure = get_object_or_404(Structure, pk=pk)
    form = OffresForm(request.POST or None, structure=structure)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("Les étapes proposées par %(structure)s sont enregistrées.") % {"structure": structure}
        )
        return redirect("partners:detail", pk=structure.pk)
    return render(request, "partners/offres_form.html", {"structure": structure, "form": form})
