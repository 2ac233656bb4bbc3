"""Text helpers shared by the apps."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


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


# Invisible characters that reorder or hide text (bidirectional overrides, isolates, zero-width
# marks): in a name they make "MARTIN" display as something else, in a list or a PDF.
CONTROLES_INVISIBLES = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF]
)


def sans_caractere_invisible(valeur):
    """Validator: refuse a text holding a character that reorders or hides what is displayed."""
    if valeur and any(ord(c) in CONTROLES_INVISIBLES for c in valeur):
        raise ValidationError(
            _("Ce texte contient un caractère invisible qui modifie l'affichage (inversion du sens…) : retirez-le."),
            code="caractere_invisible",
        )


def chiffres_du_telephone(value):
    """A phone number as its digits, in the national form ("+33 6 12…" → "0612…"): the form
    stored in the search column and looked for when a search is typed as a number."""
    chiffres = "".join(ch for ch in str(value or "") if ch.isdigit())
    if chiffres.startswith("33") and len(chiffres) == 11:
        chiffres = "0" + chiffres[2:]
    return chiffres


def ressemble_a_un_telephone(terme):
    """Whether a search looks like a phone number (digits with spaces, dots, dashes or a +)."""
    reste = "".join(ch for ch in terme if ch not in " .-+()")
    return len(reste) >= 6 and reste.isdigit()
