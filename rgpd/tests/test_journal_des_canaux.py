"""Every channel that shows a participant's personal data writes one access-log row: the Django
admin's change, history and search pages, the record's edit page, the command-line documents."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import AccesDonnees


def lignes_sur(objet):
    return AccesDonnees.objects.filter(objet_type=objet._meta.label, objet_id=str(objet.pk))


@pytest.mark.parametrize("page", ["admin:participants_participant_change", "admin:participants_participant_history"])
def test_an_admin_page_of_a_participant_is_logged(world, client_of, page):
    reponse = client_of(world.admin).get(reverse(page, args=[world.participant.pk]))

    assert reponse.status_code == 200
    assert lignes_sur(world.participant).filter(utilisateur=world.admin, action="consultation").count() == 1


@pytest.mark.parametrize(
    ("page", "objet"),
    [
        ("admin:parcours_parcours_change", "parcours"),
        ("admin:parcours_parcours_history", "parcours"),
        ("admin:parcours_entretien_change", "entretien"),
        ("admin:participants_document_change", "document"),
    ],
)
def test_an_admin_page_of_a_record_about_a_participant_is_logged(world, client_of, page, objet):
    objet = getattr(world, objet)

    assert client_of(world.admin).get(reverse(page, args=[objet.pk])).status_code == 200

    assert lignes_sur(objet).filter(utilisateur=world.admin).count() == 1


def test_an_admin_search_among_participants_is_logged(world, client_of):
    client_of(world.admin).get(reverse("admin:participants_participant_changelist"), {"q": "Lefèvre"})

    ligne = AccesDonnees.objects.get(objet_type="participants.Participant", utilisateur=world.admin)
    assert ligne.description == "Recherche dans l'administration – participants"


def test_the_edit_page_of_a_record_is_logged(world, client_of):
    assert (
        client_of(world.referent).get(reverse("participants:modifier", args=[world.participant.pk])).status_code == 200
    )

    assert lignes_sur(world.participant).filter(utilisateur=world.referent, action="consultation").count() == 1


def test_a_document_written_on_the_command_line_is_logged_against_the_operator(world, tmp_path):
    sortie = tmp_path / "fiche.pdf"

    call_command(
        "generer_rapport",
        "parcours",
        participant=world.participant.pk,
        sortie=str(sortie),
        utilisateur=world.referent.email,
        stdout=io.StringIO(),
    )

    ligne = lignes_sur(world.participant).get(action="telechargement")
    assert (ligne.utilisateur, ligne.chemin) == (world.referent, "manage.py generer_rapport parcours")


@pytest.mark.parametrize(
    ("page", "objet"),
    [
        ("admin:participants_document_change", "document"),
        ("admin:participants_participant_change", "participant"),
        ("admin:aap_invisibles_dossier_change", "dossier_depose"),
        ("admin:aap_invisibles_appelaprojets_change", "appel"),
        ("admin:aap_invisibles_consultationeps_change", "consultation"),
    ],
)
def test_an_admin_page_of_a_record_with_a_private_file_opens(world, client_of, page, objet):
    world.consultation = world.dossier_depose.consultation_eps
    assert client_of(world.admin).get(reverse(page, args=[getattr(world, objet).pk])).status_code == 200
