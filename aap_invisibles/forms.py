"""Forms of the calls for projects app: validation lives here, views stay thin."""

import re

from django import forms
from django.contrib.auth import password_validation
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from participants.models import Commune
from partners.models import Structure
from partners.validators import validate_rna, validate_siret

from .models import (
    SECTIONS_PAR_CODE,
    AppelAProjets,
    Avis,
    Bilan,
    ConsultationEPS,
    Convention,
    CreneauAudition,
    CritereNotation,
    DocumentAppel,
    Dossier,
    LigneBudget,
    Message,
    PieceJointe,
    QuestionReponse,
    TypePiece,
    Versement,
)
from .models.cerfa import SECTIONS_CERFA
from .validators import valider_piece

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


# --- Applicant accounts ---------------------------------------------------------------------------
class MotDePasseMixin(forms.Form):
    password1 = forms.CharField(label=_("Mot de passe"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Confirmation du mot de passe"), widget=forms.PasswordInput, strip=False)

    def verifier_mot_de_passe(self, user):
        p1, p2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Les deux mots de passe ne correspondent pas."))
            return
        if p1:
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)


class InscriptionForm(MotDePasseMixin):
    """Sign-up of an applicant organisation and its first user (inactive until the email is verified)."""

    prenom = forms.CharField(label=_("Prénom"), max_length=150)
    nom = forms.CharField(label=_("Nom"), max_length=150)
    email = forms.EmailField(label=_("Adresse e-mail professionnelle"))
    structure_nom = forms.CharField(label=_("Nom de l'organisation"), max_length=200)
    siret = forms.CharField(label=_("SIRET"), max_length=20, required=False, help_text=_("14 chiffres."))
    rna = forms.CharField(label=_("Numéro RNA"), max_length=10, required=False, help_text=_("W suivi de 9 chiffres."))
    commune = forms.ModelChoiceField(label=_("Commune du siège"), queryset=Commune.objects.all(), required=False)
    field_order = ["prenom", "nom", "email", "password1", "password2", "structure_nom", "siret", "rna", "commune"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse e-mail."))
        return email

    def clean_siret(self):
        siret = re.sub(r"\s", "", self.cleaned_data.get("siret") or "")
        if siret:
            validate_siret(siret)
        return siret

    def clean_rna(self):
        rna = (self.cleaned_data.get("rna") or "").strip().upper()
        if rna:
            validate_rna(rna)
        return rna

    def clean(self):
        data = super().clean()
        siret, rna = data.get("siret"), data.get("rna")
        if not siret and not rna and not self.has_error("siret") and not self.has_error("rna"):
            raise forms.ValidationError(_("Indiquez le SIRET ou le numéro RNA de l'organisation."))
        condition = Q(pk__in=[])
        if siret:
            condition |= Q(siret=siret)
        if rna:
            condition |= Q(rna=rna)
        if (siret or rna) and Structure.objects.filter(condition).exists():
            raise forms.ValidationError(
                _(
                    "Cette organisation est déjà inscrite sur le portail. Pour la rejoindre, demandez à l'un de ses "
                    "membres de vous inviter (menu « Mes dossiers », « Inviter un collègue »)."
                )
            )
        user = User(email=data.get("email") or "", first_name=data.get("prenom", ""), last_name=data.get("nom", ""))
        self.verifier_mot_de_passe(user)
        return data


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail du collègue"))
    prenom = forms.CharField(label=_("Prénom"), max_length=150)
    nom = forms.CharField(label=_("Nom"), max_length=150)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse e-mail."))
        return email


class ActivationInvitationForm(MotDePasseMixin):
    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        self.verifier_mot_de_passe(self.user)
        return data


# --- Dossier editor ---------------------------------------------------------------------------------
def formulaire_section(code):
    """The ModelForm class of a Cerfa section with fields (1 to 7)."""
    section = SECTIONS_PAR_CODE[code]
    widgets = {}
    for champ in section.champs:
        if champ.startswith("date_"):
            widgets[champ] = DATE
    if "communes" in section.champs:
        widgets["communes"] = forms.CheckboxSelectMultiple
    return forms.modelform_factory(Dossier, fields=list(section.champs), widgets=widgets)


class LigneBudgetForm(forms.ModelForm):
    class Meta:
        model = LigneBudget
        fields = ["compte", "libelle", "montant"]


LigneBudgetFormSet = inlineformset_factory(
    Dossier,
    LigneBudget,
    form=LigneBudgetForm,
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
        widgets = {"date_consultation": DATE, "communes": forms.CheckboxSelectMultiple, "justificatif": forms.FileInput}

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
        widgets = {"date": DATE, "heure": TIME}


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
        widgets = {"date_signature": DATE, "fichier": forms.FileInput}


class VersementForm(forms.ModelForm):
    class Meta:
        model = Versement
        fields = ["nature", "montant", "date"]
        widgets = {"date": DATE}

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
        return data


class BilanForm(forms.ModelForm):
    class Meta:
        model = Bilan
        fields = ["jeunes_reperes", "jeunes_mobilises", "commentaire"]

    def __init__(self, *args, lignes=(), realises=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lignes = list(lignes)
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


# --- Calls (coordination) ---------------------------------------------------------------------------
class AppelForm(forms.ModelForm):
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
            "pieces_requises",
            "instructeurs",
        ]
        widgets = {
            "date_ouverture": DATETIME,
            "date_cloture": DATETIME,
            "date_audition": DATE,
            "instructeurs": forms.CheckboxSelectMultiple,
        }
        help_texts = {"date_audition": _("Laisser vide tant que la date n'est pas fixée.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
    nouvelle_date = forms.DateTimeField(label=_("Nouvelle date et heure de clôture"), widget=DATETIME)
    motif = forms.CharField(label=_("Motif du report"), widget=forms.Textarea(attrs={"rows": 3}))


CritereFormSet = inlineformset_factory(
    AppelAProjets, CritereNotation, fields=["libelle", "description", "poids", "ordre"], extra=2, can_delete=True
)
QuestionFormSet = inlineformset_factory(
    AppelAProjets, QuestionReponse, fields=["question", "reponse", "ordre"], extra=2, can_delete=True
)


class DocumentAppelForm(forms.ModelForm):
    class Meta:
        model = DocumentAppel
        fields = ["titre", "fichier"]

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        valider_piece(fichier)
        return fichier
