"""Models of the parcours domain (DESIGN §2), split by theme; import them from here."""

from .activite import ActiviteJournaliere
from .ateliers import Atelier, Invitation, Presence, ThemeAtelier
from .commission import SessionCommission
from .controles import Conclusion, ControleServiceFait, LigneControle
from .etapes import Etape, EtapeQuerySet
from .importations import GenreImportation, Importation, StatutImportation
from .operations import Operation, OperationQuerySet, StatutOperation
from .parcours import Parcours, ParcoursQuerySet, TransitionInvalide
from .pieces import PieceFSE
from .suivi import Entretien, EntretienQuerySet, Objectif
from .transitions import LIBELLES_ETATS, Transition

__all__ = [
    "ActiviteJournaliere",
    "Atelier",
    "Conclusion",
    "ControleServiceFait",
    "LigneControle",
    "Invitation",
    "Presence",
    "ThemeAtelier",
    "LIBELLES_ETATS",
    "Entretien",
    "EntretienQuerySet",
    "Etape",
    "Importation",
    "EtapeQuerySet",
    "Objectif",
    "Operation",
    "OperationQuerySet",
    "StatutOperation",
    "Parcours",
    "ParcoursQuerySet",
    "PieceFSE",
    "SessionCommission",
    "StatutImportation",
    "GenreImportation",
    "Transition",
    "TransitionInvalide",
]
