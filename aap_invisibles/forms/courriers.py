"""The letter editor of coordination (views/courriers.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import courriers
from ..models import Dossier, StatutDossier


class CourrierForm(forms.Form):
    texte = forms.CharField(
        label=_("Texte du courrier"),
        widget=forms.Textarea(attrs={"rows": 12, "class": "font-monospace"}),
        help_text=_("Les champs s'écrivent entre doubles accolades, par exemple {{ dossier.porteur }}."),
    )
    dossier = forms.ModelChoiceField(
        label=_("Aperçu sur le dossier"), queryset=Dossier.objects.none(), required=False, empty_label=_("(exemple)")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = (
            Dossier.objects.exclude(statut=StatutDossier.BROUILLON).select_related("porteur", "appel").order_by("-id")
        )
        self.fields["dossier"].label_from_instance = lambda d: f"{d.porteur.nom} – {d.appel.titre}"

    def clean_texte(self):
        texte = self.cleaned_data["texte"]
        courriers.valider(texte)
        return texte
