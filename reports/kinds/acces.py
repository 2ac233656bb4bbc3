"""The access log exported (coordination, and the DPO through a coordination account): the rows the
log page shows for the same filters, in a workbook (RGPD issue: "filter the log … and export it")."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal.xlsx import Classeur, ligne

from . import register
from .base import ParametresForm, ReportKind
from .fse import XLSX

COLONNES = [
    ("Le", lambda a: timezone.localtime(a.le).strftime("%d/%m/%Y %H:%M:%S")),
    ("Utilisateur", lambda a: a.utilisateur_email),
    ("Action", lambda a: a.get_action_display()),
    ("Type d'objet", lambda a: a.objet_type),
    ("Identifiant", lambda a: a.objet_id),
    ("Description", lambda a: a.description),
    ("Page", lambda a: a.chemin),
    ("Adresse IP", lambda a: a.adresse_ip or ""),
]


class JournalForm(ParametresForm):
    """The filters of the log page (accounts.filters.AccesDonneesFilter), as the export receives them."""

    utilisateur = forms.CharField(required=False, max_length=254)
    objet_type = forms.CharField(required=False, max_length=60)
    objet_id = forms.CharField(required=False, max_length=40)
    action = forms.CharField(required=False, max_length=20)
    du = forms.DateField(required=False)
    au = forms.DateField(required=False)


@register
class JournalDesAcces(ReportKind):
    code = "journal_acces"
    label = _("Journal des accès (XLSX)")
    description = _("Les accès aux données personnelles filtrés comme sur la page du journal.")
    roles = frozenset({"coordination", "dpo"})
    form_class = JournalForm
    extension = "xlsx"
    content_type = XLSX

    def lignes(self, parametres):
        """The log rows of these filters, read through the log page's own filter (one home)."""
        from accounts.filters import AccesDonneesFilter
        from accounts.models import AccesDonnees

        filtre = AccesDonneesFilter(
            parametres or None,
            queryset=AccesDonnees.objects.all(),
            objet_types=[parametres["objet_type"]] if parametres.get("objet_type") else [],
        )
        queryset = filtre.qs if filtre.is_bound else AccesDonnees.objects.all()
        return queryset.order_by("-le", "-id")

    def ecrire(self, rapport, progress, sortie):
        classeur = Classeur(sortie)
        feuille = classeur.feuille("Journal des accès", entetes=[titre for titre, _valeur in COLONNES])
        queryset = self.lignes(rapport.parametres)
        total = queryset.count() or 1
        for index, acces in enumerate(queryset.iterator(chunk_size=2000), start=1):
            feuille.ajouter(ligne([valeur(acces) for _titre, valeur in COLONNES]))
            if index % 5000 == 0:
                progress(5 + int(90 * index / total), _("Lignes du journal"))
        progress(95, _("Enregistrement du classeur"))
        classeur.enregistrer()
