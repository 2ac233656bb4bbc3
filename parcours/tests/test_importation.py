"""Participant import (DESIGN §3): parsing, every error with line and column, all or nothing."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role
from accounts.tests.factories import UserFactory
from parcours.choices import DecisionCommission, MotifSortie
from parcours.importation import COLONNES, importer
from parcours.models import Parcours, Transition
from parcours.tests.factories import ParcoursFactory
from participants.models import Participant
from participants.tests.factories import ParticipantFactory
from partners.tests.factories import StructureFactory

pytestmark = pytest.mark.usefixtures("communes")

ENTETE = ";".join(COLONNES)


def ligne(sep=";", **valeurs):
    base = {
        "nom": "Lefèvre",
        "prenom": "Hélène",
        "sexe": "F",
        "date_naissance": "1990-05-17",
        "commune_insee": "76540",
        "date_entree": "2026-02-01",
        "statut_marche_travail": "chomeur",
        "niveau_formation": "niveau_3",
    }
    base.update(valeurs)
    return sep.join(base.get(colonne, "") for colonne in COLONNES)


def fichier(*lignes, sep=";", bom=False):
    texte = "\n".join([ENTETE.replace(";", sep), *lignes]) + "\n"
    return (("\ufeff" if bom else "") + texte).encode("utf-8")


def messages(rapport):
    return [str(erreur) for erreur in rapport.erreurs]


def test_a_valid_file_creates_the_people_and_their_validated_parcours(db):
    referent = UserFactory(email="ref@exemple.fr", role=Role.REFERENT)
    prescripteur = StructureFactory()
    rapport = importer(
        fichier(
            ligne(
                referent_email="REF@exemple.fr",
                prescripteur_siret=prescripteur.siret,
                rqth="oui",
                aah="0",
                qpv="",
                nationalite="hors_ue",
                date_debut_chomage="01/01/2024",
            ),
            ligne(nom="Martin", prenom="Paul", date_naissance="03/04/1985", sexe="m"),
        )
    )
    assert rapport.valide, messages(rapport)
    assert (rapport.nouvelles_personnes, rapport.nouveaux_parcours, rapport.ecrit) == (2, 2, True)
    helene = Participant.objects.get(nom="Lefèvre")
    assert helene.referent == referent
    assert helene.recherche.startswith("lefevre")
    assert helene.history.count() == 1
    parcours = helene.parcours.get()
    assert parcours.decision_commission == DecisionCommission.VALIDEE
    assert parcours.date_orientation == parcours.date_entree == datetime.date(2026, 2, 1)
    assert parcours.prescripteur == prescripteur
    assert (parcours.rqth, parcours.aah, parcours.qpv) == (True, False, None)
    assert parcours.date_debut_chomage == datetime.date(2024, 1, 1)
    assert parcours.history.count() == 1
    assert Participant.objects.get(nom="Martin").sexe == "M"


def test_a_bom_and_the_comma_separator_are_accepted(db):
    rapport = importer(fichier(ligne(sep=","), sep=",", bom=True))
    assert rapport.valide, messages(rapport)
    assert Parcours.objects.count() == 1


def test_a_dry_run_writes_nothing(db):
    rapport = importer(fichier(ligne()), ecrire=False)
    assert rapport.valide and rapport.nouveaux_parcours == 1 and not rapport.ecrit
    assert not Participant.objects.exists()


def test_an_import_by_a_user_logs_the_validation_in_the_transitions(db):
    coordination = UserFactory(role=Role.COORDINATION)
    importer(fichier(ligne()), par=coordination)
    transition = Transition.objects.get()
    assert (transition.par, transition.vers) == (coordination, DecisionCommission.VALIDEE)


def test_a_known_person_gets_a_new_parcours_without_overwriting_identity_or_contact(db):
    connue = ParticipantFactory(nom="LEFEVRE", prenom="helene", telephone="0611111111", email="a@b.fr")
    ParcoursFactory(
        participant=connue,
        date_entree=datetime.date(2025, 1, 10),
        date_orientation=datetime.date(2025, 1, 1),
        date_sortie=datetime.date(2025, 12, 1),
        motif_sortie=MotifSortie.AUTRE,
    )
    rapport = importer(fichier(ligne(telephone="0799999999", email="autre@exemple.fr", sexe="X")))
    assert rapport.valide, messages(rapport)
    assert (rapport.personnes_connues, rapport.nouvelles_personnes) == (1, 0)
    assert Participant.objects.count() == 1
    connue.refresh_from_db()
    assert (connue.nom, connue.telephone, connue.email, connue.sexe) == ("LEFEVRE", "0611111111", "a@b.fr", "F")
    assert connue.parcours.count() == 2


def test_lines_of_one_person_are_taken_in_entry_date_order(db):
    rapport = importer(
        fichier(
            ligne(date_entree="2026-01-10"),
            ligne(date_entree="2025-01-10", date_sortie="2025-06-30", motif_sortie="emploi_cdi"),
        )
    )
    assert rapport.valide, messages(rapport)
    assert Participant.objects.count() == 1
    assert Parcours.objects.count() == 2


def test_an_overlapping_parcours_is_an_error_on_its_line(db):
    rapport = importer(
        fichier(
            ligne(date_entree="2025-01-10", date_sortie="2025-06-30", motif_sortie="abandon"),
            ligne(date_entree="2025-06-01"),
        )
    )
    assert messages(rapport) == [
        "Ligne 3, colonne « date_entree » : ce parcours chevauche un autre parcours de la même personne "
        "(entrée avant la sortie précédente, ou un parcours est encore ouvert)."
    ]
    assert not Parcours.objects.exists()


def test_a_parcours_while_one_is_open_in_the_database_is_an_error(db):
    connue = ParticipantFactory(nom="Lefèvre", prenom="Hélène")
    ParcoursFactory(
        participant=connue, date_entree=datetime.date(2020, 1, 10), date_orientation=datetime.date(2020, 1, 1)
    )
    rapport = importer(fichier(ligne(date_entree="2026-03-01")))
    assert [(e.ligne, e.colonne) for e in rapport.erreurs] == [(2, "date_entree")]


def test_every_bad_value_is_reported_with_its_line_and_column_and_nothing_is_written(db):
    rapport = importer(
        fichier(
            ligne(),
            ligne(nom="A", date_naissance="31/02/1990"),
            ligne(nom="B", commune_insee="75056"),
            ligne(nom="C", statut_marche_travail="salarie", rsa="peut-être"),
            ligne(nom="D", date_sortie="2026-01-01", motif_sortie="emploi_cdi"),
            ligne(nom="E", date_entree="2026-13-01"),
            ligne(nom="F", referent_email="inconnu@exemple.fr", prescripteur_siret="12345678901234"),
            ligne(nom="G", date_entree="1er mars"),
            ligne(nom="", nationalite="martienne"),
        )
    )
    assert [(e.ligne, e.colonne) for e in rapport.erreurs] == [
        (3, "date_naissance"),
        (4, "commune_insee"),
        (5, "statut_marche_travail"),
        (5, "rsa"),
        (6, "date_sortie"),
        (7, "date_entree"),
        (8, "referent_email"),
        (8, "prescripteur_siret"),
        (9, "date_entree"),
        (10, "nom"),
        (10, "nationalite"),
    ]
    texte = "\n".join(messages(rapport))
    assert "Ligne 3, colonne « date_naissance » : « 31/02/1990 » : date impossible." in texte
    assert "commune inconnue « 75056 »" in texte
    assert "code inconnu « salarie »" in texte
    assert "la date de sortie précède la date d'entrée" in texte
    assert "aucun compte actif « inconnu@exemple.fr »" in texte
    assert "aucune structure avec le SIRET « 12345678901234 »" in texte
    assert "format attendu AAAA-MM-JJ ou JJ/MM/AAAA" in texte
    assert "valeur obligatoire manquante" in texte
    assert not Participant.objects.exists()
    assert not Parcours.objects.exists()


def test_a_referent_email_of_another_role_is_an_error(db):
    UserFactory(email="part@exemple.fr", role=Role.PARTENAIRE)
    rapport = importer(fichier(ligne(referent_email="part@exemple.fr")))
    assert messages(rapport) == [
        "Ligne 2, colonne « referent_email » : « part@exemple.fr » n'est pas un compte de référent·e."
    ]


def test_a_missing_required_column_or_an_unknown_column_is_reported_on_the_header(db):
    rapport = importer("nom;prenom;date_naissance;commune;date_entree\nA;B;1990-01-01;76540;2026-01-01\n")
    assert sorted((e.ligne, e.colonne) for e in rapport.erreurs) == [(1, "commune"), (1, "commune_insee")]


def test_only_the_required_columns_are_enough(db):
    rapport = importer("nom,prenom,date_naissance,commune_insee,date_entree\nA,B,1990-01-01,76540,2026-01-01\n")
    assert rapport.valide, messages(rapport)
    assert Parcours.objects.get().statut_marche_travail == ""


def test_a_file_not_in_utf8_is_refused(db):
    rapport = importer(fichier(ligne()).decode("utf-8").encode("latin-1"))
    assert messages(rapport) == ["Ligne 1 : le fichier n'est pas encodé en UTF-8."]


def test_exit_details_without_an_exit_date_are_an_error(db):
    rapport = importer(fichier(ligne(motif_sortie="emploi_cdi")))
    assert [(e.ligne, e.colonne) for e in rapport.erreurs] == [(2, "motif_sortie")]


def test_the_command_imports_and_reports_its_counts(db, tmp_path):
    chemin = tmp_path / "import.csv"
    chemin.write_bytes(fichier(ligne(), ligne(nom="Martin")))
    out = StringIO()
    call_command("import_participants", str(chemin), stdout=out)
    assert "2 nouvelles personnes" in out.getvalue()
    assert Parcours.objects.count() == 2


def test_the_command_dry_run_writes_nothing(db, tmp_path):
    chemin = tmp_path / "import.csv"
    chemin.write_bytes(fichier(ligne()))
    out = StringIO()
    call_command("import_participants", str(chemin), "--dry-run", stdout=out)
    assert "sans écriture" in out.getvalue()
    assert not Parcours.objects.exists()


def test_the_command_lists_the_errors_and_fails(db, tmp_path):
    chemin = tmp_path / "import.csv"
    chemin.write_bytes(fichier(ligne(), ligne(nom="B", commune_insee="99999")))
    err = StringIO()
    with pytest.raises(CommandError, match="1 erreur"):
        call_command("import_participants", str(chemin), stderr=err)
    assert "Ligne 3, colonne « commune_insee »" in err.getvalue()
    assert not Parcours.objects.exists()


def test_an_exit_without_a_reason_is_imported_and_counted_as_an_exit_never_a_positive_one(db):
    from parcours.indicators import calculer_indicateurs

    rapport = importer(fichier(ligne(date_entree="2025-01-10", date_sortie="2025-06-30")))

    assert rapport.valide and rapport.ecrit
    parcours = Parcours.objects.get()
    assert (parcours.date_sortie, parcours.motif_sortie, parcours.sortie_positive) == (
        datetime.date(2025, 6, 30),
        "",
        False,
    )
    indicateurs = calculer_indicateurs(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert (indicateurs["sorties"], indicateurs["sorties_positives"]) == (1, 0)
