"""Bulk insertion by PostgreSQL's COPY (issue 20): COPY costs a fraction of `bulk_create`'s
parameterised INSERTs (the demo seed's ~250,000 interviews; the people and parcours of an import, whose
keys are drawn from the table's sequence first). Elsewhere (SQLite), `bulk_create`."""

import datetime
import io

from django.db import connection, models
from django.utils import timezone

LOT = 20_000


def _texte(valeur):
    """A value in COPY's text format."""
    if valeur is None:
        return "\\N"
    if isinstance(valeur, bool):
        return "t" if valeur else "f"
    if hasattr(valeur, "isoformat"):
        return valeur.isoformat()
    return _echapper(str(valeur))


def _echapper(texte):
    return texte.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _ecrivain(champ):
    """How to write the value of `champ` of an object in COPY's text format. The Python value of most
    fields is already what COPY reads: written straight from the attribute by a function of its type,
    which spares Django's generic preparation of each value and `_texte`'s type tests (most of an
    import's time, 25 fields of 25,000 people)."""
    nom = champ.attname

    def generique(objet):
        return _texte(champ.get_db_prep_save(champ.pre_save(objet, True), connection))

    if isinstance(champ, models.BooleanField):

        def ecrire(objet):
            valeur = getattr(objet, nom)
            return "\\N" if valeur is None else ("t" if valeur else "f")

    elif type(champ) is models.DateField and not (champ.auto_now or champ.auto_now_add):

        def ecrire(objet):
            valeur = getattr(objet, nom)
            return "\\N" if valeur is None else valeur.isoformat()

    elif isinstance(champ, models.DateTimeField) and (champ.auto_now or champ.auto_now_add):

        def ecrire(objet):
            # As DateTimeField.pre_save on an insertion: the moment, set on the object too.
            valeur = timezone.now()
            setattr(objet, nom, valeur)
            return valeur.isoformat()

    elif isinstance(champ, models.DateTimeField):

        def ecrire(objet):
            valeur = getattr(objet, nom)
            if valeur is None:
                return "\\N"
            if type(valeur) is datetime.datetime and valeur.tzinfo is not None:
                return valeur.isoformat()
            return generique(objet)  # a naive date-time: made aware as Django does

    elif isinstance(champ, (models.IntegerField, models.ForeignKey)):

        def ecrire(objet):
            valeur = getattr(objet, nom)
            return "\\N" if valeur is None else str(valeur)

    elif isinstance(champ, (models.CharField, models.TextField)):

        def ecrire(objet):
            valeur = getattr(objet, nom)
            return "\\N" if valeur is None else _echapper(str(valeur))

    else:
        # Dates with auto_now, anything else: as Django prepares them.
        ecrire = generique
    return ecrire


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
        ecrivains = [_ecrivain(f) for f in champs]
        for debut in range(0, len(objets), lot):
            tampon = io.StringIO()
            for objet in objets[debut : debut + lot]:
                tampon.write("\t".join([ecrire(objet) for ecrire in ecrivains]) + "\n")
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
