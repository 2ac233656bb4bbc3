"""The attendance sheet of a collective session (issue 17): the names of the people invited and a
signature box for each, to print before the session; the signed sheet is then uploaded."""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..pdf import rendre_pdf
from . import register
from .base import ParametresForm, ReportKind


class AtelierForm(ParametresForm):
    atelier = forms.IntegerField(label=_("Numéro de l'atelier"), min_value=1, widget=forms.HiddenInput)


def atelier_modifiable(user, parametres):
    """The session of the parameters, among those `user` runs (`modifiables_par`), else 404."""
    from parcours.models import Atelier

    try:
        pk = int(parametres.get("atelier"))
    except (TypeError, ValueError):
        raise Http404 from None
    return get_object_or_404(Atelier.objects.modifiables_par(user).select_related("structure"), pk=pk)


@register
class FeuilleEmargement(ReportKind):
    """Names and signature boxes: nothing about the people but their names (a partner prints it)."""

    code = "emargement"
    label = _("Feuille d'émargement (PDF)")
    description = _("Les noms des personnes invitées et une case de signature pour chacune.")
    roles = frozenset({"coordination", "referent", "partenaire"})
    form_class = AtelierForm
    objet_param = "atelier"

    def check_scope(self, user, parametres):
        atelier_modifiable(user, parametres)

    def objet(self, user, parametres):
        return atelier_modifiable(user, parametres)

    def libelle(self, parametres):
        from parcours.models import Atelier

        atelier = Atelier.objects.filter(pk=parametres.get("atelier")).first()
        return f"{self.label} – {atelier}" if atelier else str(self.label)

    def ecrire(self, rapport, progress, sortie):
        atelier = atelier_modifiable(rapport.demandeur, rapport.parametres)
        invitations = list(atelier.invitations.select_related("parcours__participant"))
        rapport.personnes = sorted({i.parcours.participant_id for i in invitations})
        progress(40, _("Mise en page du document"))
        contexte = {
            "titre": _("Feuille d'émargement – %(atelier)s") % {"atelier": atelier},
            "atelier": atelier,
            "noms": [str(i.parcours.participant) for i in invitations],
            "genere_le": timezone.localtime(),
        }
        rendre_pdf("reports/pdf/emargement.html", contexte, sortie)
