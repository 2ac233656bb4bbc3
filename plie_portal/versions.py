"""Optimistic locking of records edited in forms (issue 14: lost updates). The record carries a
`version`; the form sends back the one it was opened on; the save compares it with the row locked
and refuses, keeping what was typed, when someone saved in between."""

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

MESSAGE_CONFLIT = _(
    "Quelqu'un d'autre a enregistré une modification depuis que vous avez ouvert cette page : rechargez-la "
    "pour voir la version actuelle. Votre saisie, affichée ci-dessous, n'a pas été enregistrée."
)


def champ_version():
    """The column a versioned model adds (not edited, not in the history)."""
    return models.PositiveIntegerField(_("version"), default=0, editable=False)


class FormulaireVersionne(forms.ModelForm):
    """A model form that saves only over the version it was opened on (`enregistrer`)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    conflit_de_version = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def a_jour(self, verrouille):
        """Whether the row locked (`verrouille`) is still the version the form was opened on."""
        envoyee = self.cleaned_data.get("version")
        return envoyee is None or envoyee == verrouille.version

    @transaction.atomic
    def enregistrer(self, update_fields=None):
        """Save under a row lock if nobody saved in between; otherwise add the conflict error, save
        nothing and return None. With `update_fields`, only those columns (and the version) are written."""
        modele = type(self.instance)
        verrouille = modele.objects.select_for_update().only("pk", "version").get(pk=self.instance.pk)
        if not self.a_jour(verrouille):
            self.conflit_de_version = True
            self.add_error(None, MESSAGE_CONFLIT)
            return None
        self.instance.version = verrouille.version + 1
        if update_fields is None:
            return self.save()
        objet = self.save(commit=False)
        objet.save(update_fields=[*update_fields, "version"])
        self.save_m2m()
        return objet
