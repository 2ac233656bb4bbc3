"""The historical import from the import page (issue 16): one ZIP, checked by the worker, its
preview, the confirmation, the result; the errors as a CSV; a template of each file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parcours.models import GenreImportation, Importation, Parcours
from parcours.tests.reprise_exemple import archive, dossier_exemple

pytestmark = pytest.mark.usefixtures("communes")


@pytest.fixture
def deposer(client_of, world, django_capture_on_commit_callbacks):
    """Upload a ZIP as coordination; the worker runs at commit (eager); the preview page follows."""

    def deposer(contenu, nom="export.zip"):
        client = client_of(world.coordination)
        with django_capture_on_commit_callbacks(execute=True):
            reponse = client.post(
                reverse("parcours:import"), {"fichier": SimpleUploadedFile(nom, contenu, "application/zip")}
            )
        assert reponse.status_code == 302, reponse.context["form"].errors
        return client, client.get(reponse.url)

    return deposer


def test_a_zip_is_previewed_then_written_on_confirmation(world, deposer, django_capture_on_commit_callbacks):
    client, apercu = deposer(archive(dossier_exemple(world)))
    page = apercu.content.decode()
    importation = Importation.objects.latest("pk")

    assert importation.genre == GenreImportation.HISTORIQUE
    assert "Aperçu de la reprise" in page and "Confirmer la reprise" in page
    assert not Parcours.objects.filter(identifiant_source="P-1").exists()

    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(reverse("parcours:import_confirmer", args=[importation.pk]))
    resultat = client.get(reponse.url).content.decode()

    assert "Reprise terminée" in resultat
    assert Parcours.objects.filter(identifiant_source__in=["P-1", "P-2", "P-3"]).count() == 3


def test_a_zip_with_one_bad_line_shows_its_file_line_and_column_and_offers_no_confirmation(world, deposer):
    dossier = dossier_exemple(world)
    dossier["etapes.csv"] += f"E-9;P-3;chantier;;{world.aci.siret};;terminee;;;2024-03-04;;;\n"

    _client, apercu = deposer(archive(dossier))
    page = apercu.content.decode()

    assert "<td>etapes.csv</td><td>5</td><td>date_fin</td>" in page
    assert "Confirmer la reprise" not in page


def test_the_errors_download_as_a_csv_with_file_line_column_and_message(world, deposer):
    dossier = dossier_exemple(world)
    dossier["entretiens.csv"] += "I-9;P-9;2024-03-01 10:00;presentiel;realise;;\n"
    client, _apercu = deposer(archive(dossier))

    reponse = client.get(reverse("parcours:import_erreurs", args=[Importation.objects.latest("pk").pk]))
    lignes = reponse.content.decode("utf-8-sig").splitlines()

    assert reponse["Content-Type"].startswith("text/csv")
    assert lignes[0] == "fichier;ligne;colonne;message"
    assert lignes[1].startswith("entretiens.csv;5;parcours_source;")


def test_a_zip_without_participants_csv_is_refused_with_the_reason(world, deposer):
    _client, apercu = deposer(archive({"etapes.csv": "identifiant_source\n"}))

    assert "ne contient pas de fichier participants.csv" in apercu.content.decode()


def test_a_file_named_zip_that_is_not_one_is_refused_by_the_form(world, client_of):
    reponse = client_of(world.coordination).post(
        reverse("parcours:import"), {"fichier": SimpleUploadedFile("export.zip", b"pas une archive")}
    )

    assert reponse.status_code == 200
    assert "pas une archive ZIP lisible" in reponse.content.decode()


def test_each_file_has_a_template_with_its_header_and_an_example_line(world, client_of):
    from parcours.reprise.fichiers import COLONNES_ETAPES

    reponse = client_of(world.coordination).get(reverse("parcours:import_modele", args=["etapes.csv"]))
    entete, exemple = reponse.content.decode("utf-8-sig").splitlines()

    assert entete == ";".join(COLONNES_ETAPES)
    assert exemple.startswith("E-2210;P-1024;")


def test_the_templates_of_the_example_pass_the_checks_together(world):
    from parcours.reprise import reprendre
    from parcours.reprise.modeles import MODELES_REPRISE

    fichiers = {nom: f"{entete}\n{exemple}\n".encode() for nom, (entete, exemple) in MODELES_REPRISE.items()}
    erreurs = {(e.fichier, e.colonne) for e in reprendre(fichiers, ecrire=False).erreurs}

    # Only what the example cannot know of this portal: its structure, SIRET and step type.
    assert erreurs <= {
        ("comptes.csv", "structure_siret"),
        ("etapes.csv", "type_code"),
        ("etapes.csv", "structure_siret"),
    }


def test_the_worker_tells_the_page_each_phase_of_the_import(world, deposer):
    deposer(archive(dossier_exemple(world)))
    importation = Importation.objects.latest("pk")

    assert importation.phase == "simulation"
    assert importation.avancement[:2] == (3, 3)


def test_the_progress_of_a_running_import_is_drawn_with_its_phase(world, client_of):
    en_cours = Importation.objects.create(
        par=world.coordination,
        nom_fichier="export.zip",
        chemin="imports/x.zip",
        genre="historique",
        statut="en_cours",
        phase="verification",
    )

    page = client_of(world.coordination).get(reverse("parcours:import_suivi", args=[en_cours.pk])).content.decode()

    assert "Étape 2 sur 3 : Vérification de toutes les lignes" in page
    assert '<progress max="3" value="2"' in page
