"""`python bench/instructions.py [page …]`: the processor instructions the portal spends on one request
of each page, counted by valgrind (callgrind) in the Django process alone — PostgreSQL's own work is in
its server process and is not counted. Unlike a time, the count does not move with the machine's load:
it is the figure to compare before and after a change of Python or of templates (issue 20).

Each page is requested in two runs of a child process under valgrind, after the same set-up and warm-up:
one with no further request, one with `--requetes` of them; the difference, divided, is one request.
The pages are those of `bench/echelle.py` (bench/mesures.py), in the database of DATABASE_URL. Needs
the Debian package valgrind; about two minutes a page.
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PAR_DEFAUT = ["page_vide_cadre", "liste_page1", "liste_tri_referent", "file_active", "fiche_participant"]
PAR_DEFAUT += ["tableau_instruction"]


def compter(page, requetes):
    """In the child: set up, warm up, then `requetes` requests of `page`."""
    sys.path.insert(0, str(BASE_DIR / "bench"))
    import run  # noqa: F401 - sets up Django as the bench does
    from mesures import pages_a_mesurer

    client, url = pages_a_mesurer()[page]
    for _ in range(5):
        if client.get(url).status_code != 200:
            sys.exit(f"{url} ne répond pas 200")
    for _ in range(requetes):
        client.get(url)


def instructions(page, requetes):
    """Instructions of `requetes` requests of `page` plus the set-up, as valgrind counts them."""
    commande = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    commande += [sys.executable, __file__, "--compter", page, "--requetes", str(requetes)]
    sortie = subprocess.run(
        commande, cwd=BASE_DIR, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True
    )
    trouve = re.search(r"Collected : (\d+)", sortie.stderr)
    if sortie.returncode or not trouve:
        sys.exit(f"{page} : échec de valgrind\n{sortie.stderr[-2000:]}")
    return int(trouve.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=PAR_DEFAUT)
    parser.add_argument("--requetes", type=int, default=10)
    parser.add_argument("--compter", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.compter:
        compter(args.compter, args.requetes)
        return
    print("| page | millions d'instructions par requête |\n|---|---|")
    for page in args.pages:
        par_requete = (instructions(page, args.requetes) - instructions(page, 0)) / args.requetes
        print(f"| {page} | {par_requete / 1e6:.1f} |", flush=True)


if __name__ == "__main__":
    main()
