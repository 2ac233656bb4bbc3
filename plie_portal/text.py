"""Text helpers shared by the apps."""

import unicodedata


def normalize(value):
    """Lower case, accents stripped, spaces collapsed: the form stored in search columns.

    SQLite's LIKE folds neither accents nor non-ASCII case, so search compares normalised
    columns with a normalised query on every database (DESIGN §5).
    """
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(value))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().replace("œ", "oe").replace("æ", "ae").split())
