"""Forms of applicant accounts: sign-up, invitation."""

import re

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from partners.validators import validate_rna, validate_siret
from plie_portal.text import sans_caractere_invisible
from territoire.models import Commune


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

    prenom = forms.CharField(label=_("Prénom"), max_length=150, validators=[sans_caractere_invisible])
    nom = forms.CharField(label=_("Nom"), max_length=150, validators=[sans_caractere_invisible])
    email = forms.EmailField(label=_("Adresse e-mail professionnelle"))
    structure_nom = forms.CharField(
        label=_("Nom de l'organisation"), max_length=200, validators=[sans_caractere_invisible]
    )
    siret = forms.CharField(label=_("SIRET"), max_length=20, required=False, help_text=_("14 chiffres."))
    rna = forms.CharField(label=_("Numéro RNA"), max_length=10, required=False, help_text=_("W suivi de 9 chiffres."))
    commune = forms.ModelChoiceField(label=_("Commune du siège"), queryset=Commune.objects.all(), required=False)
    field_order = ["prenom", "nom", "email", "password1", "password2", "structure_nom", "siret", "rna", "commune"]

    def clean_email(self):
        # Whether the address already has an account is never said here (the view answers the
        # same and writes to that address): the form would otherwise tell who uses the portal.
        return self.cleaned_data["email"].strip().lower()

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


class DecisionAdhesionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accepter", _("Accepter")), ("refuser", _("Refuser"))])
