"""The DPO's search for the person who makes a request (the right-of-access page asks for its PDF
through the reports' form)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plie_portal.widgets import DateInput

LIMITE = 50


class RechercheDemandeForm(forms.Form):
    """Who asks: a name (and, to tell namesakes apart, a first name or a birth date)."""

    nom = forms.CharField(label=_("Nom, prénom, e-mail ou identifiant France Travail"), min_length=2, max_length=100)
    date_naissance = forms.DateField(label=_("Date de naissance"), required=False, widget=DateInput())

    def personnes(self, queryset):
        """The matching people (the same search as the participants' list), at most LIMITE."""
        resultats = queryset.recherche(self.cleaned_data["nom"])
        if self.cleaned_data.get("date_naissance"):
            resultats = resultats.filter(date_naissance=self.cleaned_data["date_naissance"])
        return list(resultats.select_related("commune").order_by("nom", "prenom", "id")[:LIMITE])
