"""Coded values of the parcours domain (DESIGN §2). Codes are stable: the import uses them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionCommission(models.TextChoices):
    EN_ATTENTE = "en_attente", _("En attente de commission")
    VALIDEE = "validee", _("Validée")
    REFUSEE = "refusee", _("Refusée")
    AJOURNEE = "ajournee", _("Ajournée")


class StatutMarcheTravail(models.TextChoices):
    CHOMEUR = "chomeur", _("Demandeur d'emploi (chômeur)")
    INACTIF = "inactif", _("Inactif")
    EN_EMPLOI = "en_emploi", _("En emploi (y compris indépendant)")


class NiveauFormation(models.TextChoices):
    AUCUN = "aucun", _("Aucun diplôme ni scolarité validée")
    INFRA_3 = "infra_3", _("Sans diplôme ou brevet (infra 3)")
    NIVEAU_3 = "niveau_3", _("CAP, BEP (niveau 3)")
    NIVEAU_4 = "niveau_4", _("Baccalauréat (niveau 4)")
    NIVEAU_5 = "niveau_5", _("Bac + 2 (niveau 5)")
    NIVEAU_6 = "niveau_6", _("Bac + 3 ou 4 (niveau 6)")
    NIVEAU_7 = "niveau_7", _("Bac + 5 (niveau 7)")
    NIVEAU_8 = "niveau_8", _("Doctorat (niveau 8)")


# ISCED groups of the FSE+ indicators EECO09/10/11.
# Completeness (DESIGN §2): sex, birth date, labour status and education level filled. The birth
# date is mandatory on the participant, so only these can be missing: the one list from which the
# kept column (`models.courant`), the missing-fields list of a parcours and the forms all come.
CHAMPS_FSE_PARTICIPANT = ("sexe",)
CHAMPS_FSE_PARCOURS = ("statut_marche_travail", "niveau_formation")


class TrancheAge(models.TextChoices):
    """Age band at entry, as the FSE+ entry indicators count it (EECO06 to EECO08)."""

    MOINS_DE_18 = "moins_18", _("Moins de 18 ans")
    DE_18_A_29 = "18_29", _("18 à 29 ans")
    DE_30_A_54 = "30_54", _("30 à 54 ans")
    PLUS_DE_55 = "55_plus", _("55 ans et plus")


# Each band below the last and the age (in full years at entry) it stops at.
BORNES_TRANCHES = ((18, TrancheAge.MOINS_DE_18), (30, TrancheAge.DE_18_A_29), (55, TrancheAge.DE_30_A_54))


def tranche_de_l_age(age):
    """The band of an age at entry ("" without one): the rule `courant.colonnes_fse` writes in SQL."""
    if age is None:
        return ""
    return next((tranche for borne, tranche in BORNES_TRANCHES if age < borne), TrancheAge.PLUS_DE_55)


CITE_0_2 = {NiveauFormation.AUCUN, NiveauFormation.INFRA_3}
CITE_3_4 = {NiveauFormation.NIVEAU_3, NiveauFormation.NIVEAU_4}
CITE_5_8 = {NiveauFormation.NIVEAU_5, NiveauFormation.NIVEAU_6, NiveauFormation.NIVEAU_7, NiveauFormation.NIVEAU_8}


class Nationalite(models.TextChoices):
    FRANCAISE = "francaise", _("Française")
    UE = "ue", _("Union européenne")
    HORS_UE = "hors_ue", _("Hors Union européenne")


class MotifSortie(models.TextChoices):
    EMPLOI_CDI = "emploi_cdi", _("CDI (au moins mi-temps)")
    EMPLOI_CDD_6_MOIS = "emploi_cdd_6_mois", _("CDD ou intérim de 6 mois ou plus (au moins mi-temps)")
    ALTERNANCE = "alternance", _("Contrat d'apprentissage ou de professionnalisation")
    CREATION_ENTREPRISE = "creation_entreprise", _("Création d'entreprise")
    FORMATION_QUALIFIANTE = "formation_qualifiante", _("Formation qualifiante ou certifiante validée")
    EMPLOI_COURT = "emploi_court", _("Emploi de moins de 6 mois")
    FORMATION_NON_QUALIFIANTE = "formation_non_qualifiante", _("Formation non qualifiante")
    DEMENAGEMENT = "demenagement", _("Déménagement")
    SANTE = "sante", _("Raisons de santé")
    ABANDON = "abandon", _("Abandon")
    REORIENTATION = "reorientation", _("Réorientation")
    DUREE_MAXIMALE = "duree_maximale", _("Durée maximale de parcours atteinte")
    RETRAITE = "retraite", _("Retraite")
    AUTRE = "autre", _("Autre")


MOTIFS_SORTIE_POSITIVE = {
    MotifSortie.EMPLOI_CDI,
    MotifSortie.EMPLOI_CDD_6_MOIS,
    MotifSortie.ALTERNANCE,
    MotifSortie.CREATION_ENTREPRISE,
    MotifSortie.FORMATION_QUALIFIANTE,
}


class SituationSortie(models.TextChoices):
    EMPLOI = "emploi", _("En emploi")
    FORMATION = "formation", _("En formation")
    RECHERCHE_EMPLOI = "recherche_emploi", _("En recherche d'emploi")
    INACTIF = "inactif", _("Inactif")
    INCONNUE = "inconnue", _("Inconnue")


# The situation at exit a reason implies, suggested on the exit form (the referent may change it).
SITUATION_SUGGEREE = {
    MotifSortie.EMPLOI_CDI: SituationSortie.EMPLOI,
    MotifSortie.EMPLOI_CDD_6_MOIS: SituationSortie.EMPLOI,
    MotifSortie.ALTERNANCE: SituationSortie.EMPLOI,
    MotifSortie.CREATION_ENTREPRISE: SituationSortie.EMPLOI,
    MotifSortie.EMPLOI_COURT: SituationSortie.EMPLOI,
    MotifSortie.FORMATION_QUALIFIANTE: SituationSortie.FORMATION,
    MotifSortie.FORMATION_NON_QUALIFIANTE: SituationSortie.FORMATION,
    MotifSortie.RETRAITE: SituationSortie.INACTIF,
}


class StatutEtape(models.TextChoices):
    PROPOSEE = "proposee", _("Proposée")
    ACCEPTEE = "acceptee", _("Acceptée")
    REFUSEE = "refusee", _("Refusée")
    ANNULEE = "annulee", _("Annulée")
    EN_COURS = "en_cours", _("En cours")
    TERMINEE = "terminee", _("Terminée")
    ABANDONNEE = "abandonnee", _("Abandonnée")


STATUTS_ETAPE_OUVERTS = {StatutEtape.PROPOSEE, StatutEtape.ACCEPTEE, StatutEtape.EN_COURS}
STATUTS_ETAPE_TERMINES = {StatutEtape.TERMINEE, StatutEtape.ABANDONNEE}


class MotifRefusEtape(models.TextChoices):
    COMPLET = "complet", _("Plus de place disponible")
    PREREQUIS = "prerequis", _("Prérequis non remplis")
    INJOIGNABLE = "injoignable", _("Personne injoignable")
    REFUS_PERSONNE = "refus_personne", _("Refus de la personne")
    INADAPTE = "inadapte", _("Action inadaptée au besoin")
    AUTRE = "autre", _("Autre")


class TypeEntretien(models.TextChoices):
    PRESENTIEL = "presentiel", _("En présentiel")
    TELEPHONE = "telephone", _("Par téléphone")
    VISIO = "visio", _("En visioconférence")


class StatutEntretien(models.TextChoices):
    PLANIFIE = "planifie", _("Planifié")
    REALISE = "realise", _("Réalisé")
    ABSENT = "absent", _("Absent (non venu)")
    ANNULE = "annule", _("Annulé (sortie du PLIE)")
