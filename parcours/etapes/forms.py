"""Forms of the steps: proposal and edit by the referent, answers and progress by the partner."""

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from partners.models import EtapeType, Structure
from plie_portal.widgets import DateInput

from ..choices import MotifRefusEtape
from ..models import Etape


def structures_offrant(type_id, commune_id):
    """Active structures offering the step type, those of the participant's commune first."""
    if not type_id:
        return Structure.objects.none()
    return (
        Structure.objects.actives()
        .filter(offres__pk=type_id)
        .select_related("commune")
        .annotate(
            meme_commune=Case(When(commune_id=commune_id, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("meme_commune", "nom", "id")
        .distinct()
    )


class PropositionForm(forms.ModelForm):
    class Meta:
        model = Etape
        fields = ["type", "structure", "date_debut_prevue", "date_fin_prevue", "objectif"]
        widgets = {
            "date_debut_prevue": DateInput(),
            "date_fin_prevue": DateInput(),
            "objectif": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, parcours, **kwargs):
        super().__init__(*args, **kwargs)
        self.parcours = parcours
        self.fields["type"].queryset = EtapeType.objects.actifs()
        commune_id = parcours.participant.commune_id
        type_id = self.data.get(self.add_prefix("type")) if self.is_bound else self.initial.get("type")
        if type_id and not str(type_id).isdigit():
            type_id = None
        self.fields["structure"].queryset = structures_offrant(type_id, commune_id)
        self.fields["structure"].label_from_instance = lambda s: (
            f"{s.nom} – {s.commune}" + (" (même commune)" if s.commune_id == commune_id else "")
        )
        self.fields["structure"].help_text = (
            _("Les structures de la commune du participant sont en tête de liste.")
            if type_id
            else _("Choisissez d'abord le type d'étape : la liste des structures qui la proposent s'affiche.")
        )

    def save(self, commit=True):
        etape = super().save(commit=False)
        etape.parcours = self.parcours
        if commit:
            etape.save()
        return etape


class ModificationForm(forms.ModelForm):
    class Meta:
        model = Etape
        fields = ["date_debut_prevue", "date_fin_prevue", "objectif"]
        widgets = {
            "date_debut_prevue": DateInput(),
            "date_fin_prevue": DateInput(),
            "objectif": forms.Textarea(attrs={"rows": 3}),
        }


class ActionForm(forms.Form):
    """A transition form: `appliquer` calls the model's named transition."""

    commentaire = forms.CharField(
        label=_("Commentaire pour le ou la référent·e"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, etape, **kwargs):
        kwargs.setdefault("prefix", self.action)
        super().__init__(*args, **kwargs)
        self.etape = etape
        # Never prefilled with the previous comment: sent again unchanged, it would be e-mailed again.
        if "commentaire" in self.fields and etape.commentaire_partenaire:
            self.fields["commentaire"].help_text = _("Dernier commentaire : « %(texte)s ».") % {
                "texte": Truncator(etape.commentaire_partenaire).chars(120)
            }

    def _commenter(self):
        commentaire = self.cleaned_data.get("commentaire")
        if commentaire:
            self.etape.commentaire_partenaire = commentaire


class AccepterForm(ActionForm):
    action = "accepter"
    libelle = _("Accepter")

    def appliquer(self, par):
        self.etape.accepter(par, self.cleaned_data.get("commentaire", ""))


class RefuserForm(ActionForm):
    action = "refuser"
    libelle = _("Refuser")
    motif = forms.ChoiceField(label=_("Motif du refus"), choices=[("", "---------"), *MotifRefusEtape.choices])
    detail = forms.CharField(label=_("Précisions"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["motif", "detail", "commentaire"]

    def appliquer(self, par):
        self._commenter()
        self.etape.refuser(par, self.cleaned_data["motif"], self.cleaned_data["detail"])


class DemarrerForm(ActionForm):
    action = "demarrer"
    libelle = _("Démarrer")
    date_debut = forms.DateField(label=_("Date de début"), widget=DateInput(), initial=timezone.localdate)
    field_order = ["date_debut", "commentaire"]

    def appliquer(self, par):
        self._commenter()
        self.etape.demarrer(par, self.cleaned_data["date_debut"])


class TerminerForm(ActionForm):
    action = "terminer"
    libelle = _("Terminer")
    date_fin = forms.DateField(label=_("Date de fin"), widget=DateInput(), initial=timezone.localdate)
    resultat = forms.CharField(label=_("Résultat"), widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["date_fin", "resultat", "commentaire"]

    def appliquer(self, par):
        self._commenter()
        self.etape.terminer(par, self.cleaned_data["date_fin"], self.cleaned_data["resultat"])


class AbandonnerForm(ActionForm):
    action = "abandonner"
    libelle = _("Abandonner")
    date_fin = forms.DateField(label=_("Date d'abandon"), widget=DateInput(), initial=timezone.localdate)
    motif = forms.CharField(label=_("Motif de l'abandon"), widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["date_fin", "motif", "commentaire"]

    def appliquer(self, par):
        self._commenter()
        self.etape.abandonner(par, self.cleaned_data["date_fin"], self.cleaned_data["motif"])


class AnnulerForm(ActionForm):
    action = "annuler"
    libelle = _("Annuler la proposition")
    motif = forms.CharField(label=_("Motif de l'annulation"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["commentaire"]

    def appliquer(self, par):
        self.etape.annuler(par, self.cleaned_data["motif"])


class MettreAJourForm(forms.ModelForm):
    """Progress of a step: dates, result and comment only (the fields a partner may change)."""

    action = "mettre_a_jour"
    libelle = _("Enregistrer le suivi")

    class Meta:
        model = Etape
        fields = [
            "date_debut_prevue",
            "date_fin_prevue",
            "date_debut",
            "date_fin",
            "resultat",
            "commentaire_partenaire",
        ]
        widgets = {
            "date_debut_prevue": DateInput(),
            "date_fin_prevue": DateInput(),
            "date_debut": DateInput(),
            "date_fin": DateInput(),
            "resultat": forms.Textarea(attrs={"rows": 2}),
            "commentaire_partenaire": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, etape, **kwargs):
        kwargs.setdefault("prefix", self.action)
        super().__init__(*args, instance=etape, **kwargs)
        self.etape = etape

    def appliquer(self, par):
        self.save()


FORMULAIRES = {
    form.action: form
    for form in (AccepterForm, RefuserForm, DemarrerForm, TerminerForm, AbandonnerForm, AnnulerForm, MettreAJourForm)
}
