"""XLSX helpers shared by every export: the workbook written row after row, formula neutralisation,
yes/no cells."""

import xlsxwriter

# Written as given: a text is never read as a formula, a link or a number; dates shown as in France.
OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": "dd/mm/yyyy",
}


# Rows of an Excel sheet. Past the last one XlsxWriter refuses a row and says so only by returning
# -1: a table longer than that (the access log, ten years of participations) goes on over a
# following sheet, its headings repeated, rather than losing its end without a word.
LIGNES_PAR_FEUILLE = 1_048_576


class Classeur:
    """A workbook written sheet after sheet, row after row, in constant memory (XlsxWriter: the
    export of a million participants is bound by the writing of its cells), into a path or a
    binary file object."""

    def __init__(self, destination):
        self._classeur = xlsxwriter.Workbook(destination, OPTIONS)
        self._noms = set()
        self.lignes_par_feuille = LIGNES_PAR_FEUILLE

    def feuille(self, nom, entetes=None):
        """A new sheet, its first row `entetes` when given (repeated on each following sheet of a
        table longer than a sheet)."""
        return Feuille(self, nom, entetes)

    def _onglet(self, nom):
        """A new XlsxWriter sheet; a name already taken (31 characters at most) gets a number."""
        choisi, rang = nom[:31], 1
        while choisi.lower() in self._noms:
            rang += 1
            suffixe = f" ({rang})"
            choisi = nom[: 31 - len(suffixe)] + suffixe
        self._noms.add(choisi.lower())
        return self._classeur.add_worksheet(choisi)

    def enregistrer(self):
        self._classeur.close()


class Feuille:
    """A sheet of a `Classeur`: `ajouter` writes the next row, on a following sheet named
    "<nom> – suite <n>" once a sheet is full."""

    def __init__(self, classeur, nom, entetes=None):
        self._classeur = classeur
        self._nom = nom
        self._entetes = list(entetes) if entetes else None
        self._suites = 1
        self._ouvrir(self._classeur._onglet(nom))

    def _ouvrir(self, onglet):
        self._feuille, self._rang = onglet, 0
        if self._entetes:
            self.ajouter(self._entetes)

    def ajouter(self, valeurs=()):
        if self._rang >= self._classeur.lignes_par_feuille:
            self._suites += 1
            suffixe = f" – suite {self._suites}"
            self._ouvrir(self._classeur._onglet(self._nom[: 31 - len(suffixe)] + suffixe))
        # Each cell by its own type rather than through write_row's dispatch, which tries every
        # option of a string (formula, address, number: all off here) for every cell of a million
        # rows; an empty text or a missing value is no cell, as write_row leaves it.
        rang, ecrire_texte, ecrire = self._rang, self._feuille.write_string, self._feuille.write
        for colonne, valeur in enumerate(valeurs):
            if type(valeur) is str:
                if valeur:
                    ecrire_texte(rang, colonne, valeur)
            elif valeur is not None:
                ecrire(rang, colonne, valeur)
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


OUI_NON = {True: "oui", False: "non"}


def oui_non(valeur):
    return OUI_NON.get(valeur, "")


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
