"""Loading of the 71 communes of the Métropole from the CSV shipped with the project."""

import csv
from pathlib import Path

from plie_portal.text import normalize

CSV_PATH = Path(__file__).resolve().parent / "data" / "communes_metropole_rouen_normandie.csv"


def read_communes(path=CSV_PATH):
    """Rows of the reference file as dictionaries ready for `Commune`."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {
                "code_insee": row["code_insee"].strip(),
                "nom": row["nom"].strip(),
                "codes_postaux": row["codes_postaux"].strip(),
                "population": int(row["population"] or 0),
                "departement": row["departement"].strip(),
                "siren": row["siren"].strip(),
                "nom_normalise": normalize(row["nom"]),
            }


def load_communes(commune_model, path=CSV_PATH):
    """Create or update every commune of the file; returns (created, updated). Idempotent."""
    created = updated = 0
    for data in read_communes(path):
        code = data.pop("code_insee")
        _, was_created = commune_model.objects.update_or_create(code_insee=code, defaults=data)
        created += was_created
        updated += not was_created
    return created, updated
