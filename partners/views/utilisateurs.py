"""Coordination manages the accounts of structures without Django admin."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from accounts.models import Role
from accounts.permissions import RoleRequiredMixin, role_required
from plie_portal.filtres import FiltreStrict

from ..forms import InvitationForm, RoleForm
from ..models import Structure
from ..services import envoyer_invitation

User = get_user_model()


class UtilisateurFilter(FiltreStrict):
    q = django_filters.CharFilter(label=gettext_lazy("Nom ou e-mail"), method="filtrer_recherche")
    role = django_filters.ChoiceFilter(
        label=gettext_lazy("Rôle"), choices=Role.choices, empty_label=gettext_lazy("Tous")
    )
    structure = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Structure"), queryset=Structure.objects.all(), empty_label=gettext_lazy("Toutes")
    )
    is_active = django_filters.BooleanFilter(
        label=gettext_lazy("Compte actif"),
        widget=forms.Select(
            choices=[("", gettext_lazy("Tous")), ("true", gettext_lazy("Oui")), ("false", gettext_lazy("Non"))]
        ),
    )
    tri = django_filters.OrderingFilter(
        label=gettext_lazy("Trier par"),
        fields=(("last_name", "nom"), ("email", "email"), ("structure__nom", "structure"), ("last_login", "connexion")),
        empty_label=None,
        null_label=None,
    )

    class Meta:
        model = User
        fields = ["q", "role", "structure", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def filtrer_recherche(self, queryset, name, value):
        condition = Q()
        for mot in value.split():
            condition &= Q(email__icontains=mot) | Q(last_name__icontains=mot) | Q(first_name__icontains=mot)
        return queryset.filter(condition)


class UtilisateurListView(RoleRequiredMixin, ListView):
    allowed_roles = ("coordination",)
    template_name = "partners/utilisateurs.html"
    context_object_name = "utilisateurs"
    paginate_by = 25

    def get_queryset(self):
        base = (
            User.objects.filter(is_superuser=False)
            .select_related("structure")
            .annotate(nb_participants=Count("participants_suivis", distinct=True))
        )
        self.filterset = UtilisateurFilter(self.request.GET or None, queryset=base)
        queryset = self.filterset.qs
        if not self.request.GET.get("tri"):
            queryset = queryset.order_by("last_name", "first_name", "id")
        return queryset

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "filtre": self.filterset, "tri": self.request.GET.get("tri", "")}


def _gerable():
    """Accounts coordination manages here: everybody but the administrators (Django admin)."""
    return User.objects.filter(is_superuser=False).select_related("structure")


@role_required("coordination")
def inviter(request):
    initial = {}
    if request.GET.get("structure", "").isdigit():
        initial["structure"] = request.GET["structure"]
    form = InvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            envoyer_invitation(user, request.build_absolute_uri("/"), request.user)
        messages.success(
            request,
            _("Le compte de %(email)s est créé ; un e-mail l'invite à choisir son mot de passe.")
            % {"email": user.email},
        )
        return redirect(reverse("partners:utilisateurs") + f"?structure={user.structure_id}")
    return render(request, "partners/inviter.html", {"form": form})


@role_required("coordination")
def utilisateur_modifier(request, pk):
    cible = get_object_or_404(_gerable(), pk=pk)
    form = RoleForm(request.POST or None, instance=cible)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le compte de %(user)s est modifié.") % {"user": cible})
        return redirect(reverse("partners:utilisateurs") + f"?structure={cible.structure_id}")
    return render(request, "partners/utilisateur_form.html", {"form": form, "cible": cible})


@require_POST
@role_required("coordination")
def utilisateur_activer(request, pk):
    cible = get_object_or_404(_gerable(), pk=pk)
    if cible == request.user:
        messages.error(request, _("Vous ne pouvez pas désactiver votre propre compte."))
    else:
        cible.is_active = not cible.is_active
        cible.save(update_fields=["is_active"])
        if cible.is_active and not cible.has_usable_password():
            # An account created without a password (by the historical import): activating it
            # invites the person to choose one.
            envoyer_invitation(cible, request.build_absolute_uri("/"), request.user)
            messages.success(
                request,
                _("Le compte de %(email)s est activé ; un e-mail l'invite à choisir son mot de passe.")
                % {"email": cible.email},
            )
        elif cible.is_active:
            messages.success(request, _("Le compte de %(user)s est réactivé.") % {"user": cible})
        else:
            messages.success(request, _("Le compte de %(user)s est désactivé.") % {"user": cible})
    return redirect(reverse("partners:utilisateurs") + f"?structure={cible.structure_id}")
