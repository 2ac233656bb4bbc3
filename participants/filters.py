"""Filters of the participant list (django-filter). Sensitive filters exist only for the roles
that may see sensitive data, so that a partner cannot infer them by filtering."""

import django_filters
from django.db.models import Exists, OuterRef
from django.forms import ModelChoiceField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from parcours.models import Parcours
from partners.models import Structure
from plie_portal.dates import months_before
from plie_portal.filtres import FiltreStrict, options_html
from plie_portal.text import normalize
from territoire.models import Commune

from .models import Participant, StatutParcours, voit_colonnes_sensibles

TRANCHES_AGE = [
    ("16-25", _("16 à 25 ans")),
    ("26-44", _("26 à 44 ans")),
    ("45-54", _("45 à 54 ans")),
    ("55+", _("55 ans et plus")),
]
BORNES_AGE = {"16-25": (16, 25), "26-44": (26, 44), "45-54": (45, 54), "55+": (55, 150)}
OUI_NON = [("oui", _("Oui")), ("non", _("Non"))]

TRIS = {
    "nom": ("nom", "prenom", "id"),
    "-nom": ("-nom", "-prenom", "-id"),
    # Each order is an index of the participant (models.py): no sort of a join over the whole table.
    "commune": ("tri_commune", "nom", "id"),
    "-commune": ("-tri_commune", "nom", "id"),
    "entree": ("date_entree_parcours", "nom", "id"),
    "-entree": ("-date_entree_parcours", "nom", "id"),
    "referent": ("tri_referent", "nom", "id"),
    "-referent": ("-tri_referent", "nom", "id"),
}
# Sorts a partner may use: identity and contact only.
TRIS_PARTENAIRE = {"nom", "-nom", "commune", "-commune"}
CHAMPS_SENSIBLES = ("referent", "structure", "statut", "qpv", "annee_entree", "fse_incomplet")


def date_naissance_bornes(tranche, aujourd_hui):
    """Birth dates of the people whose age in full years today lies in the band."""
    age_min, age_max = BORNES_AGE[tranche]
    # Born on or before today minus age_min years, and after today minus (age_max + 1) years.
    plus_jeune = months_before(aujourd_hui, 12 * age_min)
    plus_vieux = months_before(aujourd_hui, 12 * (age_max + 1))
    return plus_vieux, plus_jeune


class ParticipantFilter(FiltreStrict):
    """Filters of `/participants/`; the queryset must come from `visible_to(user)`."""

    commune = django_filters.ModelChoiceFilter(
        label=_("Commune"), queryset=Commune.objects.only("code_insee", "nom"), empty_label=_("Toutes")
    )
    referent = django_filters.ModelChoiceFilter(
        label=_("Référent·e"),
        queryset=User.objects.filter(role=Role.REFERENT).only("id", "first_name", "last_name", "email"),
        empty_label=_("Tous"),
    )
    structure = django_filters.ModelChoiceFilter(
        label=_("Structure du référent"),
        field_name="referent__structure",
        queryset=Structure.objects.filter(utilisateurs__role=Role.REFERENT).distinct().only("id", "nom"),
        empty_label=_("Toutes"),
    )
    statut = django_filters.ChoiceFilter(
        label=_("Parcours actuel"),
        field_name="statut_parcours",
        choices=StatutParcours.choices,
        empty_label=_("Tous"),
    )
    qpv = django_filters.ChoiceFilter(label=_("QPV"), choices=OUI_NON, method="filtrer_qpv", empty_label=_("Tous"))
    age = django_filters.ChoiceFilter(label=_("Âge"), choices=TRANCHES_AGE, method="filtrer_age", empty_label=_("Tous"))
    annee_entree = django_filters.NumberFilter(
        label=_("Année d'entrée"), method="filtrer_annee_entree", min_value=2000, max_value=2100
    )
    fse_incomplet = django_filters.BooleanFilter(
        label=_("Données FSE+ incomplètes"),
        method="filtrer_fse_incomplet",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        fields = ["commune", "referent", "structure", "statut", "qpv", "age", "annee_entree", "fse_incomplet"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is None or not voit_colonnes_sensibles(user):
            for nom in CHAMPS_SENSIBLES:
                self.filters.pop(nom, None)
        elif user.effective_role == Role.REFERENT:
            # A referent only sees their structure: other referents of it, no structure choice.
            self.filters.pop("structure", None)
            self.filters["referent"].queryset = self.filters["referent"].queryset.filter(structure_id=user.structure_id)

    def filtrer_qpv(self, queryset, name, value):
        return queryset.filter(
            Exists(Parcours.objects.filter(participant=OuterRef("pk"), courant=True, qpv=(value == "oui")))
        )

    def filtrer_age(self, queryset, name, value):
        if value not in BORNES_AGE:
            return queryset
        debut, fin = date_naissance_bornes(value, timezone.localdate())
        return queryset.filter(date_naissance__gt=debut, date_naissance__lte=fin)

    def filtrer_annee_entree(self, queryset, name, value):
        return queryset.filter(
            Exists(Parcours.objects.filter(participant=OuterRef("pk"), date_entree__year=int(value)))
        )

    def filtrer_fse_incomplet(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(parcours_incomplet=value)


def filtre_recherche(queryset, terme, identite_seulement=False):
    """Search on the normalised column (accent- and case-insensitive on every database).

    With `identite_seulement` (partners), a word with a digit is looked for in the e-mail only:
    the France Travail identifier, which they may not see, must not be searchable either."""
    terme = (terme or "").strip()
    if not terme:
        return queryset
    if not identite_seulement:
        return queryset.recherche(terme)
    for mot in normalize(terme).split():
        chiffre = any(c.isdigit() for c in mot)
        queryset = queryset.filter(email__icontains=mot) if chiffre else queryset.recherche(mot)
    return queryset


def champs_du_formulaire(form):
    """The filter fields as plain data for the template: rendering the selects through Django's
    per-option widget templates costs more than the whole query on a list page."""
    champs = []
    for champ in form:
        valeur = champ.value()
        valeur = "" if valeur is None else str(valeur)
        widget = champ.field.widget
        choix = getattr(widget, "choices", None)
        if isinstance(champ.field, ModelChoiceField):
            # The field's own iterator opens a server-side cursor on PostgreSQL (three round
            # trips): a plain list of a few dozen rows is one; accounts are read as values.
            queryset = champ.field.queryset
            if queryset.model is User:
                choix = [("", champ.field.empty_label), *User.choix(queryset)]
            else:
                choix = [("", champ.field.empty_label)] + [
                    (objet.pk, champ.field.label_from_instance(objet)) for objet in queryset
                ]
        elif isinstance(widget, django_filters.widgets.BooleanWidget):
            choix = [("", _("Tous")), ("true", _("Oui")), ("false", _("Non"))]
        options = None if choix is None else options_html(choix, valeur)
        champs.append(
            {
                "nom": champ.html_name,
                "id": champ.auto_id,
                "libelle": champ.label,
                "valeur": valeur,
                "options": options,
                "erreurs": champ.errors,
            }
        )
    return champs


def participants_filtres(user, donnees):
    """The participants `user` may open, searched, filtered and sorted as `donnees` asks (the list's
    query string, or the parameters of an export): one chain for the page and the export alike."""
    queryset = Participant.objects.visible_to(user).select_related("commune")
    sensible = voit_colonnes_sensibles(user)
    if sensible:
        # Filters and sorts read the participant's kept columns; the current parcours is joined
        # only by whoever reads its fields (the export), never for the list's count and ids.
        queryset = queryset.select_related("referent__structure")
    queryset = filtre_recherche(queryset, donnees.get("q"), identite_seulement=not sensible)
    filtre = ParticipantFilter(donnees or None, queryset=queryset, user=user)
    if filtre.is_bound:
        queryset = filtre.qs  # no row at all while a filter value is invalid (FiltreStrict)
    tri = donnees.get("tri") or "nom"
    if tri not in TRIS or (not sensible and tri not in TRIS_PARTENAIRE):
        tri = "nom"
    return queryset.order_by(*TRIS[tri]), filtre, tri
