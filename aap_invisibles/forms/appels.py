"""Forms of the calls managed by coordination."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from plie_portal.widgets import DateInput, DateTimeInput

from ..models import (
    AppelAProjets,
    CritereNotation,
    DocumentAppel,
    Etiquette,
    QuestionReponse,
    TypePiece,
)
from ..validators import valider_piece


# --- Calls (coordination) ---------------------------------------------------------------------------
class AppelForm(forms.ModelForm):
    def clean_delai_instruction_jours(self):
        valeur = self.cleaned_data.get("delai_instruction_jours")
        return valeur if valeur is not None else AppelAProjets._meta.get_field("delai_instruction_jours").default

    pieces_requises = forms.MultipleChoiceField(
        label=_("Pièces obligatoires"), choices=TypePiece.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = AppelAProjets
        fields = [
            "titre",
            "slug",
            "description",
            "reglement",
            "public_cible",
            "conditions_recevabilite",
            "modalites_depot",
            "objectif_jeunes_min",
            "objectif_jeunes_max",
            "budget_total",
            "date_ouverture",
            "date_cloture",
            "date_audition",
            "delai_instruction_jours",
            "reference_deliberation",
            "pieces_requises",
            "instructeurs",
        ]
        widgets = {
            "date_ouverture": DateTimeInput(),
            "date_cloture": DateTimeInput(),
            "date_audition": DateInput(),
            "instructeurs": forms.CheckboxSelectMultiple,
        }
        help_texts = {"date_audition": _("Laisser vide tant que la date n'est pas fixée.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, the call keeps the model's default delay.
        self.fields["delai_instruction_jours"].required = False
        self.fields["instructeurs"].queryset = User.objects.filter(role=Role.INSTRUCTEUR, is_active=True)
        if self.instance.pk and self.instance.statut != "brouillon":
            # Once published, the closing moves only by a recorded postponement.
            self.fields["date_cloture"].disabled = True
            self.fields["date_cloture"].help_text = _("Utilisez « Reporter la clôture » : le report est tracé.")

    def clean(self):
        data = super().clean()
        mini, maxi = data.get("objectif_jeunes_min"), data.get("objectif_jeunes_max")
        if mini is not None and maxi is not None and maxi < mini:
            self.add_error("objectif_jeunes_max", _("Le maximum doit être supérieur ou égal au minimum."))
        debut, fin = data.get("date_ouverture"), data.get("date_cloture")
        if debut and fin and fin <= debut:
            self.add_error("date_cloture", _("La clôture doit suivre l'ouverture."))
        return data


class ReportForm(forms.Form):
    nouvelle_date = forms.DateTimeField(label=_("Nouvelle date et heure de clôture"), widget=DateTimeInput())
    motif = forms.CharField(label=_("Motif du report"), widget=forms.Textarea(attrs={"rows": 3}))


CritereFormSet = inlineformset_factory(
    AppelAProjets, CritereNotation, fields=["libelle", "description", "poids", "ordre"], extra=2, can_delete=True
)
QuestionFormSet = inlineformset_factory(
    AppelAProjets, QuestionReponse, fields=["question", "reponse", "ordre"], extra=2, can_delete=True
)
# Deleting a label takes it off every dossier (the many-to-many rows go with it).
EtiquetteFormSet = inlineformset_factory(AppelAProjets, Etiquette, fields=["nom", "couleur"], extra=3, can_delete=True)


class DocumentAppelForm(forms.ModelForm):
    class Meta:
        model = DocumentAppel
        fields = ["titre", "fichier"]

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        valider_piece(fichier)
        return fichier


class EtiquettesDossierForm(forms.Form):
    """The labels an instructor puts on a dossier, among those of its call."""

    etiquettes = forms.ModelMultipleChoiceField(
        label=_("Étiquettes"), queryset=Etiquette.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, dossier, **kwargs):
        kwargs.setdefault("initial", {"etiquettes": list(dossier.etiquettes.all())})
        super().__init__(*args, **kwargs)
        self.fields["etiquettes"].queryset = dossier.appel.etiquettes.all()
