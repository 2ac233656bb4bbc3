"""Columns kept from the parcours so that lists, indicators and exports read a column instead of
evaluating a rule per row (issue 20): on each participation its FSE+ completeness, age band and
long-term unemployment at entry, and whether it is the person's current one; on the participant the
status and entry date of that current parcours.

`recalculer(participant_ids)` is the one writer, in a few set-based UPDATEs whatever the number of
people: `Parcours.save()` and its deletion, a participant's save (sex, birth date), the import, the
historical import, the demo seed and the migration all call it. The rules themselves are here, in SQL,
once: what the indicators count is what the columns say.
"""

import datetime

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import LessThan, LessThanOrEqual

from ..choices import (
    BORNES_TRANCHES,
    CHAMPS_FSE_PARCOURS,
    CHAMPS_FSE_PARTICIPANT,
    DecisionCommission,
    StatutMarcheTravail,
    TrancheAge,
    tranche_de_l_age,
)

# `Participant.fin_accompagnement` of a person whose participation is still open.
EN_COURS = datetime.date(9999, 12, 31)
# The current parcours of a person is the latest oriented one (ties: the latest created).
ORDRE_COURANT = ("-date_orientation", "-id")
LOT = 2000


def _date_int(champ):
    """The date as an integer YYYYMMDD: comparisons and differences follow the calendar."""
    return ExtractYear(champ) * 10000 + ExtractMonth(champ) * 100 + ExtractDay(champ)


def statut_du_parcours():
    """Status of a parcours as the participant list shows it (StatutParcours), in SQL."""
    from participants.models import StatutParcours

    return Case(
        When(decision_commission=DecisionCommission.REFUSEE, then=Value(StatutParcours.REFUSE)),
        When(date_sortie__isnull=False, then=Value(StatutParcours.SORTI)),
        When(decision_commission=DecisionCommission.VALIDEE, then=Value(StatutParcours.EN_PARCOURS)),
        default=Value(StatutParcours.EN_ATTENTE),
        output_field=CharField(),
    )


def statut_de(parcours):
    """The same status as `statut_du_parcours`, of one parcours in Python (None: no parcours)."""
    from participants.models import StatutParcours

    if parcours is None:
        return StatutParcours.AUCUN
    if parcours.decision_commission == DecisionCommission.REFUSEE:
        return StatutParcours.REFUSE
    if parcours.date_sortie:
        return StatutParcours.SORTI
    if parcours.decision_commission == DecisionCommission.VALIDEE:
        return StatutParcours.EN_PARCOURS
    return StatutParcours.EN_ATTENTE


def poser_premiere_participation(participant, parcours):
    """Set on these unsaved objects the kept columns of a person whose only participation is
    `parcours` (without proofs yet), from the models' rules: an import inserts its new people's rows
    right rather than rewriting each of them and its indexes by UPDATE. The columns `recalculer`
    writes in SQL agree with these rules (parcours/tests/test_colonnes_courant.py)."""
    from .pieces import pieces_manquantes

    parcours.participant = participant
    parcours.courant = True
    parcours.complet_fse = parcours.fse_complet
    parcours.tranche_age_entree = tranche_de_l_age(parcours.age_entree())
    parcours.chomage_longue_duree = parcours.chomeur_longue_duree
    parcours.a_completer = not parcours.complet_fse or bool(pieces_manquantes(parcours, set()))
    participant.statut_parcours = statut_de(parcours)
    participant.date_entree_parcours = parcours.date_entree
    participant.parcours_incomplet = not parcours.complet_fse
    participant.fin_accompagnement = (parcours.date_sortie or EN_COURS) if parcours.date_entree else None


def colonnes_fse(Participant):
    """The FSE+ columns of a participation as UPDATE expressions over Parcours rows (DESIGN §2)."""
    personne = Participant._base_manager.filter(pk=OuterRef("participant_id"))
    # Complete: sex, labour status and education level filled (the birth date is mandatory).
    manque = Q()
    for champ in CHAMPS_FSE_PARTICIPANT:
        manque |= Q(Exists(personne.filter(**{champ: ""})))
    for champ in CHAMPS_FSE_PARCOURS:
        manque |= Q(**{champ: ""})
    entree = _date_int("date_entree")
    naissance = Subquery(personne.annotate(_naissance=_date_int("date_naissance")).values("_naissance")[:1])
    # Age in full years is floor((entry - birth) / 10000) on YYYYMMDD integers, so "age >= N" is
    # "entry - birth >= N * 10000" (a birthday on the entry day counts).
    ecart = entree - naissance
    # Long-term: unemployed since the same day twelve months before the entry or earlier (the
    # month's last day when it does not exist): start <= entry - 10000 on YYYYMMDD integers.
    longue_duree = Q(
        statut_marche_travail=StatutMarcheTravail.CHOMEUR,
        date_entree__isnull=False,
        date_debut_chomage__isnull=False,
    ) & Q(LessThanOrEqual(_date_int("date_debut_chomage"), entree - 10000))
    return {
        "complet_fse": Case(When(manque, then=Value(False)), default=Value(True), output_field=BooleanField()),
        "tranche_age_entree": Case(
            When(date_entree__isnull=True, then=Value("")),
            *(When(LessThan(ecart, borne * 10000), then=Value(tranche)) for borne, tranche in BORNES_TRANCHES),
            default=Value(TrancheAge.PLUS_DE_55),
            output_field=CharField(),
        ),
        "chomage_longue_duree": Case(
            When(longue_duree, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
    }


def recalculer_colonnes_fse(participant_ids, Participant=None, Parcours=None):
    """Recompute the FSE+ columns of these people's participations. The parcours of an anonymised
    person keep theirs: their birth date was moved to 1 January, the figures of the time stay."""
    Participant, Parcours = _modeles(Participant, Parcours)
    colonnes = colonnes_fse(Participant)
    for tranche in _lots(participant_ids):
        # Read among these people only (by primary key): never a scan of every anonymised record.
        anonymises = Participant._base_manager.filter(pk__in=tranche, anonymise_le__isnull=False).values("pk")
        Parcours._base_manager.filter(participant_id__in=tranche).exclude(participant_id__in=anonymises).update(
            **colonnes
        )


def recalculer_courant(participant_ids, Participant=None, Parcours=None):
    """Recompute which parcours of these people is current and the participant's status and entry
    date columns (StatutParcours.AUCUN and no date without a parcours)."""
    from participants.models import StatutParcours

    Participant, Parcours = _modeles(Participant, Parcours)
    manager = Parcours._base_manager
    for tranche in _lots(participant_ids):
        dernier = manager.filter(participant_id=OuterRef("participant_id")).order_by(*ORDRE_COURANT).values("pk")[:1]
        # Unset before set: the unique index on (participant) WHERE courant checks each row at once.
        manager.filter(participant_id__in=tranche, courant=True).exclude(pk=Subquery(dernier)).update(courant=False)
        manager.filter(participant_id__in=tranche, courant=False, pk=Subquery(dernier)).update(courant=True)
        courant = manager.filter(participant_id=OuterRef("pk"), courant=True)
        entres = manager.filter(participant_id=OuterRef("pk"), date_entree__isnull=False).order_by()
        Participant._base_manager.filter(pk__in=tranche).update(
            statut_parcours=Coalesce(
                Subquery(courant.annotate(_statut=statut_du_parcours()).values("_statut")[:1]),
                Value(StatutParcours.AUCUN),
            ),
            date_entree_parcours=Subquery(courant.values("date_entree")[:1]),
            parcours_incomplet=Coalesce(
                Subquery(
                    courant.annotate(
                        _manque=Case(When(complet_fse=False, then=Value(True)), default=Value(False))
                    ).values("_manque")[:1]
                ),
                Value(False),
            ),
            # The end of the latest participation entered (EN_COURS while one is still open): the
            # people accompanied over a period reaching today are those ending on or after its start.
            fin_accompagnement=Subquery(
                entres.annotate(_fin=Coalesce("date_sortie", Value(EN_COURS)))
                .values("participant_id")
                .annotate(_derniere=Max("_fin"))
                .values("_derniere")[:1]
            ),
        )


def a_completer():
    """UPDATE expression of `Parcours.a_completer`: incomplete FSE+ data (the kept `complet_fse`,
    so that of an anonymised person stays that of the time) or a proof missing (`manque_pieces`)."""
    from .pieces import manque_pieces

    return Case(
        When(Q(complet_fse=False) | manque_pieces(), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def recalculer_a_completer(participant_ids, Parcours=None):
    """Recompute `a_completer` of these people's participations, after their FSE+ columns: also
    called when a proof is filed, removed or retyped (signals of parcours/apps.py)."""
    _, Parcours = _modeles(None, Parcours)
    for tranche in _lots(participant_ids):
        Parcours._base_manager.filter(participant_id__in=tranche).update(a_completer=a_completer())


def recalculer(participant_ids, Participant=None, Parcours=None):
    """Recompute every kept column of these people and their participations (see the module)."""
    recalculer_colonnes_fse(participant_ids, Participant, Parcours)
    recalculer_a_completer(participant_ids, Parcours)
    recalculer_courant(participant_ids, Participant, Parcours)


def _modeles(Participant, Parcours):
    # The migration passes its historical models; the portal its own, from the registry.
    from django.apps import apps

    return (
        Participant or apps.get_model("participants", "Participant"),
        Parcours or apps.get_model("parcours", "Parcours"),
    )


def _lots(ids):
    ids = sorted({i for i in ids if i is not None})
    for debut in range(0, len(ids), LOT):
        yield ids[debut : debut + LOT]


def apres_enregistrement_participant(sender, instance, created, raw=False, **kwargs):
    """A participant's sex or birth date changes its participations' FSE+ columns, and so its own.
    A signal: the participants app, below this one, cannot call it (a new record has no parcours)."""
    if not created and not raw:
        recalculer([instance.pk])


def apres_suppression_parcours(sender, instance, origin=None, **kwargs):
    """A deleted parcours leaves the daily counters (models/activite.py) and may have been the
    current one: its person's columns follow. A signal,
    because deletions also come by cascade and from querysets, which call no `delete()`. Nothing to
    do when the person goes too (the deletion started from their record): 25,000 people deleted
    would otherwise cost three UPDATEs each for rows about to disappear."""
    from django.db.models import QuerySet

    from participants.models import Participant

    from . import activite

    # The day's counters lose it whatever the deletion started from.
    activite.compter(retires=[activite.etat(instance)])
    if (origin.model if isinstance(origin, QuerySet) else type(origin)) is Participant:
        return
    recalculer_courant([instance.participant_id])


def apres_changement_de_piece(sender, instance, origin=None, **kwargs):
    """A proof filed or removed (also by cascade: its document or record deleted) changes whether
    its participation is to complete. Nothing to do when the whole record or parcours goes."""
    from django.db.models import QuerySet

    Participant, Parcours = _modeles(None, None)
    if kwargs.get("raw") or (origin.model if isinstance(origin, QuerySet) else type(origin)) in (Participant, Parcours):
        return
    participant = Parcours._base_manager.filter(pk=instance.parcours_id).values_list("participant_id", flat=True)
    recalculer_a_completer(list(participant))


def apres_enregistrement_document(sender, instance, created, raw=False, **kwargs):
    """A document retyped (admin) may stop or start proving what its participation needs."""
    if not created and not raw:
        recalculer_a_completer([instance.participant_id])
