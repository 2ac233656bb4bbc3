"""XLSX helpers shared by every export: formula neutralisation, yes/no cells."""

# What a spreadsheet may read as the start of a formula (OWASP CSV injection): a leading tab or
# carriage return too, which some spreadsheets skip before evaluating what follows.
FORMULE = ("=", "+", "-", "@", "\t", "\r")


def neutraliser(valeur):
    """A text starting like a formula is prefixed with a quote so that no spreadsheet evaluates it."""
    if isinstance(valeur, str) and valeur.startswith(FORMULE):
        return "'" + valeur
    return valeur


def ligne(valeurs):
    return [neutraliser(valeur) for valeur in valeurs]


def oui_non(valeur):
    return {True: "oui", False: "non"}.get(valeur, "")
