import datetime

from openpyxl import load_workbook

from parcours.indicators import calculer_indicateurs
from parcours.models import Objectif
from parcours.tests.factories import ParcoursFactory
from participants.tests.factories import ParticipantFactory
from reports.models import StatutRapport
from reports.tests.helpers import est_balise, lire_pdf, produire

DEBUT, FIN = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)


def donnees_de_demo(world):
    """A few participations entering and exiting in the first half of 2026 (one incomplete)."""
    for jour, motif in ((datetime.date(2026, 3, 10), "emploi_cdi"), (datetime.date(2026, 4, 20), "abandon")):
        ParcoursFactory(
            participant=ParticipantFactory(referent=world.referent, commune_id="76451"),
            date_orientation=datetime.date(2026, 1, 2),
            date_entree=datetime.date(2026, 1, 20),
            date_sortie=jour,
            motif_sortie=motif,
            situation_sortie="emploi" if motif == "emploi_cdi" else "inconnue",
        )
    ParcoursFactory(participant=ParticipantFactory(sexe=""), date_entree=datetime.date(2026, 2, 2))


def test_the_activity_report_has_monthly_figures_by_commune_and_structure_objective_and_fse_table(
    world, django_capture_on_commit_callbacks
):
    donnees_de_demo(world)
    Objectif.objects.update_or_create(annee=2026, defaults={"taux_sorties_positives": "0.600"})

    rapport = produire(
        world.coordination, "activite", django_capture_on_commit_callbacks, debut="2026-01-01", fin="2026-06-30"
    )

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    assert rapport.nom_fichier == "activite-20260101-20260630.pdf"
    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "Période du 1er janvier 2026 au 30 juin 2026" in texte
    assert "janv. 2026" in texte and "juin 2026" in texte
    assert "Mont-Saint-Aignan" in texte  # 76451, entries by commune
    assert "PLIE test" in texte  # the referent's structure
    assert "50,0 %" in texte and "objectif non atteint" in texte  # 1 positive exit out of 2, objective 60 %
    assert "EECO01" in texte and "EECR04" in texte and "taux_sorties_positives" in texte
    assert "Page 1 sur" in texte


def test_the_fse_workbook_indicators_equal_calculer_indicateurs_for_the_same_period(
    world, django_capture_on_commit_callbacks
):
    donnees_de_demo(world)

    rapport = produire(
        world.coordination, "fse", django_capture_on_commit_callbacks, debut="2026-01-01", fin="2026-06-30"
    )

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    with rapport.fichier.open("rb") as fichier:
        classeur = load_workbook(fichier, read_only=True)
        attendus = calculer_indicateurs(DEBUT, FIN)
        lignes = {
            ligne[0]: ligne[1] for ligne in classeur["Indicateurs"].iter_rows(min_row=2, values_only=True) if ligne
        }
        participations = list(classeur["Participations"].iter_rows(values_only=True))
    assert {cle: lignes[cle] for cle in attendus} == attendus
    assert attendus["EECO01"] > 0 and attendus["incomplets"] == 1
    # Entering or exiting in the period: the world's three parcours, the three demo ones.
    assert len(participations) - 1 == 6
    assert participations[0][0] == "Parcours"


def test_a_cell_that_looks_like_a_formula_is_neutralised_in_the_fse_workbook(world, django_capture_on_commit_callbacks):
    world.participant.nom = '=HYPERLINK("http://exemple.fr")'
    world.participant.save()

    rapport = produire(
        world.coordination, "fse", django_capture_on_commit_callbacks, debut="2026-01-01", fin="2026-06-30"
    )

    with rapport.fichier.open("rb") as fichier:
        noms = [
            ligne[1] for ligne in load_workbook(fichier, read_only=True)["Participations"].iter_rows(values_only=True)
        ]
    assert '\'=HYPERLINK("http://exemple.fr")' in noms
