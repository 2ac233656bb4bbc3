"""Forms of the collective sessions: the session, the invitations, the attendance, the signed sheet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Structure
from plie_portal.fichiers import valider_fichier
from plie_portal.widgets import DateTimeInput

from ..forms import CrispyMixin
from ..models import Atelier, Invitation, Presence


class AtelierForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Atelier
        fields = ["theme", "intitule", "debut", "duree_minutes", "lieu", "structure"]
        widgets = {"debut": DateTimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = Structure.objects.filter(actif=True).order_by("nom")
        self.fields["duree_minutes"].widget.attrs.update(min=15, max=600, step=15)


class InvitationsForm(forms.Form):
    """The participations to invite, among those the page listed (the user's scope)."""

    parcours = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": _("Cochez au moins une personne à inviter.")}
    )

    def __init__(self, *args, parcours, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parcours"].queryset = parcours


class PresencesForm(forms.Form):
    """One attendance choice per invitation (`presence-<id>`)."""

    def __init__(self, *args, invitations, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitations = invitations
        for invitation in invitations:
            self.fields[f"presence-{invitation.pk}"] = forms.ChoiceField(
                label=str(invitation.parcours.participant),
                choices=Presence.choices,
                required=False,
                initial=invitation.presence,
            )

    def enregistrer(self):
        """Save the attendance that changed; returns how many."""
        changees = []
        for invitation in self.invitations:
            valeur = self.cleaned_data.get(f"presence-{invitation.pk}", "")
            if valeur != invitation.presence:
                invitation.presence = valeur
                changees.append(invitation)
        Invitation.objects.bulk_update(changees, ["presence"])
        return len(changees)


class FeuilleForm(forms.ModelForm):
    """The signed attendance sheet: PDF, JPEG or PNG checked by content."""

    class Meta:
        model = Atelier
        fields = ["feuille_signee"]
        widgets = {"feuille_signee": forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"})}
        help_texts = {"feuille_signee": _("PDF, JPEG ou PNG, 10 Mo au maximum.")}

    def clean_feuille_signee(self):
        fichier = self.cleaned_data.get("feuille_signee")
        if fichier and hasattr(fichier, "content_type"):
            valider_fichier(fichier)
        return fichier
