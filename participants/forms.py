"""Forms of the participant record, its documents and the merge of two records."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from plie_portal.fichiers import valider_fichier
from plie_portal.versions import FormulaireVersionne
from plie_portal.widgets import DateInput

from .models import Document, Participant


class ParticipantForm(FormulaireVersionne):
    """Identity and contact of a participant. Coordination chooses the referent; a referent
    creating a record becomes its referent."""

    confirmer_homonyme = forms.BooleanField(label=_("Je confirme qu'il s'agit d'une autre personne"), required=False)

    class Meta:
        model = Participant
        fields = [
            "sexe",
            "nom",
            "nom_naissance",
            "prenom",
            "date_naissance",
            "adresse",
            "commune",
            "telephone",
            "email",
            "contact_tiers",
            "identifiant_france_travail",
            "date_information",
            "referent",
        ]
        widgets = {"date_naissance": DateInput(), "date_information": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.homonymes_visibles = []
        self.homonymes_autres = 0
        if user.effective_role == Role.COORDINATION:
            self.fields["referent"].queryset = (
                User.objects.filter(role=Role.REFERENT, is_active=True)
                .select_related("structure")
                .order_by("last_name", "first_name")
            )
            self.fields["referent"].label_from_instance = lambda u: f"{u.get_full_name() or u.email} – {u.structure}"
        else:
            del self.fields["referent"]
        if self.instance.pk:
            del self.fields["confirmer_homonyme"]

    def clean(self):
        donnees = super().clean()
        nom, prenom, naissance = donnees.get("nom"), donnees.get("prenom"), donnees.get("date_naissance")
        if self.instance.pk is None and nom and prenom and naissance:
            homonymes = Participant.objects.homonymes(nom, prenom, naissance)
            visibles = list(Participant.objects.visible_to(self.user).filter(pk__in=homonymes.values("pk")))
            self.homonymes_visibles = visibles
            self.homonymes_autres = homonymes.count() - len(visibles)
            if (visibles or self.homonymes_autres) and not donnees.get("confirmer_homonyme"):
                self.add_error(
                    "confirmer_homonyme",
                    _(
                        "Une personne avec les mêmes nom, prénom et date de naissance existe déjà. "
                        "Vérifiez qu'il ne s'agit pas d'elle, puis cochez la case pour confirmer."
                    ),
                )
        return donnees


class DocumentForm(forms.ModelForm):
    """A document attached to a participant: PDF, JPEG or PNG checked by content, 10 Mo at most."""

    class Meta:
        model = Document
        fields = ["type", "titre", "date", "fichier"]
        widgets = {
            "date": DateInput(),
            "fichier": forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        }
        help_texts = {"fichier": _("PDF, JPEG ou PNG, 10 Mo au maximum.")}

    parcours = forms.ModelChoiceField(
        label=_("Parcours concerné"),
        queryset=None,
        required=False,
        help_text=_("Pour une pièce FSE+ : la participation qu'elle justifie."),
    )
    field_order = ["type", "parcours", "titre", "date", "fichier"]

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, **kwargs)
        # A proof belongs to one of the person's own participations.
        self.fields["parcours"].queryset = participant.parcours.order_by("-date_orientation", "-id")

    def save(self, commit=True):
        """The document, and its filing as a proof of the chosen participation (after `commit`)."""
        document = super().save(commit=commit)
        if commit and self.cleaned_data.get("parcours"):
            from parcours.models import PieceFSE

            PieceFSE.objects.create(parcours=self.cleaned_data["parcours"], document=document)
        return document

    def clean_fichier(self):
        fichier = self.cleaned_data.get("fichier")
        if not fichier:
            return fichier
        valider_fichier(fichier)
        return fichier


class FusionForm(forms.Form):
    """The two records to merge, by their number."""

    conserve = forms.IntegerField(label=_("Numéro de la fiche conservée"), min_value=1)
    absorbe = forms.IntegerField(
        label=_("Numéro de la fiche absorbée"),
        min_value=1,
        help_text=_("Cette fiche sera supprimée ; ses parcours et documents passent sur la fiche conservée."),
    )

    def clean(self):
        donnees = super().clean()
        conserve, absorbe = donnees.get("conserve"), donnees.get("absorbe")
        if conserve and absorbe:
            if conserve == absorbe:
                raise forms.ValidationError(_("Choisissez deux fiches différentes."))
            fiches = Participant.objects.in_bulk([conserve, absorbe])
            for champ, numero in (("conserve", conserve), ("absorbe", absorbe)):
                if numero not in fiches:
                    self.add_error(champ, _("Aucune fiche ne porte ce numéro."))
            if len(fiches) == 2:
                donnees["fiche_conservee"] = fiches[conserve]
                donnees["fiche_absorbee"] = fiches[absorbe]
        return donnees
