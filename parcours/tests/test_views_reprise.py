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


def importation_en_attente(world, contenu, **champs):
    """A historical import to write, its ZIP in private storage, as the import page leaves it."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    chemin = default_storage.save("imports/reprise.zip", ContentFile(contenu))
    return Importation.objects.create(
        par=world.coordination, nom_fichier="export.zip", chemin=chemin, genre="historique", ecrire=True, **champs
    )


def test_an_import_whose_worker_died_is_taken_over_and_written_once(world):
    import datetime

    from django.utils import timezone

    from parcours.tasks import importer_fichier, relancer_imports_bloques
    from plie_portal.travaux import DELAI_REPRISE

    il_y_a = timezone.now() - DELAI_REPRISE - datetime.timedelta(seconds=5)
    importation = importation_en_attente(
        world, archive(dossier_exemple(world)), statut="en_cours", debut_le=il_y_a, battement_le=il_y_a
    )

    assert relancer_imports_bloques() == 1
    importation.refresh_from_db()
    assert (importation.statut, importation.reprises, importation.tentatives) == ("termine", 1, 1)
    assert Parcours.objects.filter(identifiant_source="P-1").count() == 1
    # The dead worker's message, redelivered later, finds it done and does nothing.
    assert importer_fichier.delay(importation.pk).get() is None


def test_a_redelivered_import_task_leaves_an_import_whose_worker_still_beats(world):
    from django.utils import timezone

    from parcours.tasks import importer_fichier

    maintenant = timezone.now()
    importation = importation_en_attente(
        world, archive(dossier_exemple(world)), statut="en_cours", debut_le=maintenant, battement_le=maintenant
    )

    assert importer_fichier.delay(importation.pk).get() is None
    assert not Parcours.objects.filter(identifiant_source="P-1").exists()


def test_an_import_interrupted_by_the_database_is_retried_and_written(world, monkeypatch):
    from django.db import OperationalError

    from parcours import reprise
    from parcours.tasks import importer_fichier

    vraie = reprise.reprendre
    appels = []

    def coupee_une_fois(*args, **kwargs):
        appels.append(1)
        if len(appels) == 1:
            raise OperationalError("connexion perdue")
        return vraie(*args, **kwargs)

    monkeypatch.setattr(reprise, "reprendre", coupee_une_fois)
    importation = importation_en_attente(world, archive(dossier_exemple(world)))

    importer_fichier.delay(importation.pk)
    importation.refresh_from_db()
    assert (importation.statut, importation.tentatives) == ("termine", 2)
    assert Parcours.objects.filter(identifiant_source="P-1").exists()


def test_the_page_of_an_import_taken_over_says_it_starts_again(world, client_of):
    en_cours = Importation.objects.create(
        par=world.coordination,
        nom_fichier="export.zip",
        chemin="imports/x.zip",
        genre="historique",
        statut="en_cours",
        phase="lecture",
        reprises=1,
    )

    page = client_of(world.coordination).get(reverse("parcours:import_suivi", args=[en_cours.pk])).content.decode()

    assert "le traitement précédent s'est arrêté" in page
