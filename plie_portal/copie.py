"""Bulk insertion by PostgreSQL's COPY (issue 20): for rows that need neither their keys back nor
a history record (the demo seed's ~250,000 interviews), COPY costs a fraction of `bulk_create`'s
parameterised INSERTs. Elsewhere (SQLite), `bulk_create`."""

import io

from django.db import connection

LOT = 20_000


def _texte(valeur):
    """A value in COPY's text format."""
    if valeur is None:
        return "\\N"
    if isinstance(valeur, bool):
        return "t" if valeur else "f"
    if hasattr(valeur, "isoformat"):
        return valeur.isoformat()
    return str(valeur).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def inserer_par_copy(modele, objets, lot=LOT):
    """Insert `objets` (unsaved instances of `modele`, defaults filled) without reading their keys back."""
    if connection.vendor != "postgresql":
        modele.objects.bulk_create(objets, batch_size=2000)
        return
    champs = [f for f in modele._meta.concrete_fields if not f.primary_key]
    colonnes = ", ".join(connection.ops.quote_name(f.column) for f in champs)
    table = connection.ops.quote_name(modele._meta.db_table)
    with connection.cursor() as cursor:
        for debut in range(0, len(objets), lot):
            tampon = io.StringIO()
            for objet in objets[debut : debut + lot]:
                valeurs = (f.get_db_prep_save(f.pre_save(objet, True), connection) for f in champs)
                tampon.write("\t".join(_texte(v) for v in valeurs) + "\n")
            tampon.seek(0)
            cursor.copy_expert(f"COPY {table} ({colonnes}) FROM STDIN", tampon)
