"""Forms of the instruction dashboard's bulk actions (views/lot.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plie_portal.widgets import DateInput, TimeInput

from ..models import Etiquette

ACTIONS_LOT = [
    ("ecrire", _("Envoyer un message aux porteurs")),
    ("etiqueter", _("Ajouter une étiquette")),
    ("audition", _("Fixer les créneaux d'audition")),
]


class MessageLotForm(forms.Form):
    objet = forms.CharField(label=_("Objet"), max_length=200)
    texte = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}))


class EtiquetteLotForm(forms.Form):
    etiquette = forms.ModelChoiceField(label=_("Étiquette"), queryset=Etiquette.objects.none())

    def __init__(self, *args, appels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["etiquette"].queryset = Etiquette.objects.filter(appel__in=appels).select_related("appel")
        self.fields["etiquette"].label_from_instance = lambda e: f"{e.nom} ({e.appel.titre})"


class AuditionLotForm(forms.Form):
    """Consecutive slots: the first dossier at the start time, each next one `duree` minutes later."""

    date = forms.DateField(label=_("Date des auditions"), widget=DateInput())
    debut = forms.TimeField(label=_("Heure de la première audition"), widget=TimeInput())
    duree = forms.IntegerField(label=_("Durée de chaque audition (minutes)"), min_value=10, max_value=240, initial=45)
    lieu = forms.CharField(label=_("Lieu"), max_length=255)


FORMULAIRES_LOT = {"ecrire": MessageLotForm, "etiqueter": EtiquetteLotForm, "audition": AuditionLotForm}
