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


def texte(valeur):
    """A text cell: neutralised, empty for an empty or missing value."""
    return neutraliser(valeur) if valeur else ""


def telle_quelle(valeur):
    """A cell written as it is read (numbers, dates)."""
    return valeur


def valeurs_en_cellules(colonnes):
    """For export columns given as (title, fields read, cell function): the fields to ask
    `values_list` for, and the function that turns one such row into the cells of the sheet.
    Exports read plain values in chunks, never a model instance per row (issue 20)."""
    champs, lectures = [], []
    for _titre, lus, cellule in colonnes:
        positions = []
        for champ in lus:
            if champ not in champs:
                champs.append(champ)
            positions.append(champs.index(champ))
        lectures.append((positions[0], None, cellule) if len(positions) == 1 else (None, positions, cellule))

    def cellules(rangee):
        return [
            cellule(rangee[seule]) if plusieurs is None else cellule(*(rangee[i] for i in plusieurs))
            for seule, plusieurs, cellule in lectures
        ]

    return champs, cellules
