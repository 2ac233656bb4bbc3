"""Historical import (issue 16): the four files checked together, all or nothing, idempotent,
updated by a later export, original dates kept."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import User
from parcours.choices import StatutEtape
from parcours.indicators import calculer_indicateurs
from parcours.models import Entretien, Etape, Parcours
from parcours.reprise import reprendre
from parcours.tests.reprise_exemple import dossier_exemple, octets
from participants.models import Participant

pytestmark = pytest.mark.usefixtures("communes")


@pytest.fixture
def dossier(world):
    return dossier_exemple(world)


def test_a_complete_folder_brings_people_parcours_steps_journal_and_referents(world, dossier):
    rapport = reprendre(octets(dossier))

    assert rapport.valide and rapport.ecrit, rapport.erreurs
    assert rapport.crees == {"comptes": 1, "participants": 2, "parcours": 3, "etapes": 3, "entretiens": 3}
    referente = User.objects.get(email="ancienne.referente@plie.fr")
    assert (referente.is_active, referente.has_usable_password(), referente.structure) == (False, False, world.plie)
    jerome = Participant.objects.get(nom="Bénard")
    assert jerome.referent == referente
    assert list(jerome.parcours.order_by("date_entree").values_list("identifiant_source", flat=True)) == ["P-1", "P-2"]
    assert Etape.objects.get(identifiant_source="E-2").structure == world.of_autre
    assert Entretien.objects.filter(parcours__identifiant_source="P-2").count() == 2


def test_imported_records_keep_the_dates_of_the_previous_tool(world, dossier):
    reprendre(octets(dossier))

    jerome = Participant.objects.get(nom="Bénard")
    assert timezone.localdate(jerome.cree_le) == datetime.date(2018, 12, 20)
    assert timezone.localdate(Parcours.objects.get(identifiant_source="P-2").cree_le) == datetime.date(2023, 9, 1)
    entretien = Entretien.objects.get(identifiant_source="I-2")
    assert timezone.localtime(entretien.date).strftime("%d/%m/%Y %H:%M") == "15/01/2024 14:30"
    assert timezone.localdate(Etape.objects.get(identifiant_source="E-1").cree_le) == datetime.date(2023, 10, 9)


def test_running_the_same_folder_again_changes_nothing(world, dossier):
    reprendre(octets(dossier))
    historiques = (Parcours.history.count(), Etape.history.count(), Participant.history.count())

    rapport = reprendre(octets(dossier))

    assert rapport.ecrit
    assert sum(rapport.crees.values()) == 0 and sum(rapport.modifies.values()) == 0
    assert (Parcours.history.count(), Etape.history.count(), Participant.history.count()) == historiques


def test_a_later_export_updates_what_changed_with_history_and_adds_the_new_records(world, dossier):
    reprendre(octets(dossier))
    plus_tard = dict(dossier)
    plus_tard["etapes.csv"] = (
        dossier["etapes.csv"].replace(
            "E-2;P-2;;Formation qualifiante;;Organisme autre;en_cours;2024-04-15;2024-12-20;2024-04-15;;;",
            "E-2;P-2;;Formation qualifiante;;Organisme autre;terminee;2024-04-15;2024-12-20;2024-04-15;2024-12-18;"
            "Titre obtenu;",
        )
        + f"E-4;P-3;chantier;;{world.aci.siret};;acceptee;2024-07-01;2024-12-31;;;;\n"
    )

    rapport = reprendre(octets(plus_tard))

    assert (rapport.crees["etapes"], rapport.modifies["etapes"]) == (1, 1)
    etape = Etape.objects.get(identifiant_source="E-2")
    assert (etape.statut, etape.resultat) == (StatutEtape.TERMINEE, "Titre obtenu")
    assert etape.history.first().history_change_reason == "Reprise de l'historique"


def test_one_bad_line_anywhere_writes_nothing_and_names_file_line_and_column(world, dossier):
    dossier["entretiens.csv"] += "I-4;P-3;2099-01-01 10:00;presentiel;realise;;\n"

    rapport = reprendre(octets(dossier))

    assert not rapport.ecrit
    assert [(e.fichier, e.ligne, e.colonne) for e in rapport.erreurs] == [("entretiens.csv", 5, "date")]
    assert "futur" in rapport.erreurs[0].message
    assert not Participant.objects.filter(nom="Bénard").exists()
    assert not User.objects.filter(email="ancienne.referente@plie.fr").exists()


def test_an_unknown_step_type_is_listed_once_with_every_line_using_it(world, dossier):
    dossier["etapes.csv"] += (
        f"E-5;P-3;atelier_cv;;{world.aci.siret};;proposee;;;;;;\nE-6;P-3;atelier_cv;;{world.aci.siret};;proposee;;;;;;\n"
    )

    erreurs = reprendre(octets(dossier)).erreurs

    assert [(e.ligne, e.colonne, e.message) for e in erreurs] == [
        (5, "type_code", "« atelier_cv » inconnu (lignes 5, 6).")
    ]


@pytest.mark.parametrize(
    ("ligne", "colonne"),
    [
        ("E-7;P-3;chantier;;SIRET;;terminee;2024-03-01;2024-06-30;2024-03-04;;;", "date_fin"),
        ("E-7;P-3;chantier;;SIRET;;en_cours;2024-03-01;2024-06-30;;;;", "date_debut"),
        ("E-7;P-3;chantier;;SIRET;;terminee;2024-03-01;2024-06-30;2024-05-04;2024-04-01;;", "date_fin"),
        ("E-7;P-9;chantier;;SIRET;;proposee;;;;;;", "parcours_source"),
        ("E-7;P-3;chantier;;00000000000000;;proposee;;;;;;", "structure_siret"),
        ("E-1;P-3;chantier;;SIRET;;proposee;;;;;;", "identifiant_source"),
    ],
    ids=[
        "terminee-sans-fin",
        "en-cours-sans-debut",
        "fin-avant-debut",
        "parcours-inconnu",
        "structure-inconnue",
        "doublon",
    ],
)
def test_a_step_contradicting_itself_or_the_folder_is_refused(world, dossier, ligne, colonne):
    dossier["etapes.csv"] += ligne.replace("SIRET", world.aci.siret) + "\n"

    erreurs = reprendre(octets(dossier)).erreurs

    assert [(e.fichier, e.ligne, e.colonne) for e in erreurs] == [("etapes.csv", 5, colonne)]


def test_an_interview_author_unknown_to_the_folder_and_the_portal_is_refused(world, dossier):
    dossier["entretiens.csv"] += "I-4;P-3;2024-03-01 10:00;presentiel;realise;;inconnu@exemple.fr\n"

    erreurs = reprendre(octets(dossier)).erreurs

    assert [(e.ligne, e.colonne) for e in erreurs] == [(5, "auteur_email")]


def test_participants_csv_is_the_only_mandatory_file(world, dossier):
    seul = {"participants.csv": dossier["participants.csv"].replace("ancienne.referente@plie.fr", world.referent.email)}

    assert reprendre(octets(seul)).crees["parcours"] == 3
    assert [e.message for e in reprendre({}).erreurs] == ["fichier obligatoire absent du dossier."]


def test_a_dry_run_counts_what_it_would_write_and_writes_nothing(world, dossier):
    rapport = reprendre(octets(dossier), ecrire=False)

    assert rapport.valide and not rapport.ecrit
    assert rapport.crees["parcours"] == 3
    assert not Parcours.objects.filter(identifiant_source__startswith="P-").exists()


def test_a_partner_sees_the_imported_steps_of_its_structure_and_not_the_journal(world, dossier):
    reprendre(octets(dossier))

    visibles = set(Etape.objects.visible_to(world.partenaire).values_list("identifiant_source", flat=True))

    assert {"E-1", "E-3"} >= visibles - {""} and "E-2" not in visibles


def test_the_fse_indicators_after_the_import_equal_those_of_the_same_people_entered_by_the_csv_import(world, dossier):
    from parcours.importation import COLONNES, importer

    reprendre(octets(dossier))
    apres_reprise = calculer_indicateurs(datetime.date(2019, 1, 1), datetime.date(2024, 12, 31))
    Parcours.objects.filter(identifiant_source__startswith="P-").delete()
    Participant.objects.filter(nom__in=["Bénard", "Mauger"]).delete()
    lignes = [
        ";".join(COLONNES),
        "Bénard;Jérôme;M;1985-03-02;76540;;;;;;2019-02-01;chomeur;;niveau_3;;;;;;;;;;;2020-03-31;emploi_cdi;;;;",
        "Bénard;Jérôme;M;1985-03-02;76540;;;;;;2023-10-02;chomeur;;niveau_3;;;;;;;;;;;;;;;;",
        "Mauger;Inès;F;1999-11-30;76231;;;;;;2024-02-01;inactif;;niveau_4;;;;;;;;;;;2024-12-20;;;;;",
    ]
    assert importer("\n".join(lignes) + "\n").ecrit

    assert calculer_indicateurs(datetime.date(2019, 1, 1), datetime.date(2024, 12, 31)) == apres_reprise


def demenage(dossier):
    """The same export, later: Jérôme Bénard moved from 76540 to 76231 in the previous tool."""
    return {
        **dossier,
        "participants.csv": dossier["participants.csv"].replace(";M;1985-03-02;76540;", ";M;1985-03-02;76231;"),
    }


def test_a_later_export_updates_the_details_of_a_person_it_brought_with_history(world, dossier):
    reprendre(octets(dossier))

    rapport = reprendre(octets(demenage(dossier)))

    jerome = Participant.objects.get(nom="Bénard")
    assert (jerome.commune_id, rapport.modifies["participants"]) == ("76231", 1)
    assert jerome.history.first().history_change_reason == "Reprise de l'historique"


def test_a_person_whose_lines_differ_takes_its_latest_parcours_details_and_a_second_run_changes_nothing(world, dossier):
    # The old tool kept the commune of each parcours: 76231 on the first one, 76540 on the latest.
    dossier["participants.csv"] = dossier["participants.csv"].replace(
        "P-1;Bénard;Jérôme;M;1985-03-02;76540;", "P-1;Bénard;Jérôme;M;1985-03-02;76231;"
    )
    reprendre(octets(dossier))

    rapport = reprendre(octets(dossier))

    assert Participant.objects.get(nom="Bénard").commune_id == "76540"
    assert sum(rapport.modifies.values()) == 0


def test_a_person_changed_in_the_portal_since_keeps_the_portal_values(world, dossier):
    reprendre(octets(dossier))
    jerome = Participant.objects.get(nom="Bénard")
    jerome.telephone = "0601020304"
    jerome._change_reason = "Fiche mise à jour par la référente"
    jerome.save()

    reprendre(octets(demenage(dossier)))

    jerome.refresh_from_db()
    assert (jerome.commune_id, jerome.telephone) == ("76540", "0601020304")


def test_an_anonymised_person_is_not_brought_back_by_a_later_run(world, dossier):
    reprendre(octets(dossier))
    Participant.objects.filter(nom="Mauger").update(nom="ANONYME", anonymise_le=timezone.now())

    rapport = reprendre(octets(dossier))

    assert [ligne for _f, ligne, _r in rapport.ignores] == [4]
    assert not Participant.objects.filter(nom="Mauger").exists()


def test_the_command_prints_every_error_and_refuses_to_write(world, dossier, tmp_path):
    dossier["etapes.csv"] += f"E-7;P-3;chantier;;{world.aci.siret};;terminee;;;2024-03-04;;;\n"
    for nom, texte in dossier.items():
        (tmp_path / nom).write_text(texte, encoding="utf-8")
    erreurs = StringIO()

    with pytest.raises(CommandError, match="1 erreur : rien n'a été importé"):
        call_command("import_historique", str(tmp_path), stderr=erreurs)

    assert "etapes.csv, ligne 5, colonne « date_fin »" in erreurs.getvalue()


def test_the_command_imports_a_folder_then_a_second_run_creates_nothing(world, dossier, tmp_path):
    for nom, texte in dossier.items():
        (tmp_path / nom).write_text("\ufeff" + texte, encoding="utf-8")
    sortie = StringIO()

    call_command("import_historique", str(tmp_path), stdout=sortie)
    call_command("import_historique", str(tmp_path), stdout=sortie)

    assert "3 parcours créés" in sortie.getvalue()
    assert "0 parcours créé ;" in sortie.getvalue()
