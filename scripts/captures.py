"""Screenshots of the main pages for docs/captures/, taken from a portal served with the demo data.

    make run                      # in one terminal (demo data, served on 127.0.0.1:8000)
    make captures                 # in another: .venv/bin/python scripts/captures.py

Each page at 1,366 px and at 375 px wide, logged in as the demo persona who uses it. The demo
second factor is a backup code (plie0001…): `seed_demo` restores them.
"""

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

RACINE = Path(__file__).resolve().parent.parent
MOT_DE_PASSE = "Demo-PLIE-Rouen-2026"
CHROMIUM = os.environ.get("PLIE_CHROMIUM", "/usr/bin/chromium")
LARGEURS = {"bureau": 1366, "telephone": 375}


def connecter(page, email, code=None):
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    if "double-authentification" in page.url:
        page.get_by_label("Code à usage unique").fill(code)
        page.get_by_role("button", name="Vérifier").click()
        page.wait_for_load_state()


def premier_lien(page, selecteur):
    return page.eval_on_selector(selecteur, "e => e.getAttribute('href')")


def capturer(page, nom, dossier):
    for largeur_nom, largeur in LARGEURS.items():
        page.set_viewport_size({"width": largeur, "height": 900})
        page.reload()
        page.wait_for_load_state()
        chemin = dossier / f"{nom}-{largeur_nom}.png"
        page.screenshot(path=str(chemin), full_page=False)
        print(f"  {chemin}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--sortie", default=str(RACINE / "docs" / "captures"))
    args = parser.parse_args()
    dossier = Path(args.sortie)
    dossier.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        navigateur = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)

        def session():
            return navigateur.new_context(base_url=args.url, locale="fr-FR").new_page()

        page = session()
        connecter(page, "referent@plie-rouen.fr")
        page.goto("/")
        capturer(page, "accueil-referent", dossier)
        page.goto(premier_lien(page, "main table tbody a[href^='/participants/']"))
        capturer(page, "fiche-participant", dossier)

        page = session()
        connecter(page, "partenaire@jardins-seine.fr")
        page.goto("/")
        capturer(page, "accueil-partenaire", dossier)

        page = session()
        connecter(page, "coordination@plie-rouen.fr", "plie0001")
        page.goto("/")
        capturer(page, "tableau-de-bord-coordination", dossier)
        page.goto("/aap/instruction/")
        page.goto(page.locator("main a[href*='/comite/']", has_text="invisibles").first.get_attribute("href"))
        capturer(page, "comite", dossier)

        # The applicant whose dossier on the open call is still a draft.
        page = session()
        connecter(page, "porteur@canteleu-jeunes.fr")
        page.goto("/aap/mes-dossiers/")
        page.goto(premier_lien(page, "main table a[href*='/dossiers/']"))
        page.goto(premier_lien(page, "main a[href*='/sections/']"))
        capturer(page, "editeur-dossier", dossier)
        navigateur.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
