"""Forms of the FSE+ operations: an operation, and the bulk reassignment of participations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Structure
from plie_portal.widgets import DateInput

from ..forms import CrispyMixin
from ..models import ControleServiceFait, Operation

SANS_OPERATION = "aucune"


class OperationForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Operation
        fields = [
            "code",
            "intitule",
            "structure",
            "date_debut",
            "date_fin",
            "cout_total",
            "montant_fse",
            "participants_prevus",
            "statut",
        ]
        widgets = {"date_debut": DateInput(), "date_fin": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = Structure.objects.order_by("nom")


class FiltreRattachementForm(forms.Form):
    """Which participations to list for a reassignment: by current operation (or none), by the
    referent's structure, by entry date."""

    operation = forms.ChoiceField(label=_("Opération actuelle"), required=False)
    structure = forms.ModelChoiceField(
        label=_("Structure du ou de la référent·e"), queryset=Structure.objects.none(), required=False
    )
    entree_du = forms.DateField(label=_("Entrée à partir du"), required=False, widget=DateInput())
    entree_au = forms.DateField(label=_("Entrée jusqu'au"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["operation"].choices = [
            ("", _("Toutes")),
            (SANS_OPERATION, _("Sans opération")),
            *[(str(o.pk), str(o)) for o in Operation.objects.order_by("-date_debut", "code")],
        ]
        self.fields["structure"].queryset = (
            Structure.objects.filter(utilisateurs__role="referent").distinct().order_by("nom")
        )

    def clean(self):
        data = super().clean()
        if data.get("entree_du") and data.get("entree_au") and data["entree_au"] < data["entree_du"]:
            self.add_error("entree_au", _("La fin de la période ne peut pas précéder son début."))
        return data

    def filtrer(self, parcours):
        data = self.cleaned_data
        if data.get("operation") == SANS_OPERATION:
            parcours = parcours.filter(operation=None)
        elif data.get("operation"):
            parcours = parcours.filter(operation_id=data["operation"])
        if data.get("structure"):
            parcours = parcours.filter(referent__structure=data["structure"])
        if data.get("entree_du"):
            parcours = parcours.filter(date_entree__gte=data["entree_du"])
        if data.get("entree_au"):
            parcours = parcours.filter(date_entree__lte=data["entree_au"])
        return parcours


class RattachementForm(forms.Form):
    """The participations chosen on the page and the operation they join."""

    parcours = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": _("Cochez au moins une participation.")}
    )
    vers = forms.ModelChoiceField(
        label=_("Rattacher à l'opération"),
        queryset=Operation.objects.order_by("-date_debut", "code"),
        error_messages={"required": _("Choisissez l'opération de destination.")},
    )
    confirme = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, parcours, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parcours"].queryset = parcours


class ControleForm(CrispyMixin, forms.ModelForm):
    """A draw for the contrôle de service fait: the period, a number or a percentage, the seed
    (drawn at random when left empty, and recorded)."""

    class Meta:
        model = ControleServiceFait
        fields = ["debut", "fin", "taille", "pourcentage", "graine"]
        widgets = {"debut": DateInput(), "fin": DateInput()}
        help_texts = {"graine": _("Laissez vide pour un tirage au hasard ; la graine est enregistrée.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["graine"].required = False

    def clean(self):
        data = super().clean()
        if bool(data.get("taille")) == bool(data.get("pourcentage")):
            raise forms.ValidationError(_("Indiquez soit un nombre de participations, soit un pourcentage."))
        if data.get("pourcentage") and data["pourcentage"] > 100:
            self.add_error("pourcentage", _("Un pourcentage ne dépasse pas 100."))
        if data.get("debut") and data.get("fin") and data["fin"] < data["debut"]:
            self.add_error("fin", _("La fin de la période ne peut pas précéder son début."))
        return data
