"""The PLIE's entries and exits of each day, kept as counters (issue 20): the months of the
coordination dashboard and of the reports add up a few hundred rows instead of counting the
participations of the period (330,000 a year at national scale).

Every write of a participation changes them in the same transaction (`compter`): its save, from
the state read under a row lock just before (`Parcours.save`), its deletion (a signal, since
cascades call no `delete()`), and the bulk creations (import, historical import, demo seed) with
the rows they insert. `recompter` rebuilds them from the participations (migration, bench)."""

from collections import Counter

from django.db import connection, models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from ..choices import MOTIFS_SORTIE_POSITIVE


class ActiviteJournaliere(models.Model):
    """How many participations entered, left, and left positively on one day (all of them,
    complete or not: the activity, not the FSE+ count)."""

    jour = models.DateField(_("jour"), unique=True)
    entrees = models.IntegerField(_("entrées"), default=0)
    sorties = models.IntegerField(_("sorties"), default=0)
    sorties_positives = models.IntegerField(_("sorties positives"), default=0)

    class Meta:
        verbose_name = _("activité d'un jour")
        verbose_name_plural = _("activité de chaque jour")

    def __str__(self):
        return f"{self.jour:%d/%m/%Y}"


CHAMPS = ("entrees", "sorties", "sorties_positives")
LOT = 1000  # days a statement (four parameters each: SQLite allows 32,766)


def etat(parcours):
    """What a participation adds to the counters: (entry date, exit date, positive exit?)."""
    return (parcours.date_entree, parcours.date_sortie, parcours.sortie_positive)


def _apports(etats, signe, total):
    for date_entree, date_sortie, positive in etats:
        if date_entree:
            total[date_entree, "entrees"] += signe
        if date_sortie:
            total[date_sortie, "sorties"] += signe
            if positive:
                total[date_sortie, "sorties_positives"] += signe


def compter(ajoutes=(), retires=()):
    """Add the states `ajoutes` to the counters and take `retires` away (`etat` of each), in the
    caller's transaction: the row of a day is locked until it commits, so concurrent writes add up."""
    total = Counter()
    _apports(ajoutes, 1, total)
    _apports(retires, -1, total)
    par_jour = {}
    for (jour, champ), n in total.items():
        if n:
            par_jour.setdefault(jour, {})[champ] = n
    if not par_jour:
        return
    # One statement for every day (a seed or an import touches thousands of them), the same on
    # PostgreSQL and SQLite: a new day inserted, an existing one incremented. Days in order: two
    # writers touching the same days lock them in the same order.
    table = connection.ops.quote_name(ActiviteJournaliere._meta.db_table)
    jours = sorted(par_jour)
    for debut in range(0, len(jours), LOT):
        tranche = jours[debut : debut + LOT]
        valeurs = []
        for jour in tranche:
            valeurs += [jour, *(par_jour[jour].get(champ, 0) for champ in CHAMPS)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (jour, {', '.join(CHAMPS)}) VALUES "
                + ", ".join(["(%s, %s, %s, %s)"] * len(tranche))
                + " ON CONFLICT (jour) DO UPDATE SET "
                + ", ".join(f"{champ} = {table}.{champ} + excluded.{champ}" for champ in CHAMPS),
                valeurs,
            )


def recompter(Parcours=None, Activite=None):
    """Rebuild every counter from the participations (three grouped counts)."""
    if Parcours is None:
        from django.apps import apps

        Parcours = apps.get_model("parcours", "Parcours")
    Activite = Activite or ActiviteJournaliere
    lignes = {}
    base = Parcours._base_manager.order_by()
    comptes = (
        ("entrees", base.filter(date_entree__isnull=False), "date_entree"),
        ("sorties", base.filter(date_sortie__isnull=False), "date_sortie"),
        (
            "sorties_positives",
            base.filter(Q(date_sortie__isnull=False) & Q(motif_sortie__in=MOTIFS_SORTIE_POSITIVE)),
            "date_sortie",
        ),
    )
    for champ, queryset, date in comptes:
        for jour, n in queryset.values_list(date).annotate(n=Count("*")):
            lignes.setdefault(jour, {})[champ] = n
    Activite.objects.all().delete()
    Activite.objects.bulk_create([Activite(jour=jour, **champs) for jour, champs in lignes.items()], batch_size=2000)
