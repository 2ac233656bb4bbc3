"""Import page: the file is checked by a worker (preview with counts and errors, progress while it
runs), then written by a worker on confirmation, checked again — nothing long inside a request."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parcours.models import Importation, Parcours, StatutImportation
from parcours.tests.factories import ParcoursFactory
from participants.models import Participant
from participants.tests.factories import ParticipantFactory


def csv(*lignes):
    texte = "\n".join(["nom;prenom;sexe;date_naissance;commune_insee;date_entree", *lignes]) + "\n"
    return SimpleUploadedFile("import.csv", texte.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def deposer(client_of, world, django_capture_on_commit_callbacks):
    """Upload as coordination; the worker's check runs at commit (eager); the preview page follows."""

    def deposer(*lignes, client=None):
        client = client or client_of(world.coordination)
        with django_capture_on_commit_callbacks(execute=True):
            reponse = client.post(reverse("parcours:import"), {"fichier": csv(*lignes)})
        return client.get(reponse.url)  # once committed, the worker has run

    return deposer


@pytest.fixture
def confirmer(client_of, world, django_capture_on_commit_callbacks):
    def confirmer(apercu):
        client = client_of(world.coordination)
        with django_capture_on_commit_callbacks(execute=True):
            reponse = client.post(reverse("parcours:import_confirmer", args=[apercu.pk]))
        return client.get(reponse.url)

    return confirmer


def test_the_preview_counts_and_writes_nothing_then_the_confirmation_writes(world, deposer, confirmer):
    avant = Participant.objects.count()
    texte = deposer("Nouveau;Jean;M;1980-01-02;76540;2026-02-01").content.decode()
    assert "1 nouvelle personne" in texte and "1 nouveau parcours" in texte
    assert "Confirmer l" in texte
    assert Participant.objects.count() == avant

    apercu = Importation.objects.filter(ecrire=False).latest("pk")
    texte = confirmer(apercu).content.decode()
    assert "Import terminé : 1 parcours créé." in texte
    nouveau = Participant.objects.get(nom="Nouveau")
    assert nouveau.cree_par == world.coordination
    assert nouveau.parcours.get().decision_commission == "validee"
    assert not default_storage.exists(apercu.chemin)  # written: the file is deleted


def test_errors_are_listed_with_line_and_column_and_no_confirmation_is_offered(deposer):
    texte = deposer("A;B;F;1980-01-02;76540;2026-02-01", "C;D;F;30/02/1980;99999;2026-02-01").content.decode()
    assert "2 erreurs" in texte
    assert "<td>3</td><td>date_naissance</td>" in texte
    assert "<td>3</td><td>commune_insee</td>" in texte
    assert "Confirmer l" not in texte


def test_the_confirmation_checks_the_file_again_and_refuses_what_became_invalid(deposer, confirmer):
    assert "Confirmer l" in deposer("Zola;Émile;M;1980-04-02;76540;2026-06-01").content.decode()
    # Between the preview and the confirmation, the person is created with an open parcours.
    ParcoursFactory(
        participant=ParticipantFactory(nom="ZOLA", prenom="emile", date_naissance=datetime.date(1980, 4, 2))
    )
    texte = confirmer(Importation.objects.filter(ecrire=False).latest("pk")).content.decode()
    assert "chevauche un autre parcours" in texte
    assert Parcours.objects.filter(participant__nom="ZOLA").count() == 1


def test_a_preview_is_confirmed_once_only(deposer, confirmer):
    deposer("Unique;Jean;M;1980-01-02;76540;2026-02-01")
    apercu = Importation.objects.filter(ecrire=False).latest("pk")
    confirmer(apercu)
    texte = confirmer(apercu).content.decode()
    assert "ne peut plus être confirmé" in texte
    assert Participant.objects.filter(nom="Unique").count() == 1


def test_an_abandoned_preview_deletes_the_file(world, client_of, deposer):
    deposer("Abandon;Jean;M;1980-01-02;76540;2026-02-01")
    apercu = Importation.objects.filter(ecrire=False).latest("pk")
    client_of(world.coordination).post(reverse("parcours:import_abandonner", args=[apercu.pk]))
    assert not default_storage.exists(apercu.chemin)


def test_while_the_worker_runs_the_page_shows_progress_and_polls(world, client_of):
    en_cours = Importation.objects.create(par=world.coordination, nom_fichier="gros.csv", chemin="imports/x.csv")
    client = client_of(world.coordination)
    page = client.get(reverse("parcours:import_suivi", args=[en_cours.pk])).content.decode()
    assert "En attente d" in page and reverse("parcours:import_etat", args=[en_cours.pk]) in page
    Importation.objects.filter(pk=en_cours.pk).update(statut=StatutImportation.TERMINE)
    fini = client.get(reverse("parcours:import_etat", args=[en_cours.pk]), headers={"HX-Request": "true"})
    assert fini.status_code == 204 and fini["HX-Refresh"] == "true"


def test_only_csv_files_and_zip_archives_are_accepted(world, client_of):
    fichier = SimpleUploadedFile("import.xlsx", b"PK", content_type="application/octet-stream")
    avant = Importation.objects.count()
    response = client_of(world.coordination).post(reverse("parcours:import"), {"fichier": fichier})
    assert "Seuls les fichiers .csv et les archives .zip sont acceptés" in response.content.decode()
    assert Importation.objects.count() == avant


def test_a_parcours_opened_during_the_write_rolls_everything_back_with_a_file_level_message(
    deposer, confirmer, monkeypatch
):
    from parcours import importation

    connue = ParticipantFactory(nom="HUGO", prenom="victor", date_naissance=datetime.date(1975, 2, 26))
    deposer("Neuf;Jean;M;1980-01-02;76540;2026-02-01", "Hugo;Victor;M;1975-02-26;76540;2026-06-01")
    ecrire = importation.creer_avec_historique

    def un_autre_ouvre_un_parcours_juste_avant(objets, model, **kwargs):
        if model is Parcours:  # a colleague opens a parcours for the same person in the meantime
            ParcoursFactory(participant=connue)
        return ecrire(objets, model, **kwargs)

    monkeypatch.setattr(importation, "creer_avec_historique", un_autre_ouvre_un_parcours_juste_avant)
    texte = confirmer(Importation.objects.filter(ecrire=False).latest("pk")).content.decode()
    assert "<td>Fichier</td><td>—</td><td>un parcours a été ouvert entre-temps" in texte
    assert not Participant.objects.filter(nom__iexact="neuf").exists()


def test_a_file_over_5_mb_is_refused_with_the_reason_and_a_way_out(world, client_of):
    gros = SimpleUploadedFile("gros.csv", b"x" * (5 * 1024 * 1024 + 1), content_type="text/csv")
    texte = client_of(world.coordination).post(reverse("parcours:import"), {"fichier": gros}).content.decode()
    assert "Le fichier dépasse 5 Mo (environ 40 000 lignes) : découpez-le en plusieurs fichiers." in texte
