"""Models of the parcours domain (DESIGN §2), split by theme; import them from here."""

from .ateliers import Atelier, Invitation, Presence, ThemeAtelier
from .controles import Conclusion, ControleServiceFait, LigneControle
from .etapes import Etape, EtapeQuerySet
from .importations import GenreImportation, Importation, StatutImportation
from .operations import Operation, OperationQuerySet, StatutOperation
from .parcours import (
    LIBELLES_ETATS,
    Parcours,
    ParcoursQuerySet,
    SessionCommission,
    Transition,
    TransitionInvalide,
)
from .pieces import PieceFSE
from .suivi import Entretien, EntretienQuerySet, Objectif

__all__ = [
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
