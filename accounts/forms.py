"""Authentication forms in French."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from plie_portal.courriels import envoyer_apres_commit


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


class CodeVerificationForm(forms.Form):
    """A one-time code: six digits from the application, or a backup code."""

    code = forms.CharField(
        label=_("Code à usage unique"),
        help_text=_("Les 6 chiffres affichés par votre application, ou l'un de vos codes de secours."),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "").strip()


class MotDePasseOublieForm(PasswordResetForm):
    """Django's reset form, whose e-mail leaves by the portal's one way (a task after commit, with
    retries): the page answers at once, the same whether or not the address has an account."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        sujet = "".join(render_to_string(subject_template_name, context).splitlines())
        envoyer_apres_commit(sujet, render_to_string(email_template_name, context), [to_email])
