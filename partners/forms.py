"""Forms of the partner network: structures, contacts, offers, step catalogue, users."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Role

from .models import Contact, EtapeType, Structure

User = get_user_model()


class StructureForm(forms.ModelForm):
    # Longer than 14 so that a SIRET typed in groups ("123 456 789 00012") reaches clean_siret.
    siret = forms.CharField(label=_("SIRET"), max_length=20, required=False, help_text=_("14 chiffres."))

    class Meta:
        model = Structure
        fields = [
            "nom",
            "sigle",
            "type",
            "siret",
            "rna",
            "adresse",
            "code_postal",
            "commune",
            "ville",
            "telephone",
            "email",
            "site_web",
            "actif",
            "partenaire_plie",
        ]

    def clean_siret(self):
        # Spaces are accepted as typed ("123 456 789 00012") and removed before the checks.
        return re.sub(r"\s", "", self.cleaned_data.get("siret") or "") or None

    def clean_rna(self):
        return (self.cleaned_data.get("rna") or "").strip().upper() or None


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["prenom", "nom", "fonction", "email", "telephone"]


class OffresForm(forms.Form):
    offres = forms.ModelMultipleChoiceField(
        label=_("Types d'étapes proposés"),
        queryset=EtapeType.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure
        actuels = list(structure.offres.values_list("pk", flat=True))
        # An inactive type already offered stays listed, so that saving does not drop it silently.
        self.fields["offres"].queryset = EtapeType.objects.filter(Q(actif=True) | Q(pk__in=actuels))
        self.fields["offres"].initial = actuels

    def save(self):
        self.structure.offres.set(self.cleaned_data["offres"])


class EtapeTypeForm(forms.ModelForm):
    class Meta:
        model = EtapeType
        fields = ["libelle", "categorie", "code"]
        help_texts = {"code": _("Identifiant stable (lettres, chiffres, tirets), utilisé par les imports.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The code is a stable key: renaming changes the label only.
            del self.fields["code"]


class InvitationForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "telephone", "structure", "role"]
        labels = {"first_name": _("prénom"), "last_name": _("nom")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].required = True
        self.fields["role"].required = True
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["structure"].queryset = Structure.objects.actives()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse e-mail."))
        return email

    def save(self, commit=True):
        user = super().save(commit=False)
        # No password until the person chooses one through the emailed link.
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class RoleForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["role", "structure"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].required = True
        self.fields["structure"].required = True

    def clean(self):
        cleaned = super().clean()
        # The instance still holds the stored role here: the form's values are put on it after clean().
        quitte_referent = self.instance.role == Role.REFERENT and cleaned.get("role") != Role.REFERENT
        if quitte_referent and self.instance.participants_suivis.exists():
            raise forms.ValidationError(
                _("Ce ou cette référent·e suit encore des participants : réaffectez d'abord son portefeuille.")
            )
        return cleaned
