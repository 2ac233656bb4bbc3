"""Coordination moves a referent's whole caseload to another referent."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import ngettext

from accounts.models import Role
from accounts.permissions import role_required

from ..forms import ReaffectationForm
from ..portefeuille import reaffecter_portefeuille


@role_required("coordination")
def reaffecter(request, pk):
    ancien = get_object_or_404(
        get_user_model().objects.filter(is_superuser=False, role=Role.REFERENT).select_related("structure"), pk=pk
    )
    form = ReaffectationForm(request.POST or None, ancien=ancien)
    if request.method == "POST" and form.is_valid():
        nouveau = form.cleaned_data["nouveau"]
        participants, parcours = reaffecter_portefeuille(ancien, nouveau)
        messages.success(
            request,
            ngettext(
                "%(n)d participant est confié à %(nouveau)s",
                "%(n)d participants sont confiés à %(nouveau)s",
                participants,
            )
            % {"n": participants, "nouveau": nouveau}
            + ngettext(", avec %(p)d parcours ouvert.", ", avec %(p)d parcours ouverts.", parcours) % {"p": parcours},
        )
        return redirect(reverse("partners:utilisateurs") + f"?structure={ancien.structure_id}")
    return render(
        request,
        "parcours/reaffecter.html",
        {"form": form, "ancien": ancien, "nb_participants": ancien.participants_suivis.count()},
    )
