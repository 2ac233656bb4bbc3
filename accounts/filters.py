"""Search of the access log (coordination)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from plie_portal.filtres import FiltreStrict
from plie_portal.widgets import DateInput

from .models import AccesDonnees

TRIS = {
    "-le": ("-le", "-id"),
    "le": ("le", "id"),
    "utilisateur": ("utilisateur_email", "-le", "-id"),
    "-utilisateur": ("-utilisateur_email", "-le", "-id"),
    "objet": ("objet_type", "objet_id", "-le", "-id"),
    "-objet": ("-objet_type", "-objet_id", "-le", "-id"),
}


class AccesDonneesFilter(FiltreStrict):
    utilisateur = django_filters.CharFilter(
        field_name="utilisateur_email", lookup_expr="icontains", label=_("E-mail de l'utilisateur")
    )
    objet_type = django_filters.ChoiceFilter(label=_("Type d'objet"), empty_label=_("Tous"))
    objet_id = django_filters.CharFilter(label=_("Identifiant de l'objet"))
    action = django_filters.ChoiceFilter(choices=AccesDonnees.Action.choices, empty_label=_("Toutes"))
    du = django_filters.DateFilter(field_name="le", lookup_expr="date__gte", label=_("Du"), widget=DateInput())
    au = django_filters.DateFilter(field_name="le", lookup_expr="date__lte", label=_("Au"), widget=DateInput())

    class Meta:
        model = AccesDonnees
        fields = ["utilisateur", "objet_type", "objet_id", "action", "du", "au"]

    def __init__(self, *args, objet_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["objet_type"].extra["choices"] = [(value, value) for value in objet_types]
