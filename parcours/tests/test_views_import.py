"""Import page: preview with counts and errors, then a confirmation that checks the file again."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parcours.models import Parcours
from parcours.tests.factories import ParcoursFactory
from participants.models import Participant
from participants.tests.factories import ParticipantFactory


def csv(*lignes):
    texte = "\n".join(["nom;prenom;sexe;date_naissance;commune_insee;date_entree", *lignes]) + "\n"
    return SimpleUploadedFile("import.csv", texte.encode("utf-8"), content_type="text/csv")


def test_the_preview_counts_and_writes_nothing_then_the_confirmation_writes(world, client_of):
    client = client_of(world.coordination)
    url = reverse("parcours:import")
    avant = Participant.objects.count()
    response = client.post(url, {"fichier": csv("Nouveau;Jean;M;1980-01-02;76540;2026-02-01")})
    texte = response.content.decode()
    assert "1 nouvelle personne" in texte and "1 nouveau parcours" in texte
    assert "Confirmer l" in texte
    assert Participant.objects.count() == avant

    response = client.post(url, {"etape": "confirmer"})
    assert response.status_code == 302
    nouveau = Participant.objects.get(nom="Nouveau")
    assert nouveau.cree_par == world.coordination
    assert nouveau.parcours.get().decision_commission == "validee"


def test_errors_are_listed_with_line_and_column_and_no_confirmation_is_offered(world, client_of):
    response = client_of(world.coordination).post(
        reverse("parcours:import"),
        {"fichier": csv("A;B;F;1980-01-02;76540;2026-02-01", "C;D;F;30/02/1980;99999;2026-02-01")},
    )
    texte = response.content.decode()
    assert "2 erreurs" in texte
    assert "<td>3</td><td>date_naissance</td>" in texte
    assert "<td>3</td><td>commune_insee</td>" in texte
    assert "Confirmer l" not in texte


def test_the_confirmation_checks_the_file_again_and_refuses_what_became_invalid(world, client_of):
    client = client_of(world.coordination)
    url = reverse("parcours:import")
    texte = client.post(url, {"fichier": csv("Zola;Émile;M;1980-04-02;76540;2026-06-01")}).content.decode()
    assert "Confirmer l" in texte
    # Between the preview and the confirmation, the person is created with an open parcours.
    ParcoursFactory(
        participant=ParticipantFactory(nom="ZOLA", prenom="emile", date_naissance=datetime.date(1980, 4, 2))
    )
    response = client.post(url, {"etape": "confirmer"})
    assert response.status_code == 200
    assert "chevauche un autre parcours" in response.content.decode()
    assert Parcours.objects.filter(participant__nom="ZOLA").count() == 1


def test_a_confirmation_without_a_previewed_file_is_refused(world, client_of):
    response = client_of(world.coordination).post(reverse("parcours:import"), {"etape": "confirmer"}, follow=True)
    assert "déposez-le à nouveau" in response.content.decode()


def test_only_csv_files_are_accepted(world, client_of):
    fichier = SimpleUploadedFile("import.xlsx", b"PK", content_type="application/octet-stream")
    response = client_of(world.coordination).post(reverse("parcours:import"), {"fichier": fichier})
    assert "Seuls les fichiers .csv sont acceptés" in response.content.decode()


def test_a_parcours_opened_during_the_write_rolls_everything_back_with_a_file_level_message(
    world, client_of, monkeypatch
):
    from parcours import importation

    client = client_of(world.coordination)
    url = reverse("parcours:import")
    connue = ParticipantFactory(nom="HUGO", prenom="victor", date_naissance=datetime.date(1975, 2, 26))
    client.post(
        url, {"fichier": csv("Neuf;Jean;M;1980-01-02;76540;2026-02-01", "Hugo;Victor;M;1975-02-26;76540;2026-06-01")}
    )
    ecrire = importation.bulk_create_with_history

    def un_autre_ouvre_un_parcours_juste_avant(objets, model, **kwargs):
        if model is Parcours:  # a colleague opens a parcours for the same person in the meantime
            ParcoursFactory(participant=connue)
        return ecrire(objets, model, **kwargs)

    monkeypatch.setattr(importation, "bulk_create_with_history", un_autre_ouvre_un_parcours_juste_avant)
    response = client.post(url, {"etape": "confirmer"})
    texte = response.content.decode()
    assert response.status_code == 200
    assert "<td>Fichier</td><td>—</td><td>un parcours a été ouvert entre-temps" in texte
    assert not Participant.objects.filter(nom__iexact="neuf").exists()


def test_a_file_over_5_mb_is_refused_with_the_reason_and_a_way_out(world, client_of):
    gros = SimpleUploadedFile("gros.csv", b"x" * (5 * 1024 * 1024 + 1), content_type="text/csv")
    texte = client_of(world.coordination).post(reverse("parcours:import"), {"fichier": gros}).content.decode()
    assert "Le fichier dépasse 5 Mo (environ 40 000 lignes) : découpez-le en plusieurs fichiers." in texte
    assert 'data-patienter="' in texte  # the page says it is working while a file is checked
