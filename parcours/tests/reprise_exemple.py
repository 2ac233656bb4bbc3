"""A small export of a previous tool, shared by the tests of the historical import."""

from partners.tests.factories import EtapeTypeFactory

COMPTES = "email;nom;prenom;role;structure_siret\n"
PARTICIPANTS = (
    "identifiant_source;nom;prenom;sexe;date_naissance;commune_insee;referent_email;date_orientation;"
    "date_entree;date_creation;statut_marche_travail;niveau_formation;date_sortie;motif_sortie\n"
)
ETAPES = (
    "identifiant_source;parcours_source;type_code;type_libelle;structure_siret;structure_nom;statut;"
    "date_debut_prevue;date_fin_prevue;date_debut;date_fin;resultat;commentaire\n"
)
ENTRETIENS = "identifiant_source;parcours_source;date;modalite;statut;note;auteur_email\n"


def dossier_exemple(world):
    """A small but complete export of the previous tool: one new referent, two people, three
    parcours (one ended), steps and interviews."""
    EtapeTypeFactory(code="chantier", libelle="Chantier d'insertion")
    EtapeTypeFactory(code="formation", libelle="Formation qualifiante")
    return {
        "comptes.csv": COMPTES + f"ancienne.referente@plie.fr;Roux;Anne;referent;{world.plie.siret}\n",
        "participants.csv": PARTICIPANTS
        + "P-1;Bénard;Jérôme;M;1985-03-02;76540;ancienne.referente@plie.fr;2019-01-05;2019-02-01;2018-12-20;"
        "chomeur;niveau_3;2020-03-31;emploi_cdi\n"
        "P-2;Bénard;Jérôme;M;1985-03-02;76540;ancienne.referente@plie.fr;2023-09-01;2023-10-02;2023-09-01;"
        "chomeur;niveau_3;;\n"
        f"P-3;Mauger;Inès;F;1999-11-30;76231;{world.referent.email};2024-01-10;2024-02-01;2024-01-10;"
        "inactif;niveau_4;2024-12-20;\n",
        "etapes.csv": ETAPES
        + f"E-1;P-2;chantier;;{world.aci.siret};;terminee;2023-10-02;2024-03-31;2023-10-09;2024-03-29;Contrat signé;\n"
        f"E-2;P-2;;Formation qualifiante;;{world.of_autre.nom};en_cours;2024-04-15;2024-12-20;2024-04-15;;;\n"
        f"E-3;P-3;chantier;;{world.aci.siret};;proposee;2024-03-01;2024-06-30;;;;\n",
        "entretiens.csv": ENTRETIENS
        + "I-1;P-2;2023-10-02 10:00;presentiel;realise;Premier entretien;ancienne.referente@plie.fr\n"
        "I-2;P-2;15/01/2024 14:30;telephone;realise;Point sur le chantier;ancienne.referente@plie.fr\n"
        f"I-3;P-3;2024-02-01 09:00;visio;absent;;{world.referent.email}\n",
    }


def octets(dossier):
    return {nom: texte.encode() for nom, texte in dossier.items()}


def archive(dossier, dans="export-2024"):
    """The folder as the ZIP a coordinator uploads (in a sub-folder, as exports often are)."""
    import io
    import zipfile

    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w", zipfile.ZIP_DEFLATED) as zip_:
        for nom, texte in dossier.items():
            zip_.writestr(f"{dans}/{nom}", texte)
    return tampon.getvalue()
