"""Demo data of the reports: the previous month's activity report, as Celery beat would ask for it."""

from .tasks import rapport_mensuel


def seed(ctx):
    """Ask for the monthly activity report (produced after the seeding transaction commits)."""
    if rapport_mensuel() is not None:
        ctx.notes.append("Rapport d'activité du mois précédent demandé : voir /rapports/tableau-de-bord/.")
