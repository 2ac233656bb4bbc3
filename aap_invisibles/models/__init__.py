"""Models of the calls for projects app (DESIGN §2, aap_invisibles)."""

from .appels import (
    AppelAProjets,
    CouleurEtiquette,
    CritereNotation,
    DocumentAppel,
    Etiquette,
    QuestionReponse,
    ReportCloture,
    SimulationAllocation,
    TransitionInvalide,
)
from .avis import DemandeAvis
from .cerfa import SECTIONS_CERFA, SECTIONS_PAR_CODE
from .choices import Avis, AvisExpert, Compte, NatureVersement, StatutAppel, StatutDossier, TypePiece
from .comptes import DemandeAdhesion, StatutDemande
from .contenu import ConsultationEPS, LigneBudget, PieceJointe
from .courriers import ModeleCourrier
from .dossiers import Dossier, Message, TransitionDossier
from .instruction import Annotation, ConflitInteret, CreneauAudition, DemandeCorrection, Evaluation, NoteCritere
from .orientations import OrientationPLIE, entonnoir
from .suivi import Bilan, Convention, LigneBilan, Versement

__all__ = [
    "Annotation",
    "AppelAProjets",
    "Avis",
    "AvisExpert",
    "Bilan",
    "Compte",
    "ConflitInteret",
    "ConsultationEPS",
    "CouleurEtiquette",
    "Convention",
    "CreneauAudition",
    "CritereNotation",
    "DemandeAdhesion",
    "DemandeAvis",
    "DemandeCorrection",
    "DocumentAppel",
    "Dossier",
    "Etiquette",
    "Evaluation",
    "LigneBilan",
    "LigneBudget",
    "Message",
    "ModeleCourrier",
    "NatureVersement",
    "NoteCritere",
    "OrientationPLIE",
    "PieceJointe",
    "QuestionReponse",
    "ReportCloture",
    "SECTIONS_CERFA",
    "SECTIONS_PAR_CODE",
    "SimulationAllocation",
    "StatutAppel",
    "StatutDemande",
    "StatutDossier",
    "TransitionDossier",
    "TransitionInvalide",
    "TypePiece",
    "Versement",
    "entonnoir",
]
