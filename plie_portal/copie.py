"""Bulk insertion by PostgreSQL's COPY (issue 20): COPY costs a fraction of `bulk_create`'s
parameterised INSERTs (the demo seed's ~250,000 interviews; the people and parcours of an import, whose
keys are drawn from the table's sequence first). Elsewhere (SQLite), `bulk_create`."""

import io

from django.db import connection, models

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


# Fields whose Python value is already what COPY reads (no adaptation by the database layer): read as
# the attribute, which spares Django's generic preparation of each value (most of an import's time).
TELS_QUELS = (models.CharField, models.TextField, models.BooleanField, models.IntegerField, models.ForeignKey)


def _lecteur(champ):
    """How to read the value of `champ` to insert from an object."""
    if type(champ) is models.DateField and not (champ.auto_now or champ.auto_now_add):
        return lambda objet: getattr(objet, champ.attname)
    if isinstance(champ, TELS_QUELS):
        return lambda objet: getattr(objet, champ.attname)
    # Dates and times with auto_now, aware date-times, anything else: as Django prepares them.
    return lambda objet: champ.get_db_prep_save(champ.pre_save(objet, True), connection)


def inserer_par_copy(modele, objets, lot=LOT, cles=False):
    """Insert `objets` (unsaved instances of `modele`, defaults filled); with `cles`, their primary
    keys are drawn from the table's sequence first and set on them, as `bulk_create` would. Returns
    the objects."""
    if connection.vendor != "postgresql":
        return modele.objects.bulk_create(objets, batch_size=2000)
    table = connection.ops.quote_name(modele._meta.db_table)
    with connection.cursor() as cursor:
        if cles and objets:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s) ORDER BY 1",
                [modele._meta.db_table, modele._meta.pk.column, len(objets)],
            )
            for objet, (cle,) in zip(objets, cursor.fetchall(), strict=True):
                objet.pk = cle
        champs = [f for f in modele._meta.concrete_fields if cles or not f.primary_key]
        colonnes = ", ".join(connection.ops.quote_name(f.column) for f in champs)
        lecteurs = [_lecteur(f) for f in champs]
        for debut in range(0, len(objets), lot):
            tampon = io.StringIO()
            for objet in objets[debut : debut + lot]:
                tampon.write("\t".join([_texte(lire(objet)) for lire in lecteurs]) + "\n")
            tampon.seek(0)
            # As the cursor's execute(): a violated constraint is Django's IntegrityError (the import
            # catches it to say a parcours was opened meanwhile), not psycopg2's own.
            with connection.wrap_database_errors:
                cursor.copy_expert(f"COPY {table} ({colonnes}) FROM STDIN", tampon)
    for objet in objets:
        # As after bulk_create: saved rows, a later save() is an UPDATE.
        objet._state.adding = False
        objet._state.db = connection.alias
    return objets
