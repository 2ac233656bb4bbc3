"""XLSX helpers: write-only workbooks and formula neutralisation (DESIGN §5)."""

FORMULE = ("=", "+", "-", "@")


def neutraliser(valeur):
    """A text starting like a formula is prefixed with a quote so that no spreadsheet evaluates it."""
    if isinstance(valeur, str) and valeur.startswith(FORMULE):
        return "'" + valeur
    return valeur


def ligne(valeurs):
    return [neutraliser(valeur) for valeur in valeurs]


def oui_non(valeur):
    return {True: "oui", False: "non"}.get(valeur, "")
