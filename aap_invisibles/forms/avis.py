"""Forms of the outside opinions: the request (instruction), the answer (expert)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from plie_portal.widgets import DateInput

from ..models import AvisExpert, DemandeAvis
from ..validators import valider_piece


class DemandeAvisForm(forms.Form):
    """Whom to ask (by e-mail: an expert account is opened if none exists), what, for when."""

    email = forms.EmailField(label=_("Adresse e-mail de l'expert·e"))
    prenom = forms.CharField(label=_("Prénom"), max_length=150, required=False)
    nom = forms.CharField(label=_("Nom"), max_length=150, required=False)
    question = forms.CharField(label=_("Question posée"), widget=forms.Textarea(attrs={"rows": 3}))
    echeance = forms.DateField(label=_("Avis attendu pour le"), widget=DateInput())

    def __init__(self, *args, dossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        compte = get_user_model().objects.filter(email=email).first()
        if compte is not None and not compte.is_active:
            raise forms.ValidationError(
                _("Ce compte d'expert·e est désactivé : demandez à la coordination de le rouvrir.")
            )
        if compte is not None and compte.role != Role.EXPERT:
            raise forms.ValidationError(
                _(
                    "Cette adresse est celle d'un compte du portail d'un autre rôle : un·e expert·e a un compte à "
                    "part, avec une autre adresse."
                )
            )
        if (
            compte is not None
            and self.dossier
            and DemandeAvis.objects.filter(dossier=self.dossier, expert=compte).exists()
        ):
            raise forms.ValidationError(_("Un avis a déjà été demandé à cette personne sur ce dossier."))
        return email

    def clean_echeance(self):
        echeance = self.cleaned_data["echeance"]
        if echeance < timezone.localdate():
            raise forms.ValidationError(_("La date attendue ne peut pas être passée."))
        return echeance


class ReponseAvisForm(forms.ModelForm):
    avis = forms.ChoiceField(label=_("Votre avis"), choices=AvisExpert.choices, widget=forms.RadioSelect)

    class Meta:
        model = DemandeAvis
        fields = ["avis", "texte", "piece_jointe"]
        widgets = {"texte": forms.Textarea(attrs={"rows": 6})}
        labels = {"texte": _("Votre avis motivé"), "piece_jointe": _("Pièce jointe (facultative)")}

    def clean_piece_jointe(self):
        fichier = self.cleaned_data.get("piece_jointe")
        if fichier and fichier != self.instance.piece_jointe:
            valider_piece(fichier)
        return fichier


class OrientationForm(forms.Form):
    """A young person the funded action oriented towards the PLIE, with their agreement."""

    prenom = forms.CharField(label=_("Prénom"), max_length=100)
    nom = forms.CharField(label=_("Nom"), max_length=100)
    date_naissance = forms.DateField(label=_("Date de naissance"), widget=DateInput())
    commune = forms.ModelChoiceField(label=_("Commune de résidence"), queryset=None)
    telephone = forms.CharField(label=_("Téléphone"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    consentement = forms.BooleanField(
        label=_(
            "La personne a donné son accord pour être orientée vers le PLIE et pour que ses coordonnées soient "
            "transmises au PLIE."
        )
    )

    def __init__(self, *args, **kwargs):
        from territoire.models import Commune

        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = Commune.objects.order_by("nom")

    def clean(self):
        donnees = super().clean()
        if not (donnees.get("telephone") or donnees.get("email")):
            raise forms.ValidationError(
                _("Indiquez un téléphone ou un e-mail : le PLIE doit pouvoir joindre la personne.")
            )
        return donnees

    def clean_date_naissance(self):
        naissance = self.cleaned_data["date_naissance"]
        if naissance >= timezone.localdate():
            raise forms.ValidationError(_("La date de naissance doit être passée."))
        return naissance
