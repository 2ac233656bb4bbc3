"""XLSX helpers shared by every export: the workbook written row after row, formula neutralisation,
yes/no cells."""

import datetime

import xlsxwriter

# Written as given: a text is never read as a formula, a link or a number; dates shown as in France.
OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": "dd/mm/yyyy",
}


class Classeur:
    """A workbook written sheet after sheet, row after row, in constant memory (XlsxWriter: the
    export of a million participants is bound by the writing of its cells), into a path or a
    binary file object."""

    def __init__(self, destination):
        self._classeur = xlsxwriter.Workbook(destination, OPTIONS)
        self._noms = set()
        self._format_jour = self._classeur.add_format({"num_format": OPTIONS["default_date_format"]})

    def feuille(self, nom):
        """A new sheet; a name already taken (31 characters at most) gets a number."""
        choisi, rang = nom[:31], 1
        while choisi.lower() in self._noms:
            rang += 1
            suffixe = f" ({rang})"
            choisi = nom[: 31 - len(suffixe)] + suffixe
        self._noms.add(choisi.lower())
        return Feuille(self._classeur.add_worksheet(choisi), self._format_jour)

    def enregistrer(self):
        self._classeur.close()


class Feuille:
    """A sheet of a `Classeur`: `ajouter` writes the next row."""

    def __init__(self, feuille, format_jour):
        self._feuille = feuille
        self._format_jour = format_jour
        self._rang = 0

    def entete(self, colonnes):
        """The titles of export columns (title, fields read, cell function) as the first row; the
        columns written by `jour` shown as dates."""
        for rang, (_titre, _lus, cellule) in enumerate(colonnes):
            if cellule is jour:
                self._feuille.set_column(rang, rang, None, self._format_jour)
        self.ajouter([titre for titre, _lus, _cellule in colonnes])

    def ajouter(self, valeurs=()):
        if valeurs:
            self._feuille.write_row(self._rang, 0, valeurs)
        self._rang += 1


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


# Day 0 of Excel's dates (the 1900 system, past its phantom 29 February 1900).
JOUR_ZERO = datetime.date(1899, 12, 30)


def jour(valeur):
    """A date cell of a column set up by `Feuille.entete`: the day's number, as Excel keeps it, under
    the column's date format (XlsxWriter's conversion of each date costs a third of a row's writing)."""
    return (valeur - JOUR_ZERO).days if valeur else ""


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
