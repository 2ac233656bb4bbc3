"""Choices of the calls for projects app (DESIGN §2, aap_invisibles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatutAppel(models.TextChoices):
    BROUILLON = "brouillon", _("Brouillon")
    PUBLIE = "publie", _("Publié")
    DECIDE = "decide", _("Décidé")


class StatutDossier(models.TextChoices):
    BROUILLON = "brouillon", _("Brouillon")
    DEPOSE = "depose", _("Déposé")
    EN_INSTRUCTION = "en_instruction", _("En instruction")
    IRRECEVABLE = "irrecevable", _("Irrecevable")
    AUDITION = "audition", _("Audition")
    RETENU = "retenu", _("Retenu")
    REFUSE = "refuse", _("Refusé")
    SANS_SUITE = "sans_suite", _("Classé sans suite")


STATUTS_DECISION = (StatutDossier.RETENU, StatutDossier.REFUSE)
# "sans_suite" is possible from any state after submission and before a decision.
STATUTS_AVANT_DECISION = (StatutDossier.DEPOSE, StatutDossier.EN_INSTRUCTION, StatutDossier.AUDITION)


class TypePiece(models.TextChoices):
    RIB = "rib", _("Relevé d'identité bancaire (RIB)")
    STATUTS = "statuts", _("Statuts de l'association")
    COMPTES = "comptes", _("Derniers comptes approuvés")
    RAPPORT_ACTIVITE = "rapport_activite", _("Dernier rapport d'activité")
    LISTE_DIRIGEANTS = "liste_dirigeants", _("Liste des dirigeants")
    BUDGET_ASSOCIATION = "budget_association", _("Budget prévisionnel de l'association")
    POUVOIR = "pouvoir", _("Pouvoir du signataire")
    AUTRE = "autre", _("Autre pièce")


class Compte(models.TextChoices):
    """The associations' chart of accounts used by the Cerfa 12156 project budget."""

    C60 = "60", _("60 – Achats")
    C61 = "61", _("61 – Services extérieurs")
    C62 = "62", _("62 – Autres services extérieurs")
    C63 = "63", _("63 – Impôts et taxes")
    C64 = "64", _("64 – Charges de personnel")
    C65 = "65", _("65 – Autres charges de gestion courante")
    C66 = "66", _("66 – Charges financières")
    C67 = "67", _("67 – Charges exceptionnelles")
    C68 = "68", _("68 – Dotations aux amortissements et provisions")
    C86 = "86", _("86 – Emplois des contributions volontaires en nature")
    P70 = "70", _("70 – Ventes de produits finis, prestations de services")
    P71 = "71", _("71 – Production stockée")
    P72 = "72", _("72 – Production immobilisée")
    P73 = "73", _("73 – Dotations et produits de tarification")
    P74 = "74", _("74 – Subventions d'exploitation")
    P75 = "75", _("75 – Autres produits de gestion courante")
    P76 = "76", _("76 – Produits financiers")
    P77 = "77", _("77 – Produits exceptionnels")
    P78 = "78", _("78 – Reprises sur amortissements et provisions")
    P87 = "87", _("87 – Contributions volontaires en nature")


COMPTES_CHARGES = ["60", "61", "62", "63", "64", "65", "66", "67", "68", "86"]
COMPTES_PRODUITS = ["70", "71", "72", "73", "74", "75", "76", "77", "78", "87"]
COMPTE_SUBVENTION = "74"


class Avis(models.TextChoices):
    FAVORABLE = "favorable", _("Favorable")
    DEFAVORABLE = "defavorable", _("Défavorable")


class AvisExpert(models.TextChoices):
    """The outside opinion on a dossier: favourable, with reservations, unfavourable."""

    FAVORABLE = "favorable", _("Favorable")
    RESERVE = "reserve", _("Réservé")
    DEFAVORABLE = "defavorable", _("Défavorable")


class NatureVersement(models.TextChoices):
    AVANCE = "avance", _("Avance")
    SOLDE = "solde", _("Solde")
