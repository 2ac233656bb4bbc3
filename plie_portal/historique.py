"""Bulk creation with the change history of django-simple-history written by the database (issue 20).

`bulk_create_with_history` builds one historical instance per row in Python, which doubles the cost
of an import or of the demo seed; here the historical rows are copied from the rows just inserted by
one INSERT … SELECT per batch: the same records ("+", date, reason, user), without the Python."""

from django.db import connection
from django.utils import timezone

LOT = 2000


def creer_avec_historique(objets, modele, batch_size=LOT, default_user=None, default_change_reason=""):
    """Insert the objects in bulk (COPY on PostgreSQL, `bulk_create` elsewhere), then their creation
    records in the history. Returns the objects, with their primary keys."""
    from .copie import inserer_par_copy

    if connection.vendor == "postgresql":
        objets = inserer_par_copy(modele, objets, cles=True)
    else:
        objets = modele.objects.bulk_create(objets, batch_size=batch_size)
    ids = [objet.pk for objet in objets]
    if ids and ids[0] is None:
        raise ValueError("Cette base ne rend pas les clés d'une insertion en masse : historique impossible.")
    historiser(modele, ids, default_user, default_change_reason)
    return objets


def historiser(modele, ids, par=None, raison=""):
    """Write the creation record ("+") of the rows `ids` of `modele` in its history, by the database."""
    historique = modele.history.model
    suivis = [f for f in historique._meta.concrete_fields if not f.name.startswith("history_")]
    colonnes = [f.column for f in suivis] + ["history_date", "history_change_reason", "history_type", "history_user_id"]
    table = connection.ops.quote_name(historique._meta.db_table)
    base = connection.ops.quote_name(modele._meta.db_table)
    pk = connection.ops.quote_name(modele._meta.pk.column)
    select = ", ".join(connection.ops.quote_name(f.column) for f in suivis)
    liste = ", ".join(connection.ops.quote_name(c) for c in colonnes)
    maintenant = timezone.now()
    with connection.cursor() as cursor:
        for debut in range(0, len(ids), LOT):
            lot = ids[debut : debut + LOT]
            marques = ", ".join(["%s"] * len(lot))
            cursor.execute(
                f"INSERT INTO {table} ({liste}) SELECT {select}, %s, %s, '+', %s FROM {base} WHERE {pk} IN ({marques})",
                [maintenant, raison or None, getattr(par, "pk", None), *lot],
            )
