"""The measurements of one size of `bench/echelle.py`, in the child process whose DATABASE_URL is that
size's database: pages (with the admin and their raw SQL beside them, the plan of every slow query),
the FSE+ indicators of a year, the participants export and the FSE+ workbook, the import."""

import datetime
import json
import statistics
import tempfile
import time

from run import logged_client, manage, measure_command, measure_import, measure_page, measure_raw_sql

from accounts.models import Role, User
from participants.models import Participant, StatutParcours

SEUIL_EXPLAIN_MS = 50


def parametres_serveur():
    """The PostgreSQL settings the figures depend on, recorded with them."""
    from django.db import connection

    valeurs = {}
    with connection.cursor() as cursor:
        for nom in ("fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "work_mem", "jit"):
            cursor.execute(f"SHOW {nom}")
            valeurs[nom] = cursor.fetchone()[0]
        cursor.execute("SELECT version()")
        valeurs["version"] = cursor.fetchone()[0].split(" on ")[0]
    return valeurs


def requetes_lentes(sql_list):
    """Each SELECT of the page replayed once; the plan, with buffers, of those over the threshold."""
    from django.db import connection

    lentes = []
    with connection.cursor() as cursor:
        for sql in sql_list:
            if not sql.lstrip().upper().startswith("SELECT") or "django_session" in sql:
                continue
            debut = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            ms = (time.perf_counter() - debut) * 1000
            if ms > SEUIL_EXPLAIN_MS:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                plan = "\n".join(ligne for (ligne,) in cursor.fetchall())
                lentes.append({"ms": round(ms, 1), "sql": sql[:4000], "plan": plan})
    return lentes


def pages_a_mesurer():
    coordination = User.objects.filter(role=Role.COORDINATION).order_by("pk").first()
    referent = User.objects.filter(role=Role.REFERENT).order_by("pk").first()
    partenaire = (
        User.objects.filter(role=Role.PARTENAIRE, structure__etapes__isnull=False).order_by("pk").distinct().first()
    )
    instructeur = User.objects.filter(role=Role.INSTRUCTEUR).order_by("pk").first()
    participant = Participant.objects.filter(referent=referent).order_by("pk").first()
    autre = User.objects.filter(role=Role.REFERENT).exclude(pk=referent.pk).order_by("pk").first()
    noms = Participant.objects.order_by("pk").values_list("nom", flat=True)
    nom = noms[min(500, noms.count() - 1)]
    annee = datetime.date.today().year - 1
    coord = logged_client(coordination)
    ref = logged_client(referent)
    liste = "/participants/"
    pages = {
        "liste_page1": (coord, liste),
        "liste_recherche": (coord, f"{liste}?q={nom.lower()[:5]}"),
        "liste_commune": (coord, f"{liste}?commune=76540"),
        "liste_statut_en_parcours": (coord, f"{liste}?statut={StatutParcours.EN_PARCOURS}"),
        "liste_statut_sorti": (coord, f"{liste}?statut={StatutParcours.SORTI}"),
        "liste_qpv": (coord, f"{liste}?qpv=oui"),
        "liste_age": (coord, f"{liste}?age=26-44"),
        "liste_annee_entree": (coord, f"{liste}?annee_entree={annee}"),
        "liste_fse_incomplet": (coord, f"{liste}?fse_incomplet=true"),
        "liste_referent": (coord, f"{liste}?referent={autre.pk}"),
        "liste_structure": (coord, f"{liste}?structure={autre.structure_id}"),
        # Page 200 (the 5,000th row); the last page in a base too small for it (CI's small run).
        "liste_page200": (coord, f"{liste}?page={min(200, max(1, noms.count() // 25))}"),
    }
    for tri in ("-nom", "commune", "-commune", "entree", "-entree", "referent", "-referent"):
        pages[f"liste_tri_{tri}"] = (coord, f"{liste}?tri={tri}")
    pages["liste_referent_connecte"] = (ref, liste)
    pages["file_active"] = (ref, "/")
    pages["fiche_participant"] = (ref, f"/participants/{participant.pk}/")
    pages["historique_participant"] = (ref, f"/participants/{participant.pk}/historique/")
    pages["tableau_coordination"] = (coord, "/")
    # The frame alone (session, account, second factor, notifications, menu): what every page pays,
    # and the floor of the page/raw SQL ratio of the pages whose own SQL is small.
    pages["page_vide_cadre"] = (ref, "/comptes/mot-de-passe/modifie/")
    if partenaire:
        pages["accueil_partenaire"] = (logged_client(partenaire), "/")
    if instructeur:
        pages["tableau_instruction"] = (logged_client(instructeur), "/aap/instruction/")
    return pages


def mesurer_pages(requests):
    admin = logged_client(User.objects.filter(is_superuser=True).order_by("pk").first())
    reference = measure_page(admin, "/admin/participants/participant/", requests)
    # Django's own admin over the same table, with its ratio to its own SQL: the yardstick of what
    # the framework's Python costs around a page's queries.
    reference["raw"] = measure_raw_sql(reference.pop("sql"), requests)
    brut = reference["raw"]["median_ms"]
    reference["page_sur_sql"] = round(reference["median_ms"] / brut, 1) if brut else None
    resultats = {}
    for cle, (client, url) in pages_a_mesurer().items():
        print(f"    {cle} : {url}", flush=True)
        mesure = measure_page(client, url, requests)
        sql = mesure.pop("sql")
        mesure["raw"] = measure_raw_sql(sql, requests)
        mesure["lentes"] = requetes_lentes(sql)
        mesure["page_sur_admin"] = round(mesure["median_ms"] / reference["median_ms"], 2)
        brut = mesure["raw"]["median_ms"]
        mesure["page_sur_sql"] = round(mesure["median_ms"] / brut, 1) if brut else None
        resultats[cle] = mesure
    resultats["admin_participants"] = reference
    return resultats


def mesurer_traitements(exports, lignes_import):
    from django.db.models import Q

    from parcours.models import Parcours

    annee = datetime.date.today().year - 1
    traitements = {
        "indicateurs_annee": measure_command(
            "indicateurs", "indicateurs_fse", "--debut", f"{annee}-01-01", "--fin", f"{annee}-12-31", "--json"
        )
    }
    if not exports:
        return traitements
    aujourd_hui = datetime.date.today()
    cinq_ans = datetime.date(aujourd_hui.year - 4, 1, 1)
    with tempfile.TemporaryDirectory() as dossier:
        for cle, args, lignes in (
            ("export_participants", ["participants"], Participant.objects.count()),
            (
                # The longest period the workbook accepts: five calendar years, this one included.
                "classeur_fse",
                ["fse", "--debut", f"{cinq_ans.year}-01-01", "--fin", aujourd_hui.isoformat()],
                Parcours.objects.filter(
                    Q(date_entree__range=(cinq_ans, aujourd_hui)) | Q(date_sortie__range=(cinq_ans, aujourd_hui))
                ).count(),
            ),
        ):
            mesure = measure_command(cle, "generer_rapport", *args, "--sortie", f"{dossier}/{cle}.xlsx")
            if "secondes" in mesure:
                mesure["lignes"] = lignes
                mesure["lignes_par_seconde"] = round(lignes / mesure["secondes"])
            traitements[cle] = mesure
    traitements["import"] = measure_import(lignes_import)
    return traitements


def mesurer(taille, requests, out, exports=True, lignes_import=25_000):
    """Measure this database and write bench/out/echelle-<taille>.json."""
    from parcours.models import Entretien, Etape, Parcours

    debut = time.perf_counter()
    manage("collectstatic", "--noinput", "-v", "0")
    resultat = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "serveur": parametres_serveur(),
        "donnees": {
            "participants": Participant.objects.count(),
            "parcours": Parcours.objects.count(),
            "etapes": Etape.objects.count(),
            "entretiens": Entretien.objects.count(),
            "referents": User.objects.filter(role=Role.REFERENT).count(),
        },
    }
    print(f"  Mesures à {taille} : {resultat['donnees']}", flush=True)
    if resultat["serveur"]["fsync"] != "on":
        print(
            "  ATTENTION : PostgreSQL tourne sans fsync, chiffres d'écriture optimistes (PLIE_PG_DURABLE=1).",
            flush=True,
        )
    resultat["pages"] = mesurer_pages(requests)
    resultat["traitements"] = mesurer_traitements(exports, lignes_import)
    resultat["duree_s"] = round(time.perf_counter() - debut)
    (out / f"echelle-{taille}.json").write_text(json.dumps(resultat, indent=2, ensure_ascii=False))
    medianes = [m["median_ms"] for m in resultat["pages"].values()]
    print(f"  {taille} : médiane des pages {statistics.median(medianes):.0f} ms", flush=True)
