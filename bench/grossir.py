"""Grow a copy of the 25,000-participant bench database to N participants, on the server (issue 20).

Copy k (1 … N/25,000 − 1) of each original row gets its keys shifted by k times the table's stride.
The people keep their birth date, sex and commune but take another first name, so that a search
finds a realistic number of homonyms: their search and identity-key columns are rebuilt in SQL from
the normalised parts of the originals (computed in Python by the portal's own functions, loaded by
COPY). Their parcours, steps, interviews, journal and history records are copied with them, dates
unchanged, so the kept columns (current parcours, FSE+ columns) stay true; whether each is to complete
and the daily counters are recomputed after the copies. Each copy of the referents
gets referents of its own (a caseload stays ~600 people); the bench's referent keeps exactly 80.
"""

import io
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plie_portal.settings")
os.environ.setdefault("SECRET_KEY", "banc-d-essai-" + os.urandom(16).hex())

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from plie_portal.text import chiffres_du_telephone, normalize  # noqa: E402

# The tables copied with each person, with the stride key of their primary key and of their "id"
# column when it is not the primary key (history records point to the record they describe).
TABLES = [
    ("accounts.User", "user", None),
    # Each copy is another PLIE of the country: its own FSE+ operations, of the same size.
    ("parcours.Operation", "operation", None),
    ("participants.Participant", "participant", None),
    ("participants.HistoricalParticipant", "hparticipant", "participant"),
    ("parcours.Parcours", "parcours", None),
    ("parcours.HistoricalParcours", "hparcours", "parcours"),
    ("parcours.Etape", "etape", None),
    ("parcours.HistoricalEtape", "hetape", "etape"),
    ("parcours.Entretien", "entretien", None),
    ("parcours.Transition", "transition", None),
]
STRIDE_DE = {
    "parcours.Operation": "operation",
    "participants.Participant": "participant",
    "parcours.Parcours": "parcours",
    "parcours.Etape": "etape",
}


def executer(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def valeur(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def preparer(base):
    """Strides and helper tables, once: the originals are the rows present before the first copy."""
    executer("CREATE TABLE IF NOT EXISTS banc_pas (cle text PRIMARY KEY, pas bigint NOT NULL)")
    executer("CREATE TABLE IF NOT EXISTS banc_copies (k int PRIMARY KEY)")
    if valeur("SELECT count(*) FROM banc_pas"):
        return dict(_lignes("SELECT cle, pas FROM banc_pas"))
    pas = {}
    for label, cle, _id in TABLES:
        modele = apps.get_model(label)
        plus_grand = valeur(f"SELECT coalesce(max({modele._meta.pk.column}), 0) FROM {modele._meta.db_table}")
        pas[cle] = plus_grand + 1
    from accounts.models import Role, User

    # The referent of the bench (80 people) is the first one; the others are copied.
    referents = list(User.objects.filter(role=Role.REFERENT).order_by("pk").values_list("pk", flat=True))
    pas["banc_referent"], pas["referent_de_repli"] = referents[0], referents[1]
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO banc_pas VALUES (%s, %s)", list(pas.items()))
    executer(
        "CREATE TABLE banc_referents AS SELECT id FROM accounts_user WHERE role = 'referent' AND id <> %s",
        [referents[0]],
    )
    _charger_parties()
    return pas


def _lignes(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def _charger_parties():
    """The normalised parts of each original person and the first names to deal out (COPY)."""
    from participants.models import Participant

    executer(
        "CREATE TABLE banc_parties (id bigint PRIMARY KEY, nom_n text, nom_naissance_n text, "
        "france_travail_n text, email_n text, telephone_n text)"
    )
    executer("CREATE TABLE banc_prenoms (rang int PRIMARY KEY, prenom text, prenom_n text)")
    tampon = io.StringIO()
    prenoms = set()
    for pk, nom, nom_naissance, ft, email, telephone, prenom in Participant.objects.values_list(
        "pk", "nom", "nom_naissance", "identifiant_france_travail", "email", "telephone", "prenom"
    ).iterator(chunk_size=5000):
        parties = [
            normalize(nom),
            normalize(nom_naissance),
            normalize(ft),
            normalize(email),
            chiffres_du_telephone(telephone),
        ]
        tampon.write("\t".join([str(pk), *(_copie(p) for p in parties)]) + "\n")
        prenoms.add(prenom)
    _copier("banc_parties", tampon)
    tampon = io.StringIO()
    for rang, prenom in enumerate(sorted(prenoms)):
        tampon.write(f"{rang}\t{_copie(prenom)}\t{_copie(normalize(prenom))}\n")
    _copier("banc_prenoms", tampon)


def _copie(texte):
    return texte.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _copier(table, tampon):
    tampon.seek(0)
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table} FROM STDIN", tampon)


def _utilisateur(colonne, pas):
    """A user column of a copied row: a copied referent becomes its copy k, the bench's referent
    the copy of another one, anyone else stays."""
    return (
        f"CASE WHEN t.{colonne} = {pas['banc_referent']} THEN {pas['referent_de_repli']} + k * {pas['user']} "
        f"WHEN t.{colonne} IN (SELECT id FROM banc_referents) THEN t.{colonne} + k * {pas['user']} "
        f"ELSE t.{colonne} END"
    )


def _expressions(label, cle, cle_id, pas):
    """Column → SELECT expression of copy k for one table."""
    modele = apps.get_model(label)
    expressions = {}
    for champ in modele._meta.concrete_fields:
        colonne = champ.column
        if champ.primary_key:
            expressions[colonne] = f"t.{colonne} + k * {pas[cle]}"
        elif colonne == "id" and cle_id:
            expressions[colonne] = f"t.id + k * {pas[cle_id]}"
        elif champ.is_relation and champ.related_model._meta.label in STRIDE_DE:
            expressions[colonne] = f"t.{colonne} + k * {pas[STRIDE_DE[champ.related_model._meta.label]]}"
        elif champ.is_relation and champ.related_model._meta.label == "accounts.User" and label != "accounts.User":
            expressions[colonne] = _utilisateur(colonne, pas)
        elif colonne == "identifiant_source":
            expressions[colonne] = (
                "CASE WHEN t.identifiant_source = '' THEN '' ELSE t.identifiant_source || '-c' || k END"
            )
        else:
            expressions[colonne] = f"t.{colonne}"
    if label == "parcours.Operation":
        expressions["code"] = "t.code || '-c' || k"
    if label == "accounts.User":
        expressions["email"] = "'c' || k || '.' || t.email"
        expressions["last_name"] = "t.last_name || ' ' || k"
    if label in ("participants.Participant", "participants.HistoricalParticipant"):
        cle_personne = "t.id"
        expressions["prenom"] = "pr.prenom"
        expressions["email"] = "CASE WHEN t.email = '' THEN '' ELSE replace(t.email, '@', '+' || k || '@') END"
        if label == "participants.Participant":
            email_n = "CASE WHEN b.email_n = '' THEN NULL ELSE replace(b.email_n, '@', '+' || k || '@') END"
            expressions["recherche"] = (
                "concat_ws(' ', nullif(b.nom_n, ''), nullif(b.nom_naissance_n, ''), nullif(pr.prenom_n, ''), "
                f"nullif(b.france_travail_n, ''), {email_n}, nullif(b.telephone_n, ''))"
            )
            expressions["tri_referent"] = (
                f"(SELECT u.last_name || ' ' || u.first_name FROM accounts_user u "
                f"WHERE u.id = {_utilisateur('referent_id', pas)})"
            )
            expressions["cle_identite"] = (
                "b.nom_n || '|' || pr.prenom_n || '|' || to_char(t.date_naissance, 'YYYY-MM-DD')"
            )
        jointure = (
            f"JOIN banc_parties b ON b.id = {cle_personne} "
            f"JOIN banc_prenoms pr ON pr.rang = (({cle_personne} * 7 + k) %% (SELECT count(*) FROM banc_prenoms))"
        )
    else:
        jointure = ""
    if label == "accounts.User":
        filtre = "t.id IN (SELECT id FROM banc_referents)"
    else:
        filtre = f"t.{modele._meta.pk.column} < {pas[cle]}"
    return modele._meta.db_table, expressions, jointure, filtre


def copier(k, pas):
    """Copy k of every original row, in one transaction."""
    with transaction.atomic():
        for label, cle, cle_id in TABLES:
            table, expressions, jointure, filtre = _expressions(label, cle, cle_id, pas)
            colonnes = ", ".join(expressions)
            select = ", ".join(expressions.values())
            executer(
                f"INSERT INTO {table} ({colonnes}) SELECT {select} FROM {table} t CROSS JOIN (SELECT %s AS k) c "
                f"{jointure} WHERE {filtre}",
                [k],
            )
        executer("INSERT INTO banc_copies VALUES (%s)", [k])


def grossir(taille, base):
    """Bring the database to `taille` participants (a multiple of `base`), then analyse it."""
    pas = preparer(base)
    faites = {k for (k,) in _lignes("SELECT k FROM banc_copies")}
    a_faire = [k for k in range(1, taille // base) if k not in faites]
    if not a_faire:
        print(f"  {taille} participants déjà là.", flush=True)
        return
    debut = time.perf_counter()
    for index, k in enumerate(a_faire, start=1):
        copier(k, pas)
        ecoule = time.perf_counter() - debut
        print(f"  copie {k} : {index}/{len(a_faire)}, {ecoule:.0f} s", flush=True)
    for label, _cle, _id in TABLES:
        modele = apps.get_model(label)
        table, pk = modele._meta.db_table, modele._meta.pk.column
        executer(f"SELECT setval(pg_get_serial_sequence('{table}', '{pk}'), (SELECT max({pk}) FROM {table}))")
    # The proofs are not copied: whether each participation is to complete follows; the daily
    # counters of entries and exits are rebuilt from the participations now there.
    from parcours.models import Parcours
    from parcours.models.activite import recompter
    from parcours.models.courant import a_completer

    Parcours._base_manager.update(a_completer=a_completer())
    recompter()
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(
        f"  {taille} participants en {time.perf_counter() - debut:.0f} s (copies, séquences, VACUUM ANALYZE)",
        flush=True,
    )
