"""Authentication forms in French."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class ConnexionForm(AuthenticationForm):
    """Login with the email address."""

    username = forms.EmailField(
        label=_("Adresse e-mail"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _("Adresse e-mail ou mot de passe incorrect. Les deux champs tiennent compte des majuscules."),
        "inactive": _("Ce compte est désactivé. Contactez la coordination du PLIE."),
    }
