import datetime

from django.urls import reverse

from parcours.tests.factories import ParcoursFactory
from participants.models import Fusion, Participant
from participants.tests.factories import DocumentFactory, ParticipantFactory

CREER = reverse("participants:creer")
FUSION = reverse("participants:fusionner")


def donnees(**kwargs):
    return {
        "sexe": "F",
        "nom": "Benoît",
        "prenom": "Zoé",
        "date_naissance": "1992-03-04",
        "commune": "76540",
        "telephone": "06 11 22 33 44",
        "email": "zoe.benoit@exemple.fr",
        **kwargs,
    }


def test_a_referent_creating_a_participant_becomes_their_referent(world, client_of):
    response = client_of(world.referent).post(CREER, donnees(referent=world.referent_autre.pk))
    participant = Participant.objects.get(nom="Benoît")
    assert response.status_code == 302
    assert participant.referent == world.referent
    assert participant.cree_par == world.referent
    assert participant.recherche.startswith("benoit")


def test_coordination_chooses_the_referent(world, client_of):
    client_of(world.coordination).post(CREER, donnees(referent=world.referent_autre.pk))
    assert Participant.objects.get(nom="Benoît").referent == world.referent_autre


def test_the_referent_chosen_by_coordination_is_notified(world, client_of, django_capture_on_commit_callbacks):
    from notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        client_of(world.coordination).post(CREER, donnees(referent=world.referent_autre.pk))

    notification = Notification.objects.get(utilisateur=world.referent_autre)
    assert "BENOÎT Zoé" in notification.titre


def test_a_referent_creating_their_own_participant_is_not_notified(world, client_of):
    from notifications.models import Notification

    client_of(world.referent).post(CREER, donnees())

    assert not Notification.objects.filter(utilisateur=world.referent, categorie="affectation").exists()


def test_a_duplicate_in_scope_is_listed_before_saving(world, client_of):
    client = client_of(world.referent)
    response = client.post(CREER, donnees(nom="LEFEVRE", prenom="helene", date_naissance="1990-05-17"))
    assert response.status_code == 200
    assert response.context["homonymes_visibles"] == [world.participant]
    contenu = response.content.decode()
    assert "Je confirme qu&#x27;il s&#x27;agit d&#x27;une autre personne" in contenu
    assert 'value="LEFEVRE"' in contenu  # what was typed comes back
    assert Participant.objects.filter(nom="LEFEVRE").count() == 0
    response = client.post(
        CREER, donnees(nom="LEFEVRE", prenom="helene", date_naissance="1990-05-17", confirmer_homonyme="on")
    )
    assert response.status_code == 302
    assert Participant.objects.filter(nom="LEFEVRE").count() == 1


def test_a_duplicate_out_of_scope_is_announced_without_details(world, client_of):
    response = client_of(world.referent).post(CREER, donnees(nom="Martin", prenom="Paul", date_naissance="1990-05-17"))
    contenu = response.content.decode()
    assert response.context["homonymes_visibles"] == []
    assert "Une personne avec la même identité est déjà suivie par une autre structure." in contenu
    assert reverse("participants:detail", args=[world.participant_autre.pk]) not in contenu


def test_an_invalid_form_says_why_in_french_and_keeps_the_input(world, client_of):
    response = client_of(world.referent).post(CREER, donnees(date_naissance="31/02/1990", email="pas-un-email"))
    contenu = response.content.decode()
    assert "Saisissez une date valide." in contenu
    assert "email" in response.context["form"].errors
    assert 'value="Benoît"' in contenu


def test_the_referent_edits_their_participant_and_the_history_keeps_it(world, client_of):
    url = reverse("participants:modifier", args=[world.participant.pk])
    response = client_of(world.referent).post(
        url, donnees(nom="Lefèvre", prenom="Hélène", date_naissance="1990-05-17", telephone="07 99 99 99 99")
    )
    assert response.status_code == 302
    world.participant.refresh_from_db()
    assert world.participant.telephone == "07 99 99 99 99"
    assert world.participant.history.first().history_user == world.referent


def test_a_colleague_cannot_edit_and_a_partner_gets_403(world, client_of):
    url = reverse("participants:modifier", args=[world.participant.pk])
    assert client_of(world.referent_collegue).post(url, donnees()).status_code == 404
    assert client_of(world.partenaire).get(url).status_code == 403


def test_merging_moves_parcours_and_documents_and_is_logged(world, client_of):
    doublon = ParticipantFactory(nom="Lefevre", prenom="Helene", referent=world.referent)
    ancien = ParcoursFactory(participant=doublon, date_sortie=datetime.date(2026, 6, 1), motif_sortie="autre")
    document = DocumentFactory(participant=doublon, titre="Pièce du doublon")
    client = client_of(world.coordination)
    choix = {"conserve": world.participant.pk, "absorbe": doublon.pk}
    confirmation = client.post(FUSION, choix)
    assert confirmation.context["confirmation"] is True
    assert "Confirmer la fusion" in confirmation.content.decode()
    assert Participant.objects.filter(pk=doublon.pk).exists()  # nothing done before confirming
    response = client.post(FUSION, {**choix, "confirmer": "1"})
    assert response.status_code == 302
    assert not Participant.objects.filter(pk=doublon.pk).exists()
    ancien.refresh_from_db()
    document.refresh_from_db()
    assert ancien.participant == world.participant
    assert document.participant == world.participant
    fusion = Fusion.objects.get()
    assert fusion.par == world.coordination
    assert fusion.conserve_numero == world.participant.pk
    assert fusion.absorbe_identite["nom"] == "Lefevre"
    assert fusion.elements_deplaces == {"parcours.Parcours": 1, "participants.Document": 1}


def test_merging_two_records_with_an_open_parcours_is_refused(world, client_of):
    response = client_of(world.coordination).post(
        FUSION, {"conserve": world.participant.pk, "absorbe": world.participant_autre.pk, "confirmer": "1"}
    )
    assert "Les deux fiches ont un parcours ouvert" in response.content.decode()
    assert Participant.objects.filter(pk=world.participant_autre.pk).exists()
    assert not Fusion.objects.exists()


def test_the_merge_page_suggests_records_with_the_same_identity(world, client_of):
    doublon = ParticipantFactory(nom="LEFÈVRE", prenom="helene", date_naissance=world.participant.date_naissance)
    response = client_of(world.coordination).get(FUSION, {"conserve": world.participant.pk})
    assert response.context["suggestions"] == [doublon]
