"""FSE+ common indicators of participations for a period (DESIGN §2, "FSE+ indicators").

Two aggregate queries: one over the participations entering in the period (entry indicators and
the incomplete ones), one over the exits of the period. The per-row rules (completeness, age and
long-term unemployment at entry) are columns of the participation, written on every change by
`models.courant`: the aggregate is a plain count over an index on the dates.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from plie_portal.dates import mois_abrege, mois_de_la_periode

from .choices import (
    CITE_0_2,
    CITE_3_4,
    CITE_5_8,
    MOTIFS_SORTIE_POSITIVE,
    Nationalite,
    SituationSortie,
    StatutMarcheTravail,
    TrancheAge,
)
from .models.parcours import COMPLET_FSE

# The stable keys, in the order of DESIGN §2 (there is no EECO15), with their French labels.
LIBELLES = {
    "EECO01": _("Participants"),
    "EECO02": _("Chômeurs, y compris de longue durée"),
    "EECO03": _("Chômeurs de longue durée"),
    "EECO04": _("Personnes inactives"),
    "EECO05": _("Personnes en emploi, y compris indépendantes"),
    "EECO06": _("Moins de 18 ans"),
    "EECO07": _("18 à 29 ans"),
    "EECO08": _("55 ans et plus"),
    "EECO09": _("Niveau CITE 0 à 2"),
    "EECO10": _("Niveau CITE 3 à 4"),
    "EECO11": _("Niveau CITE 5 à 8"),
    "EECO12": _("Personnes handicapées (RQTH)"),
    "EECO13": _("Ressortissants de pays tiers (hors UE)"),
    "EECO14": _("Personnes d'origine étrangère"),
    "EECO16": _("Sans domicile ou exclues du logement"),
    "EECO17": _("Personnes vivant en zone rurale"),
    "EECR01": _("En recherche d'emploi à la sortie"),
    "EECR02": _("En formation à la sortie"),
    "EECR03": _("Qualification obtenue à la sortie"),
    "EECR04": _("En emploi à la sortie"),
    "EECR05": _("En emploi six mois après la sortie"),
    "EECR06": _("Situation améliorée six mois après la sortie"),
    "sorties": _("Sorties"),
    "sorties_positives": _("Sorties positives"),
    "taux_sorties_positives": _("Taux de sorties positives"),
    "incomplets": _("Participations incomplètes entrées sur la période"),
}
CLES = tuple(LIBELLES)

# Only complete participations count (DESIGN §2): the rule of ParcoursQuerySet.complets_fse().
COMPLET = COMPLET_FSE


def _entrees(queryset, debut, fin):
    """Entry indicators: plain counts over columns kept on each participation (`models.courant`:
    completeness, age band and long-term unemployment at entry), no join nor per-row date arithmetic."""
    entrees = queryset.filter(date_entree__gte=debut, date_entree__lte=fin)

    def n(condition):
        return Count("id", filter=COMPLET & condition)

    return entrees.aggregate(
        EECO01=Count("id", filter=COMPLET),
        EECO02=n(Q(statut_marche_travail=StatutMarcheTravail.CHOMEUR)),
        EECO03=n(Q(chomage_longue_duree=True)),
        EECO04=n(Q(statut_marche_travail=StatutMarcheTravail.INACTIF)),
        EECO05=n(Q(statut_marche_travail=StatutMarcheTravail.EN_EMPLOI)),
        EECO06=n(Q(tranche_age_entree=TrancheAge.MOINS_DE_18)),
        EECO07=n(Q(tranche_age_entree=TrancheAge.DE_18_A_29)),
        EECO08=n(Q(tranche_age_entree=TrancheAge.PLUS_DE_55)),
        EECO09=n(Q(niveau_formation__in=CITE_0_2)),
        EECO10=n(Q(niveau_formation__in=CITE_3_4)),
        EECO11=n(Q(niveau_formation__in=CITE_5_8)),
        EECO12=n(Q(rqth=True)),
        EECO13=n(Q(nationalite=Nationalite.HORS_UE)),
        EECO14=n(Q(origine_etrangere=True)),
        EECO16=n(Q(sans_domicile=True)),
        EECO17=n(Q(zone_rurale=True)),
        incomplets=Count("id", filter=~COMPLET),
    )


def _sorties_de(queryset, debut, fin):
    """Exits of the period, of complete participations only (as FSE+ counts them)."""
    return queryset.filter(COMPLET, date_sortie__gte=debut, date_sortie__lte=fin)


def _sorties(queryset, debut, fin):
    return _sorties_de(queryset, debut, fin).aggregate(
        EECR01=Count("id", filter=Q(situation_sortie=SituationSortie.RECHERCHE_EMPLOI)),
        EECR02=Count("id", filter=Q(situation_sortie=SituationSortie.FORMATION)),
        EECR03=Count("id", filter=Q(qualification_obtenue=True)),
        EECR04=Count("id", filter=Q(situation_sortie=SituationSortie.EMPLOI)),
        EECR05=Count("id", filter=Q(emploi_6_mois=True)),
        EECR06=Count("id", filter=Q(situation_amelioree_6_mois=True)),
        sorties=Count("id"),
        sorties_positives=Count("id", filter=Q(motif_sortie__in=MOTIFS_SORTIE_POSITIVE)),
    )


def taux(numerateur, denominateur):
    """A ratio between 0 and 1 rounded half-up to 3 decimals; 0 when the denominator is 0."""
    if not denominateur:
        return 0.0
    return float((Decimal(numerateur) / Decimal(denominateur)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


def personnes_accompagnees(debut, fin):
    """Distinct persons with a participation entered on or before `fin` and not exited before
    `debut`, complete or not: the figure compared with the yearly objective (2,300 to 2,500 for a
    year), the same on the coordination home, the dashboard and the activity report."""
    from participants.models import Participant

    from .models import Parcours

    if not Parcours.objects.filter(date_entree__gt=fin).exists():
        # Nobody enters after the period, so no gap between two parcours can hold all of it: a
        # person is accompanied over it when their latest participation entered ends on or after
        # its start. One indexed count over a kept column (models.courant), the same figure.
        return Participant.objects.filter(fin_accompagnement__gte=debut).count()
    return (
        Parcours.objects.filter(date_entree__isnull=False, date_entree__lte=fin)
        .filter(Q(date_sortie__isnull=True) | Q(date_sortie__gte=debut))
        .values("participant")
        .distinct()
        .count()
    )


def personnes_accompagnees_en(annee):
    """People accompanied in the calendar year `annee` (1 January to 31 December)."""
    return personnes_accompagnees(date(annee, 1, 1), date(annee, 12, 31))


def sorties_positives(debut, fin):
    """(exits, positive exits, their rate) of the period, counted as in calculer_indicateurs: one
    query, for the pages that show the rate without the other indicators."""
    from .models import Parcours

    # Columns of the index on (exit date, motive) including completeness, which answers alone.
    valeurs = _sorties_de(Parcours.objects.order_by(), debut, fin).aggregate(
        sorties=Count("date_sortie"),
        positives=Count("date_sortie", filter=Q(motif_sortie__in=MOTIFS_SORTIE_POSITIVE)),
    )
    return valeurs["sorties"], valeurs["positives"], taux(valeurs["positives"], valeurs["sorties"])


def calculer_indicateurs(debut, fin, parcours=None):
    """The FSE+ indicators of the period [debut, fin] (both included), keyed as in DESIGN §2.

    `parcours` narrows the participations counted (a Parcours queryset; default: all).
    """
    from .models import Parcours

    queryset = (parcours if parcours is not None else Parcours.objects.all()).order_by()
    valeurs = {**_entrees(queryset, debut, fin), **_sorties(queryset, debut, fin)}
    valeurs["taux_sorties_positives"] = taux(valeurs["sorties_positives"], valeurs["sorties"])
    return {cle: valeurs[cle] for cle in CLES}


def lignes(indicateurs):
    """(key, French label, value) rows for display, in the table's order."""
    return [(cle, LIBELLES[cle], indicateurs[cle]) for cle in CLES]


def par_sexe(debut, fin, parcours=None):
    """{sex code: indicators} of the period, the participations split by the person's sex (F, M,
    X), as the managing authority asks; a participation whose sex is unknown is in none of them.
    `parcours` narrows them as in calculer_indicateurs (e.g. to an operation)."""
    from participants.models import Sexe

    from .models import Parcours

    base = parcours if parcours is not None else Parcours.objects.all()
    return {code: calculer_indicateurs(debut, fin, base.filter(participant__sexe=code)) for code in Sexe.values}


def _par_mois(queryset, champ):
    # COUNT(*), not COUNT(id): the index on the date (and the exit's motive) answers alone.
    lignes = queryset.annotate(mois=TruncMonth(champ)).values("mois").annotate(n=Count("*")).order_by("mois")
    return {ligne["mois"].replace(day=1) if ligne["mois"] else None: ligne["n"] for ligne in lignes}


def _activite_par_mois(debut, fin):
    """The PLIE's entries, exits and positive exits of each month of [debut, fin], summed from the
    daily counters (models/activite.py): one query over a few hundred rows."""
    from .models import ActiviteJournaliere

    lignes = (
        ActiviteJournaliere.objects.filter(jour__gte=debut, jour__lte=fin)
        .annotate(mois=TruncMonth("jour"))
        .values("mois")
        .annotate(e=Sum("entrees"), s=Sum("sorties"), p=Sum("sorties_positives"))
        .order_by("mois")
    )
    series = ({}, {}, {})
    for ligne in lignes:
        mois = ligne["mois"].replace(day=1)
        for serie, cle in zip(series, "esp", strict=True):
            serie[mois] = ligne[cle]
    return series


def entrees_et_sorties_par_mois(debut, fin, parcours=None):
    """The months of [debut, fin], each {mois, libelle, entrees, sorties, sorties_positives}: every
    participation entering or leaving, complete or not (the activity, not the FSE+ count). From the
    daily counters; `parcours` narrows them (e.g. to a structure): three grouped queries then."""
    if parcours is None:
        entrees_mois, sorties_mois, positives_mois = _activite_par_mois(debut, fin)
    else:
        base = parcours.order_by()
        sorties = base.filter(date_sortie__gte=debut, date_sortie__lte=fin)
        entrees_mois = _par_mois(base.filter(date_entree__gte=debut, date_entree__lte=fin), "date_entree")
        sorties_mois = _par_mois(sorties, "date_sortie")
        positives_mois = _par_mois(sorties.filter(motif_sortie__in=MOTIFS_SORTIE_POSITIVE), "date_sortie")
    return [
        {
            "mois": jour,
            "libelle": mois_abrege(jour),
            "entrees": entrees_mois.get(jour, 0),
            "sorties": sorties_mois.get(jour, 0),
            "sorties_positives": positives_mois.get(jour, 0),
        }
        for jour in mois_de_la_periode(debut, fin)
    ]
