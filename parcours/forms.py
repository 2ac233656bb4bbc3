"""Forms of the parcours pages: orientation, FSE+ questionnaire, exit, follow-up, journal,
entry commission, objectives, import and indicators period."""

import datetime
import json
import zipfile

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from partners.models import Structure
from plie_portal.versions import FormulaireVersionne
from plie_portal.widgets import DateInput, DateTimeInput

from .choices import SITUATION_SUGGEREE, DecisionCommission, MotifSortie, StatutEntretien
from .models import Entretien, Objectif, Operation, Parcours, SessionCommission

OUI_NON_INCONNU = [("True", _("Oui")), ("False", _("Non")), ("", _("Inconnu"))]


def oui_non_inconnu(label, help_text=""):
    """A yes/no/unknown radio stored as a nullable boolean (unknown never counts as yes)."""
    return forms.NullBooleanField(
        label=capfirst(label),
        required=False,
        help_text=help_text,
        widget=forms.RadioSelect(choices=OUI_NON_INCONNU),
    )


class CrispyMixin:
    """Crispy helper without its own <form> tag: templates own the form element and buttons."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class OrientationForm(CrispyMixin, forms.ModelForm):
    """A new orientation: waits for the entry commission."""

    class Meta:
        model = Parcours
        fields = ["date_orientation", "prescripteur", "referent"]
        widgets = {"date_orientation": DateInput()}

    def __init__(self, *args, participant=None, **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import Role, User

        self.fields["prescripteur"].queryset = Structure.objects.filter(actif=True).order_by("nom")
        referents = User.objects.filter(role=Role.REFERENT, is_active=True)
        if participant is not None and participant.referent is not None:
            # Only who may follow this person: their referent's structure (a referent of another
            # structure could not even open the record, yet would be told about it).
            referent = participant.referent
            referents = (
                referents.filter(structure_id=referent.structure_id)
                if referent.structure_id
                else referents.filter(pk=referent.pk)
            )
        self.fields["referent"].queryset = referents.select_related("structure").order_by(
            "last_name", "first_name", "id"
        )
        self.fields["date_orientation"].initial = timezone.localdate()

    def clean_date_orientation(self):
        date = self.cleaned_data["date_orientation"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("La date d'orientation ne peut pas être dans le futur."))
        return date


BOOLEENS_SITUATION = ["rsa", "ass", "aah", "rqth", "parent_isole", "sans_domicile", "qpv", "zone_rurale"]


class SituationForm(CrispyMixin, FormulaireVersionne):
    """The FSE+ entry questionnaire."""

    class Meta:
        model = Parcours
        fields = [
            "statut_marche_travail",
            "date_debut_chomage",
            "niveau_formation",
            *BOOLEENS_SITUATION,
            "nationalite",
            "origine_etrangere",
        ]
        widgets = {"date_debut_chomage": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nom in [*BOOLEENS_SITUATION, "origine_etrangere"]:
            modele = Parcours._meta.get_field(nom)
            self.fields[nom] = oui_non_inconnu(modele.verbose_name, modele.help_text)
        self.fields["statut_marche_travail"].help_text = _("Requis pour les indicateurs FSE+.")
        self.fields["niveau_formation"].help_text = _(
            "Requis pour les indicateurs FSE+ ; « aucun diplôme » est une réponse."
        )
        self.fields["nationalite"].help_text = _("Vide si la personne ne l'a pas indiquée.")

    def clean(self):
        data = super().clean()
        debut = data.get("date_debut_chomage")
        if debut and data.get("statut_marche_travail") != "chomeur":
            self.add_error("date_debut_chomage", _("Uniquement pour une personne demandeuse d'emploi."))
        reference = self.instance.date_entree or timezone.localdate()
        if debut and debut > reference:
            self.add_error("date_debut_chomage", _("Le début du chômage ne peut pas suivre la date d'entrée."))
        return data


class SortieForm(forms.Form):
    """Exit of the PLIE; offers to abandon the steps still open."""

    date_sortie = forms.DateField(label=_("Date de sortie"), widget=DateInput())
    motif_sortie = forms.ChoiceField(label=_("Motif de sortie"), choices=MotifSortie.choices, widget=forms.RadioSelect)
    situation_sortie = forms.ChoiceField(
        label=_("Situation à la sortie"), choices=[("", "—"), *Parcours._meta.get_field("situation_sortie").choices]
    )
    qualification_obtenue = oui_non_inconnu(_("Qualification obtenue"))
    clore_etapes = forms.BooleanField(
        label=_("Marquer les étapes encore ouvertes comme abandonnées (« sortie du PLIE »)"), required=False
    )

    def __init__(self, *args, parcours, etapes_ouvertes, **kwargs):
        super().__init__(*args, **kwargs)
        self.parcours = parcours
        self.fields["situation_sortie"].required = False
        self.fields["situation_sortie"].widget.attrs["data-suggestions"] = json.dumps(
            {self["motif_sortie"].html_name: {str(m): str(s) for m, s in SITUATION_SUGGEREE.items()}}
        )
        self.fields["date_sortie"].initial = timezone.localdate()
        if not etapes_ouvertes:
            del self.fields["clore_etapes"]

    def clean_date_sortie(self):
        date = self.cleaned_data["date_sortie"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("La date de sortie ne peut pas être dans le futur."))
        if self.parcours.date_entree and date < self.parcours.date_entree:
            raise forms.ValidationError(_("La date de sortie doit être postérieure ou égale à la date d'entrée."))
        return date


class SuiviForm(CrispyMixin, forms.ModelForm):
    """The follow-up six months after the exit."""

    class Meta:
        model = Parcours
        fields = ["date_suivi_6_mois", "emploi_6_mois", "situation_amelioree_6_mois"]
        widgets = {"date_suivi_6_mois": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_suivi_6_mois"].required = True
        self.fields["date_suivi_6_mois"].initial = timezone.localdate()
        for nom in ["emploi_6_mois", "situation_amelioree_6_mois"]:
            self.fields[nom] = oui_non_inconnu(Parcours._meta.get_field(nom).verbose_name)

    def clean_date_suivi_6_mois(self):
        date = self.cleaned_data["date_suivi_6_mois"]
        if self.instance.date_sortie and date < self.instance.date_sortie:
            raise forms.ValidationError(_("Le suivi ne peut pas précéder la date de sortie."))
        if date > timezone.localdate():
            raise forms.ValidationError(_("La date du suivi ne peut pas être dans le futur."))
        return date


class EntretienForm(CrispyMixin, forms.ModelForm):
    """An interview of the journal: planned (agenda), realised or missed."""

    class Meta:
        model = Entretien
        fields = ["date", "type", "statut", "note"]
        widgets = {"date": DateTimeInput(), "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["date"].initial = timezone.localtime().replace(second=0, microsecond=0)

    def clean(self):
        data = super().clean()
        date, statut = data.get("date"), data.get("statut")
        if date and statut in (StatutEntretien.REALISE, StatutEntretien.ABSENT) and date > timezone.now():
            self.add_error("statut", _("Un entretien à venir ne peut être que planifié."))
        return data


class SessionCommissionForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = SessionCommission
        fields = ["date", "membres_presents"]
        widgets = {"date": DateInput(), "membres_presents": forms.Textarea(attrs={"rows": 4})}


class CompteRenduForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = SessionCommission
        fields = ["compte_rendu"]
        widgets = {"compte_rendu": forms.Textarea(attrs={"rows": 12})}


class DecisionsForm(forms.Form):
    """A batch of decisions of the entry commission on pending orientations."""

    VALIDER, REFUSER, AJOURNER = DecisionCommission.VALIDEE, DecisionCommission.REFUSEE, DecisionCommission.AJOURNEE

    parcours = forms.ModelMultipleChoiceField(
        label=_("Orientations"), queryset=Parcours.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[(VALIDER, _("Valider l'entrée")), (AJOURNER, _("Ajourner")), (REFUSER, _("Refuser"))],
    )
    date_entree = forms.DateField(
        label=_("Date d'entrée"), required=False, widget=DateInput(), help_text=_("Obligatoire pour une validation.")
    )
    motif = forms.CharField(
        label=_("Motif"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Obligatoire pour un refus ou un ajournement."),
    )

    def __init__(self, *args, en_attente, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parcours"].queryset = en_attente
        self.fields["parcours"].error_messages["required"] = _("Cochez au moins une orientation.")

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == self.VALIDER and not data.get("date_entree"):
            self.add_error("date_entree", _("La date d'entrée est obligatoire pour valider."))
        if decision in (self.REFUSER, self.AJOURNER) and not (data.get("motif") or "").strip():
            self.add_error("motif", _("Le motif est obligatoire pour un refus ou un ajournement."))
        return data


class ObjectifForm(forms.ModelForm):
    class Meta:
        model = Objectif
        fields = ["annee", "participants_min", "participants_max", "taux_sorties_positives"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["taux_sorties_positives"].help_text = _("Entre 0 et 1 (0,5 pour 50 %).")

    def clean_taux_sorties_positives(self):
        taux = self.cleaned_data["taux_sorties_positives"]
        if taux is not None and not 0 <= taux <= 1:
            raise forms.ValidationError(_("Le taux doit être compris entre 0 et 1."))
        return taux

    def clean_annee(self):
        annee = self.cleaned_data["annee"]
        if annee is not None and not 2000 <= annee <= 2100:
            raise forms.ValidationError(_("Année invalide."))
        return annee

    def clean(self):
        data = super().clean()
        mini, maxi = data.get("participants_min"), data.get("participants_max")
        if mini is not None and maxi is not None and maxi < mini:
            self.add_error("participants_max", _("Le maximum doit être supérieur ou égal au minimum."))
        return data


ObjectifFormSet = forms.modelformset_factory(Objectif, form=ObjectifForm, extra=1, can_delete=False)


class ImportForm(CrispyMixin, forms.Form):
    """A CSV of participants, or the ZIP of a historical import (docs/reprise.md)."""

    # About 40,000 lines: the file is read twice within a request (preview, then confirmation),
    # each pass ~20 s at the measured 1,970 lines/s, under the usual proxy timeouts.
    TAILLE_MAX = 5 * 1024 * 1024
    # The ZIP is read by a worker: a Métropole's ten years of history, compressed.
    TAILLE_MAX_ZIP = 50 * 1024 * 1024

    fichier = forms.FileField(
        label=_("Fichier CSV ou archive ZIP"),
        help_text=_(
            "Un fichier CSV de participants (UTF-8, séparateur « ; » ou « , », une ligne d'en-tête, un parcours par "
            "ligne, 5 Mo au plus), ou l'archive ZIP d'une reprise de l'historique (participants.csv, et si besoin "
            "comptes.csv, etapes.csv, entretiens.csv ; 50 Mo au plus)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,.zip,application/zip"}),
    )

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        nom = fichier.name.lower()
        if nom.endswith(".zip"):
            if fichier.size > self.TAILLE_MAX_ZIP:
                raise forms.ValidationError(_("L'archive dépasse 50 Mo : découpez l'export en plusieurs archives."))
            if not zipfile.is_zipfile(fichier):
                raise forms.ValidationError(_("Ce fichier .zip n'est pas une archive ZIP lisible."))
            fichier.seek(0)
            return fichier
        if fichier.size > self.TAILLE_MAX:
            raise forms.ValidationError(
                _("Le fichier dépasse 5 Mo (environ 40 000 lignes) : découpez-le en plusieurs fichiers.")
            )
        if not nom.endswith(".csv"):
            raise forms.ValidationError(_("Seuls les fichiers .csv et les archives .zip sont acceptés."))
        return fichier

    @property
    def genre(self):
        from .models import GenreImportation

        nom = self.cleaned_data["fichier"].name.lower()
        return GenreImportation.HISTORIQUE if nom.endswith(".zip") else GenreImportation.PARTICIPANTS


class PeriodeForm(forms.Form):
    """The period of the FSE+ indicators (default: the current calendar year)."""

    debut = forms.DateField(label=_("Du"), widget=DateInput())
    fin = forms.DateField(label=_("Au"), widget=DateInput())

    @classmethod
    def defaut(cls):
        annee = timezone.localdate().year
        return {"debut": datetime.date(annee, 1, 1), "fin": datetime.date(annee, 12, 31)}

    def clean(self):
        data = super().clean()
        if data.get("debut") and data.get("fin") and data["fin"] < data["debut"]:
            self.add_error("fin", _("La fin de la période ne peut pas précéder son début."))
        return data


class IndicateursForm(PeriodeForm):
    """The period of the FSE+ indicators and, optionally, the operation they are narrowed to."""

    operation = forms.ModelChoiceField(
        label=_("Opération"),
        queryset=Operation.objects.order_by("-date_debut", "code"),
        required=False,
        empty_label=_("Tout le PLIE"),
    )


class ReaffectationForm(forms.Form):
    nouveau = forms.ModelChoiceField(
        label=_("Nouveau ou nouvelle référent·e"), queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, ancien, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nouveau"].queryset = (
            get_user_model()
            .objects.filter(role=Role.REFERENT, is_active=True)
            .exclude(pk=ancien.pk)
            .select_related("structure")
        )
        self.fields["nouveau"].label_from_instance = lambda u: f"{u} – {u.structure or ''}"
