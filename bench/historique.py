"""The historical import at scale (issue 16): a generated folder of the previous tool imported on
PostgreSQL, then imported again; lines per second and peak memory of each run.

    python bench/historique.py [--participants 25000]     # or as part of `make bench`

25,000 people give about 26,000 parcours, 125,000 steps and 250,000 interviews. The imported
records are deleted afterwards (they carry the bench's own ids), so that the bench's database
stays as it was.
"""

import csv
import datetime
import random
import tempfile
from pathlib import Path

FICHIERS = ("comptes.csv", "participants.csv", "etapes.csv", "entretiens.csv")
PREFIXE = "BANC-"
STATUTS_ETAPE = ["terminee"] * 3 + ["abandonnee", "en_cours", "acceptee", "proposee"]


def ecrire_dossier(dossier, participants, rng):
    """Write the four files of a previous tool's export of `participants` people into `dossier`."""
    from parcours.reprise.fichiers import COLONNES_COMPTES, COLONNES_ENTRETIENS, COLONNES_ETAPES, LecteurParticipants
    from partners.models import EtapeType, Structure
    from territoire.models import Commune

    communes = list(Commune.objects.values_list("code_insee", flat=True))
    types = list(EtapeType.objects.values_list("code", flat=True))
    structures = list(Structure.objects.filter(siret__gt="").values_list("siret", flat=True)[:100])
    referents = [f"banc.reprise{i}@plie-rouen.fr" for i in range(40)]
    ouvrir = lambda nom: (dossier / nom).open("w", newline="", encoding="utf-8")  # noqa: E731
    with ouvrir("comptes.csv") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(COLONNES_COMPTES)
        for i, email in enumerate(referents):
            w.writerow([email, f"Reprise{i}", "Banc", "referent", structures[i % len(structures)]])
    lignes = {"comptes.csv": len(referents), "participants.csv": 0, "etapes.csv": 0, "entretiens.csv": 0}
    with ouvrir("participants.csv") as fp, ouvrir("etapes.csv") as fe, ouvrir("entretiens.csv") as fi:
        wp, we, wi = (csv.writer(f, delimiter=";") for f in (fp, fe, fi))
        colonnes = LecteurParticipants.colonnes
        wp.writerow(colonnes)
        we.writerow(COLONNES_ETAPES)
        wi.writerow(COLONNES_ENTRETIENS)
        for n in range(participants):
            naissance = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 16000))
            # One person in 25 came back for a second parcours: 26,000 parcours for 25,000 people.
            entrees = [datetime.date(2016, 1, 4) + datetime.timedelta(days=rng.randint(0, 2400))]
            if n % 25 == 0:
                entrees.append(entrees[0] + datetime.timedelta(days=900))
            for k, entree in enumerate(entrees):
                source = f"{PREFIXE}P{n}-{k}"
                sortie = entree + datetime.timedelta(days=rng.randint(120, 700))
                valeurs = {
                    "identifiant_source": source,
                    "nom": f"Reprise{n}",
                    "prenom": "Banc",
                    "sexe": rng.choice("FM"),
                    "date_naissance": naissance.isoformat(),
                    "commune_insee": rng.choice(communes),
                    "referent_email": referents[n % len(referents)],
                    "date_orientation": (entree - datetime.timedelta(days=20)).isoformat(),
                    "date_entree": entree.isoformat(),
                    "date_creation": (entree - datetime.timedelta(days=20)).isoformat(),
                    "statut_marche_travail": "chomeur",
                    "niveau_formation": "niveau_3",
                    "date_sortie": sortie.isoformat() if sortie < entrees[-1] or k == len(entrees) - 1 else "",
                    "motif_sortie": rng.choice(["emploi_cdi", "abandon", "formation_qualifiante", ""]),
                }
                if k < len(entrees) - 1 and sortie >= entrees[k + 1]:
                    valeurs["date_sortie"] = (entrees[k + 1] - datetime.timedelta(days=1)).isoformat()
                if not valeurs["date_sortie"]:
                    valeurs["motif_sortie"] = ""
                wp.writerow([valeurs.get(c, "") for c in colonnes])
                lignes["participants.csv"] += 1
                for e in range(5 if k == 0 else 0):
                    debut = entree + datetime.timedelta(days=30 * e)
                    statut = rng.choice(STATUTS_ETAPE)
                    commence = statut in ("terminee", "abandonnee", "en_cours")
                    fini = statut in ("terminee", "abandonnee")
                    we.writerow(
                        [
                            f"{source}-E{e}",
                            source,
                            rng.choice(types),
                            "",
                            rng.choice(structures),
                            "",
                            statut,
                            debut.isoformat(),
                            (debut + datetime.timedelta(days=60)).isoformat(),
                            debut.isoformat() if commence else "",
                            (debut + datetime.timedelta(days=55)).isoformat() if fini else "",
                            "Étape reprise" if fini else "",
                            "",
                        ]
                    )
                    lignes["etapes.csv"] += 1
                for i in range(10 if k == 0 else 0):
                    moment = datetime.datetime.combine(entree, datetime.time(9 + i % 8)) + datetime.timedelta(
                        days=14 * i
                    )
                    wi.writerow(
                        [
                            f"{source}-I{i}",
                            source,
                            moment.strftime("%Y-%m-%d %H:%M"),
                            rng.choice(["presentiel", "telephone", "visio"]),
                            "realise" if i % 7 else "absent",
                            "Entretien repris de l'ancien outil",
                            referents[n % len(referents)],
                        ]
                    )
                    lignes["entretiens.csv"] += 1
    return lignes


def nettoyer():
    """Remove what the bench imported (people, parcours and their steps and interviews, accounts)."""
    from accounts.models import User
    from parcours.models import Parcours
    from participants.models import Participant

    Parcours.objects.filter(identifiant_source__startswith=PREFIXE).delete()
    Participant.objects.filter(nom__startswith="Reprise", prenom="Banc").delete()
    User.objects.filter(email__startswith="banc.reprise").delete()


def mesurer(participants, manage):
    """Import the generated folder twice with `manage` (bench/run.py's child process runner)."""
    with tempfile.TemporaryDirectory() as tmp:
        dossier = Path(tmp)
        lignes = ecrire_dossier(dossier, participants, random.Random(16))
        total = sum(lignes.values())
        resultat = {"lignes": lignes}
        for passage in ("premiere", "seconde"):
            secondes, rss, sortie = manage("import_historique", str(dossier))
            resultat[passage] = {
                "secondes": round(secondes, 1),
                "lignes_par_seconde": round(total / secondes),
                "memoire_max_mo": round(rss),
                "sortie": sortie.strip().splitlines()[-1:] if sortie.strip() else [],
            }
            print(f"  reprise, {passage} exécution : {resultat[passage]}", flush=True)
    nettoyer()
    return resultat


if __name__ == "__main__":
    import argparse
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=25_000)
    args = parser.parse_args()
    print(mesurer(args.participants, run.manage))
