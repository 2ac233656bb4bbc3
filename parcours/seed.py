"""Demo FSE+ operations (`seed_demo`): one operation a year for each structure whose referents
follow people, so that every demo participation has its operation and the pages show real figures."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User

from .models import Operation, StatutOperation

ANNEES = 4  # the current year and the three before: the demo's parcours start up to 1,000 days ago


@transaction.atomic
def seed(ctx):
    """Operations of the referents' structures, the current year and the three before (idempotent)."""
    structures = sorted(
        {
            u.structure
            for u in User.objects.filter(role=Role.REFERENT, structure__isnull=False).select_related("structure")
        },
        key=lambda s: s.nom,
    )
    annee = timezone.localdate().year
    crees = 0
    for rang, structure in enumerate(structures, start=1):
        for an in range(annee - ANNEES + 1, annee + 1):
            prevus = 150 + 50 * (rang % 4)
            cout = Decimal(prevus * 1600)
            _operation, cree = Operation.objects.get_or_create(
                code=f"{an}{rang:05d}",
                defaults={
                    "intitule": f"Accompagnement renforcé vers l'emploi – {structure.nom} – {an}",
                    "structure": structure,
                    "date_debut": datetime.date(an, 1, 1),
                    "date_fin": datetime.date(an, 12, 31),
                    "cout_total": cout,
                    "montant_fse": (cout * Decimal("0.6")).quantize(Decimal("0.01")),
                    "participants_prevus": prevus,
                    "statut": StatutOperation.EN_COURS if an == annee else StatutOperation.CLOTUREE,
                },
            )
            crees += cree
    if crees:
        ctx.notes.append(f"{crees} opérations FSE+ de démonstration (une par an et par structure de référents).")
