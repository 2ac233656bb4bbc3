from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Canal, Categorie, Preference


class PreferencesForm(forms.Form):
    """One checkbox per category and channel; unticked means the user switched it off."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        desactivees = set(Preference.objects.filter(utilisateur=user, actif=False).values_list("categorie", "canal"))
        self.lignes = []
        for categorie in Categorie:
            champs = []
            for canal in Canal:
                nom = f"{categorie.value}__{canal.value}"
                self.fields[nom] = forms.BooleanField(
                    label=_("%(categorie)s – %(canal)s") % {"categorie": categorie.label, "canal": canal.label},
                    required=False,
                    initial=(categorie.value, canal.value) not in desactivees,
                )
                champs.append(nom)
            self.lignes.append((categorie.label, [self[nom] for nom in champs]))

    @transaction.atomic
    def save(self):
        for categorie in Categorie:
            for canal in Canal:
                Preference.objects.update_or_create(
                    utilisateur=self.user,
                    categorie=categorie.value,
                    canal=canal.value,
                    defaults={"actif": self.cleaned_data[f"{categorie.value}__{canal.value}"]},
                )
