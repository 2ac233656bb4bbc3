"""What every report kind declares: code, label, roles, parameters form, scope check, generation."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class RapportImpossible(Exception):
    """A failure whose French message is shown as is to the person who asked for the report."""


class ParametresForm(forms.Form):
    """Parameters of a report kind; receives the requester to scope its choices."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def parametres(self):
        """JSON-serialisable parameters stored on the Rapport."""
        valeurs = {}
        for nom, valeur in self.cleaned_data.items():
            if valeur in (None, "", [], ()):
                continue
            if hasattr(valeur, "isoformat"):
                valeur = valeur.isoformat()
            elif hasattr(valeur, "pk"):
                valeur = valeur.pk
            valeurs[nom] = valeur
        return valeurs


class ReportKind:
    """A kind of document. Subclasses set the class attributes and implement `ecrire`."""

    code: str = ""
    label = ""
    description = ""
    roles: frozenset = frozenset()
    form_class = ParametresForm
    extension = "pdf"
    content_type = "application/pdf"
    # The object a report is about, asked for by the buttons of its page (e.g. "participant").
    objet_param = ""

    def allowed_for(self, user):
        return user.is_authenticated and user.effective_role in self.roles

    def check_role(self, user):
        """403 for a role that never asks for this kind."""
        if not self.allowed_for(user):
            raise PermissionDenied(_("Votre rôle ne permet pas de demander ce document."))

    def check_scope(self, user, parametres):
        """Raise Http404 when the object the report is about is outside the requester's scope."""

    def encore_permis(self, user, rapport):
        """Whether `user` may still download `rapport` now: the role, the object's scope and every
        person a list holds are checked again (a participant moved to another referent, a role
        changed since the file was produced)."""
        from django.http import Http404

        if not self.allowed_for(user):
            return False
        try:
            self.check_scope(user, rapport.parametres)
        except Http404:
            return False
        if rapport.personnes is None:
            return True
        from participants.models import Participant

        personnes = set(rapport.personnes)
        return Participant.objects.visible_to(user).filter(pk__in=personnes).count() == len(personnes)

    def objet(self, user, parametres):
        """The object the document is about, within `user`'s scope (Http404 otherwise)."""
        return None

    # Why the document cannot be produced for an object it is not available for (disponible_pour).
    message_indisponible = ""

    def disponible_pour(self, objet):
        """Whether the document makes sense for this object now (e.g. a decision letter needs a decision)."""
        return True

    def verifier_disponible(self, objet):
        """Refuse, with message_indisponible, a document this object does not allow (yet)."""
        if not self.disponible_pour(objet):
            raise RapportImpossible(self.message_indisponible)

    def libelle(self, parametres):
        """The title shown in the list of reports."""
        return str(self.label)

    def nom_fichier(self, rapport):
        return f"{self.code}-{rapport.pk}.{self.extension}"

    def journal(self, rapport):
        """What a download of `rapport` is recorded against in the access log (accounts.audit)."""
        return {"obj": rapport}

    def generate(self, rapport, progress, sortie):
        """Write the document of `rapport` into the binary file `sortie`, calling
        `progress(percent, message)` as it goes. Re-checks the scope: rights may have changed."""
        self.check_scope(rapport.demandeur, rapport.parametres)
        self.ecrire(rapport, progress, sortie)

    def ecrire(self, rapport, progress, sortie):
        raise NotImplementedError
