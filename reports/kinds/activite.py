"""The PLIE activity report of a period (PDF with charts)."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal import graphiques
from plie_portal.widgets import DateInput

from ..pdf import rendre_pdf
from ..statistiques import activite
from . import register
from .base import ParametresForm, RapportImpossible, ReportKind


def lire_date(valeur, nom):
    try:
        return date.fromisoformat(valeur)
    except (TypeError, ValueError):
        raise RapportImpossible(_("La date « %(nom)s » est absente ou invalide.") % {"nom": nom}) from None


class PeriodeForm(ParametresForm):
    debut = forms.DateField(label=_("Du"), widget=DateInput())
    fin = forms.DateField(label=_("Au"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        aujourd_hui = timezone.localdate()
        self.fields["debut"].initial = date(aujourd_hui.year, 1, 1)
        self.fields["fin"].initial = aujourd_hui

    def clean(self):
        donnees = super().clean()
        debut, fin = donnees.get("debut"), donnees.get("fin")
        if debut and fin:
            if fin < debut:
                raise forms.ValidationError(_("La fin de la période ne peut pas précéder son début."))
            if (fin - debut).days > 366 * 5:
                raise forms.ValidationError(_("La période ne peut pas dépasser cinq ans."))
        return donnees


class PeriodeKind(ReportKind):
    form_class = PeriodeForm

    def periode(self, parametres):
        debut, fin = lire_date(parametres.get("debut"), "début"), lire_date(parametres.get("fin"), "fin")
        if fin < debut:
            raise RapportImpossible(_("La fin de la période ne peut pas précéder son début."))
        return debut, fin

    def libelle(self, parametres):
        try:
            debut, fin = self.periode(parametres)
        except RapportImpossible:
            return str(self.label)
        return f"{self.label} du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}"

    def nom_fichier(self, rapport):
        debut, fin = self.periode(rapport.parametres)
        return f"{self.code}-{debut:%Y%m%d}-{fin:%Y%m%d}.{self.extension}"


def graphiques_activite(donnees):
    """The SVG charts of the activity report (entries/exits per month, positive exit rate)."""
    mois = donnees["mois"]
    par_mois = graphiques.entrees_et_sorties(mois, _("Entrées et sorties par mois"))
    taux = graphiques.jauge(
        round(donnees["taux_sorties_positives"] * 100, 1),
        round(donnees["taux_objectif"] * 100, 1),
        titre=str(_("Taux de sorties positives")),
        unite=" %",
        maximum=100,
    )
    objectif = donnees["objectif"]
    accompagnes = graphiques.jauge(
        donnees["accompagnes_annee"],
        objectif.participants_min,
        titre=str(_("Personnes accompagnées en %(annee)s") % {"annee": objectif.annee}),
        maximum=max(objectif.participants_max, donnees["accompagnes_annee"]),
    )
    return {"graphique_mois": par_mois, "graphique_taux": taux, "graphique_accompagnes": accompagnes}


@register
class RapportActivite(PeriodeKind):
    """Entries and exits per month, by commune and structure, positive exits against the objective,
    FSE+ indicators."""

    code = "activite"
    label = _("Rapport d'activité du PLIE")
    description = _("Entrées et sorties par mois, par commune et par structure, sorties positives, indicateurs FSE+.")
    roles = frozenset({"coordination"})

    def ecrire(self, rapport, progress, sortie):
        debut, fin = self.periode(rapport.parametres)
        progress(10, _("Calcul des entrées et des sorties"))
        donnees = activite(debut, fin)
        progress(50, _("Dessin des graphiques"))
        contexte = {
            **donnees,
            **graphiques_activite(donnees),
            "titre": self.libelle(rapport.parametres),
            "genere_le": timezone.localtime(),
        }
        progress(70, _("Mise en page du document"))
        rendre_pdf("reports/pdf/activite.html", contexte, sortie)
