"""Forms of the dossier editor and of the instruction."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal.dates import date_longue
from plie_portal.widgets import DateInput, TimeInput

from ..models import (
    SECTIONS_PAR_CODE,
    Avis,
    Bilan,
    ConsultationEPS,
    Convention,
    CreneauAudition,
    Dossier,
    LigneBudget,
    Message,
    NatureVersement,
    PieceJointe,
    Versement,
)
from ..models.cerfa import SECTIONS_CERFA
from ..validators import valider_piece


# --- Dossier editor ---------------------------------------------------------------------------------
class SectionForm(forms.ModelForm):
    """A Cerfa section: the checks that tie two of its fields together (said at once, in French)."""

    conflit_de_version = False

    def clean(self):
        data = super().clean()
        reperer, mobiliser = data.get("nb_jeunes_a_reperer"), data.get("nb_jeunes_a_mobiliser")
        if reperer is not None and mobiliser is not None and mobiliser > reperer:
            self.add_error(
                "nb_jeunes_a_mobiliser",
                _("On ne mobilise que des jeunes repérés : au plus %(n)d ici.") % {"n": reperer},
            )
        debut, fin = data.get("date_debut"), data.get("date_fin")
        if debut and fin and fin < debut:
            self.add_error("date_fin", _("La fin de l'action ne peut pas précéder son début."))
        return data


def formulaire_section(code):
    """The ModelForm class of a Cerfa section with fields (1 to 7)."""
    section = SECTIONS_PAR_CODE[code]
    widgets = {}
    for champ in section.champs:
        if champ.startswith("date_"):
            widgets[champ] = DateInput()
    if "communes" in section.champs:
        widgets["communes"] = forms.CheckboxSelectMultiple
    return forms.modelform_factory(Dossier, form=SectionForm, fields=list(section.champs), widgets=widgets)


class LigneBudgetForm(forms.ModelForm):
    class Meta:
        model = LigneBudget
        fields = ["compte", "libelle", "montant"]


class BaseLignesBudget(forms.BaseInlineFormSet):
    """The budget lines of a dossier. A new line the autosave already created comes back with its id
    (static/js/autosave.js fills it in): it is updated, not created a second time (issue 15)."""

    def _construct_form(self, i, **kwargs):
        if self.is_bound and i >= self.initial_form_count():
            pk = str(self.data.get(f"{self.add_prefix(i)}-id", ""))
            if pk.isdigit():
                deja = self.get_queryset().filter(pk=int(pk)).first()
                if deja is not None:
                    kwargs["instance"] = deja
        return super()._construct_form(i, **kwargs)

    def ids_des_nouvelles_lignes(self):
        """The ids of the lines this save created, by the name of their hidden field."""
        return {f"{form.prefix}-id": form.instance.pk for form in self.extra_forms if form.instance.pk}


LigneBudgetFormSet = inlineformset_factory(
    Dossier,
    LigneBudget,
    form=LigneBudgetForm,
    formset=BaseLignesBudget,
    extra=3,
    can_delete=True,
)


class SubventionForm(forms.Form):
    """The line 74 "Métropole Rouen Normandie": the amount requested."""

    montant_demande = forms.DecimalField(
        label=_("Subvention demandée à la Métropole (compte 74)"), min_value=0, max_digits=12, decimal_places=2
    )


class ConsultationEPSForm(forms.ModelForm):
    class Meta:
        model = ConsultationEPS
        fields = ["communes", "date_consultation", "justificatif", "commentaire"]
        # FileInput: private files have no URL, so no "currently: <link>" of ClearableFileInput.
        widgets = {
            "date_consultation": DateInput(),
            "communes": forms.CheckboxSelectMultiple,
            "justificatif": forms.FileInput,
        }

    def clean_communes(self):
        communes = self.cleaned_data["communes"]
        if not communes:
            raise forms.ValidationError(_("Cochez au moins une commune dont l'EPS a été consultée."))
        return communes


class PieceJointeForm(forms.ModelForm):
    class Meta:
        model = PieceJointe
        fields = ["type_piece", "fichier"]


# --- Instruction --------------------------------------------------------------------------------------
class RecevabiliteForm(forms.Form):
    DECISIONS = [("recevable", _("Recevable : passer en instruction")), ("irrecevable", _("Irrecevable"))]
    eps_consultees = forms.BooleanField(label=_("La consultation préalable des EPS est attestée"), required=False)
    pieces_presentes = forms.BooleanField(label=_("Les pièces obligatoires sont présentes et lisibles"), required=False)
    public_conforme = forms.BooleanField(
        label=_("Le public visé correspond à l'appel (NEET 16–29 ans)"), required=False
    )
    decision = forms.ChoiceField(label=_("Décision"), choices=DECISIONS, widget=forms.RadioSelect)
    motif = forms.CharField(
        label=_("Motif (obligatoire si irrecevable)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "recevable" and not all(
            data.get(c) for c in ("eps_consultees", "pieces_presentes", "public_conforme")
        ):
            raise forms.ValidationError(
                _("Cochez chaque condition de recevabilité pour déclarer le dossier recevable.")
            )
        if data.get("decision") == "irrecevable" and not (data.get("motif") or "").strip():
            self.add_error("motif", _("Le motif d'irrecevabilité est obligatoire."))
        return data


class CorrectionForm(forms.Form):
    sections = forms.MultipleChoiceField(
        label=_("Sections à corriger"),
        choices=[(s.code, s.titre) for s in SECTIONS_CERFA],
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(label=_("Ce qui doit être corrigé"), widget=forms.Textarea(attrs={"rows": 3}))


class ReponseCorrectionForm(forms.Form):
    reponse = forms.CharField(label=_("Votre réponse"), widget=forms.Textarea(attrs={"rows": 3}))


class EvaluationForm(forms.Form):
    """One 0–5 mark per criterion of the call's grid."""

    commentaire = forms.CharField(label=_("Commentaire"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    soumettre = forms.BooleanField(
        label=_("Soumettre ma notation (définitif : je verrai alors les notes des autres)"), required=False
    )

    def __init__(self, *args, criteres, evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteres = list(criteres)
        existantes = {n.critere_id: n.note for n in evaluation.notes.all()} if evaluation else {}
        for critere in self.criteres:
            self.fields[f"critere_{critere.pk}"] = forms.TypedChoiceField(
                label=f"{critere.libelle} (pondération {critere.poids})",
                choices=[(i, str(i)) for i in range(6)],
                coerce=int,
                initial=existantes.get(critere.pk),
            )
        if evaluation:
            self.fields["commentaire"].initial = evaluation.commentaire
        self.order_fields([f"critere_{c.pk}" for c in self.criteres] + ["commentaire", "soumettre"])

    def notes(self):
        return {c: self.cleaned_data[f"critere_{c.pk}"] for c in self.criteres}


class ConflitForm(forms.Form):
    motif = forms.CharField(label=_("Nature du conflit d'intérêts"), widget=forms.Textarea(attrs={"rows": 2}))


class AnnotationForm(forms.Form):
    texte = forms.CharField(
        label=_("Annotation privée (jamais montrée au porteur)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class MessageForm(forms.ModelForm):
    class Meta:
        model = Message
        fields = ["objet", "texte", "piece_jointe"]
        widgets = {"texte": forms.Textarea(attrs={"rows": 3})}

    def clean_piece_jointe(self):
        fichier = self.cleaned_data.get("piece_jointe")
        if fichier:
            valider_piece(fichier)
        return fichier


class AuditionForm(forms.ModelForm):
    class Meta:
        model = CreneauAudition
        fields = ["date", "heure", "lieu"]
        widgets = {"date": DateInput(), "heure": TimeInput()}


class PropositionForm(forms.Form):
    avis = forms.ChoiceField(label=_("Avis"), choices=Avis.choices, widget=forms.RadioSelect)
    montant = forms.DecimalField(label=_("Montant proposé (€)"), min_value=0, max_digits=12, decimal_places=2)
    motif = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class DecisionForm(forms.Form):
    DECISIONS = [("retenu", _("Retenu")), ("refuse", _("Refusé"))]
    decision = forms.ChoiceField(label=_("Décision du comité"), choices=DECISIONS, widget=forms.RadioSelect)
    montant_accorde = forms.DecimalField(
        label=_("Montant accordé (€)"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    motif = forms.CharField(
        label=_("Motif (obligatoire si refusé)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class MotifForm(forms.Form):
    motif = forms.CharField(label=_("Motif"), widget=forms.Textarea(attrs={"rows": 2}))


class MotifFacultatifForm(forms.Form):
    motif = forms.CharField(label=_("Motif"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ConventionForm(forms.ModelForm):
    class Meta:
        model = Convention
        fields = ["date_signature", "fichier"]
        widgets = {"date_signature": DateInput(), "fichier": forms.FileInput}


class VersementForm(forms.ModelForm):
    class Meta:
        model = Versement
        fields = ["nature", "montant", "date"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, dossier=None, **kwargs):
        self.dossier = dossier
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        montant = data.get("montant")
        if self.dossier is not None and montant is not None:
            if self.dossier.convention_requise() and not hasattr(self.dossier, "convention"):
                raise forms.ValidationError(
                    _("Une convention signée est requise au-delà de 23 000 € avant tout versement.")
                )
            if self.dossier.montant_verse() + montant > (self.dossier.montant_accorde or 0):
                raise forms.ValidationError(_("Les versements dépasseraient le montant accordé."))
        if self.dossier is not None and data.get("nature") == NatureVersement.SOLDE:
            bilan = getattr(self.dossier, "bilan", None)
            if bilan is None or bilan.depose_le is None:
                self.add_error("nature", _("Le solde ne se verse qu'une fois le bilan final déposé par le porteur."))
        return data


class BilanForm(forms.ModelForm):
    class Meta:
        model = Bilan
        fields = ["jeunes_reperes", "jeunes_mobilises", "commentaire"]

    def __init__(self, *args, lignes=(), realises=None, debut_action=None, depot=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.lignes = list(lignes)
        self.debut_action, self.depot = debut_action, depot
        realises = realises or {}
        for ligne in self.lignes:
            self.fields[f"ligne_{ligne.pk}"] = forms.DecimalField(
                label=f"{ligne.get_compte_display()} – {ligne.libelle} (prévu {ligne.montant} €)",
                min_value=0,
                max_digits=12,
                decimal_places=2,
                initial=realises.get(ligne.pk),
            )

    def realises(self):
        return {ligne: self.cleaned_data[f"ligne_{ligne.pk}"] for ligne in self.lignes}

    def clean(self):
        data = super().clean()
        reperes, mobilises = data.get("jeunes_reperes"), data.get("jeunes_mobilises")
        if reperes is not None and mobilises is not None and mobilises > reperes:
            self.add_error(
                "jeunes_mobilises", _("On ne mobilise que des jeunes repérés : au plus %(n)d ici.") % {"n": reperes}
            )
        # A final report tells what the action did: not deposited before it started.
        if self.depot and self.debut_action and timezone.localdate() < self.debut_action:
            self.add_error(
                None,
                _("Le bilan final se dépose une fois l'action commencée (le %(date)s) : enregistrez-le en brouillon.")
                % {"date": date_longue(self.debut_action)},
            )
        return data
