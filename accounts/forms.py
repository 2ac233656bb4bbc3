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
        "a_activer": _(
            "Ce compte n'est pas encore actif : suivez le lien de l'e-mail reçu à l'inscription (ou à l'invitation), "
            "ou attendez que votre demande d'adhésion soit acceptée."
        ),
    }

    def get_invalid_login_error(self):
        """Told only to whoever typed the right password: an account not yet activated (issue 15)."""
        from django.contrib.auth import get_user_model

        email, mot_de_passe = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        compte = get_user_model().objects.filter(email__iexact=email or "", is_active=False).first()
        if compte is not None and compte.last_login is None and compte.check_password(mot_de_passe or ""):
            return forms.ValidationError(self.error_messages["a_activer"], code="a_activer")
        return super().get_invalid_login_error()


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


DUREES_JETON = [(30, _("30 jours")), (90, _("90 jours")), (365, _("1 an"))]


class JetonForm(forms.Form):
    """A new personal token: a name to recognise it and how long it lives."""

    nom = forms.CharField(label=_("Nom du jeton"), max_length=100, help_text=_("Par exemple « script de suivi »."))
    duree = forms.TypedChoiceField(
        label=_("Validité"),
        choices=DUREES_JETON,
        coerce=int,
        initial=90,
        help_text=_("Il cesse ensuite de fonctionner."),
    )

    def __init__(self, *args, usage, **kwargs):
        kwargs.setdefault("prefix", usage)
        super().__init__(*args, **kwargs)
        self.usage = usage
