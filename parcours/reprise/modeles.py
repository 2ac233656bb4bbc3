"""The template of each file of a historical import, offered on the import page: the header read
from the format itself (fichiers.py) and one example line."""

from .fichiers import (
    COLONNES_COMPTES,
    COLONNES_ENTRETIENS,
    COLONNES_ETAPES,
    COMPTES,
    ENTRETIENS,
    ETAPES,
    PARTICIPANTS,
    LecteurParticipants,
)

EXEMPLES = {
    COMPTES: {
        "email": "anne.roux@plie-exemple.fr",
        "nom": "Roux",
        "prenom": "Anne",
        "role": "referent",
        "structure_siret": "20004396300011",
    },
    PARTICIPANTS: {
        "identifiant_source": "P-1024",
        "nom": "Lefèvre",
        "prenom": "Hélène",
        "sexe": "F",
        "date_naissance": "1988-05-17",
        "commune_insee": "76540",
        "email": "helene.lefevre@exemple.fr",
        "telephone": "06 12 34 56 78",
        "referent_email": "anne.roux@plie-exemple.fr",
        "date_orientation": "2023-09-04",
        "date_entree": "2023-10-02",
        "date_creation": "2023-09-04",
        "statut_marche_travail": "chomeur",
        "date_debut_chomage": "2022-06-01",
        "niveau_formation": "niveau_3",
        "rsa": "oui",
        "date_sortie": "2024-09-30",
        "motif_sortie": "emploi_cdi",
        "situation_sortie": "emploi",
    },
    ETAPES: {
        "identifiant_source": "E-2210",
        "parcours_source": "P-1024",
        "type_code": "chantier-insertion",
        "type_libelle": "",
        "structure_siret": "",
        "structure_nom": "Les Jardins de la Seine",
        "statut": "terminee",
        "date_debut_prevue": "2023-11-06",
        "date_fin_prevue": "2024-05-31",
        "date_debut": "2023-11-06",
        "date_fin": "2024-05-24",
        "resultat": "Contrat à durée déterminée d'insertion mené à son terme",
        "commentaire": "",
    },
    ENTRETIENS: {
        "identifiant_source": "I-9001",
        "parcours_source": "P-1024",
        "date": "2023-10-02 10:00",
        "modalite": "presentiel",
        "statut": "realise",
        "note": "Premier entretien : projet professionnel dans la logistique",
        "auteur_email": "anne.roux@plie-exemple.fr",
    },
}
COLONNES = {
    COMPTES: COLONNES_COMPTES,
    PARTICIPANTS: LecteurParticipants.colonnes,
    ETAPES: COLONNES_ETAPES,
    ENTRETIENS: COLONNES_ENTRETIENS,
}


def _ligne(valeurs):
    return ";".join(f'"{v}"' if ";" in v else v for v in valeurs)


MODELES_REPRISE = {
    nom: (";".join(colonnes), _ligne([EXEMPLES[nom].get(c, "") for c in colonnes]))
    for nom, colonnes in COLONNES.items()
}
