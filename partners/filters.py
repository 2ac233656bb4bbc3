"""Filters of the partner directory (django-filter)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from plie_portal.filtres import FiltreStrict
from territoire.models import Commune

from .models import CategorieEtape, EtapeType, Structure, TypeStructure

OUI_NON = [("oui", _("Oui")), ("non", _("Non"))]


class StructureFilter(FiltreStrict):
    q = django_filters.CharFilter(label=_("Nom ou SIRET"), method="filtrer_recherche")
    type = django_filters.ChoiceFilter(label=_("Type"), choices=TypeStructure.choices, empty_label=_("Tous"))
    commune = django_filters.ModelChoiceFilter(
        label=_("Commune"), queryset=Commune.objects.all(), empty_label=_("Toutes")
    )
    actif = django_filters.ChoiceFilter(
        label=_("Active"), choices=OUI_NON, method="filtrer_actif", empty_label=_("Toutes")
    )
    categorie = django_filters.ChoiceFilter(
        label=_("Catégorie d'étapes proposée"),
        choices=CategorieEtape.choices,
        method="filtrer_categorie",
        empty_label=_("Toutes"),
    )
    tri = django_filters.OrderingFilter(
        label=_("Trier par"),
        fields=(("nom", "nom"), ("type", "type"), ("commune__nom", "commune"), ("modifie_le", "modifie_le")),
        field_labels={"nom": _("Nom"), "type": _("Type"), "commune__nom": _("Commune"), "modifie_le": _("Mise à jour")},
        empty_label=None,
        null_label=None,
    )

    class Meta:
        model = Structure
        fields = ["q", "type", "commune", "actif", "categorie"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.is_coordination:
            # Applicant organisations are out of the directory, except for coordination on demand.
            self.filters["perimetre"] = django_filters.ChoiceFilter(
                label=_("Périmètre"),
                choices=[("tous", _("Toutes les structures")), ("hors_plie", _("Hors partenaires du PLIE"))],
                method="filtrer_perimetre",
                empty_label=_("Partenaires du PLIE"),
            )
            self.filters["perimetre"].model = Structure
            self.filters["perimetre"].field_name = "perimetre"
            self.filters["perimetre"].parent = self
        for field in self.form.fields.values():
            field.widget.attrs.setdefault(
                "class", "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            )

    @property
    def qs(self):
        queryset = super().qs
        if self.user.is_coordination and not getattr(self.form, "cleaned_data", {}).get("perimetre"):
            queryset = queryset.filter(partenaire_plie=True)
        return queryset

    def filtrer_recherche(self, queryset, name, value):
        return queryset.recherche(value)

    def filtrer_actif(self, queryset, name, value):
        return queryset.filter(actif=value == "oui")

    def filtrer_categorie(self, queryset, name, value):
        offres = EtapeType.structures.through.objects.filter(structure=OuterRef("pk"), etapetype__categorie=value)
        return queryset.filter(Exists(offres))

    def filtrer_perimetre(self, queryset, name, value):
        if value == "hors_plie":
            return queryset.filter(partenaire_plie=False)
        return queryset
