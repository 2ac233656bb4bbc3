import datetime

from django.urls import reverse

from accounts.models import AccesDonnees
from parcours.choices import StatutEtape
from parcours.tests.factories import EntretienFactory, EtapeFactory
from participants.tests.factories import DocumentFactory
from partners.tests.factories import StructureFactory


def url(participant):
    return reverse("participants:detail", args=[participant.pk])


def test_coordination_sees_the_whole_record_with_documents_and_a_link_to_the_history(world, client_of):
    response = client_of(world.coordination).get(url(world.participant))
    contenu = response.content.decode()
    assert response.context["voit_sensible"] is True
    assert response.context["peut_modifier"] is True
    assert "CV Hélène" in contenu
    assert reverse("participants:historique", args=[world.participant.pk]) in contenu


def test_each_view_of_a_record_is_written_to_the_access_log(world, client_of):
    client_of(world.referent).get(url(world.participant))
    acces = AccesDonnees.objects.get(action="consultation")
    assert acces.utilisateur == world.referent
    assert acces.objet_type == "participants.Participant"
    assert acces.objet_id == str(world.participant.pk)


def test_a_colleague_of_the_same_structure_reads_everything_but_cannot_change(world, client_of):
    response = client_of(world.referent).get(url(world.participant_collegue))
    assert response.context["voit_sensible"] is True
    assert response.context["peut_modifier"] is False
    contenu = response.content.decode()
    assert "Attestation Léa" in contenu
    assert "lecture seule" in contenu
    assert reverse("participants:modifier", args=[world.participant_collegue.pk]) not in contenu


def test_a_referent_of_another_structure_gets_404(world, client_of):
    assert client_of(world.referent_autre).get(url(world.participant)).status_code == 404


def test_a_partner_sees_identity_contact_and_only_their_own_steps(world, client_of):
    world.parcours.rsa = True
    world.parcours.rqth = True
    world.parcours.save()
    autre = StructureFactory(nom="Structure tierce")
    EtapeFactory(parcours=world.parcours, structure=autre, statut=StatutEtape.EN_COURS)
    EntretienFactory(parcours=world.parcours, note="Note confidentielle du journal")
    response = client_of(world.partenaire).get(url(world.participant))
    assert response.status_code == 200
    assert response.context["voit_sensible"] is False
    assert response.context["peut_modifier"] is False
    assert world.etape in response.context["etapes"]
    assert {e.structure for e in response.context["etapes"]} == {world.aci}
    contenu = response.content.decode()
    assert "Hélène" in contenu and "06 12 34 56 78" in contenu
    for secret in ("RSA", "RQTH", "Note confidentielle du journal", "CV Hélène", "Historique", "Structure tierce"):
        assert secret not in contenu


def test_a_partner_does_not_see_a_participant_whose_step_ended_more_than_six_months_ago(world, client_of):
    fin = world.today - datetime.timedelta(days=200)
    world.parcours.etapes.filter(structure=world.aci).update(
        statut=StatutEtape.TERMINEE, date_debut=fin - datetime.timedelta(days=30), date_fin=fin
    )
    assert client_of(world.partenaire).get(url(world.participant)).status_code == 404


def test_the_referent_sees_the_steps_of_the_current_parcours(world, client_of):
    response = client_of(world.referent).get(url(world.participant))
    assert response.context["parcours_courant"] == world.parcours
    assert world.etape in response.context["etapes"]
    assert {e.parcours for e in response.context["etapes"]} == {world.parcours}
    assert response.context["parcours_anterieurs"] == []


def test_the_record_page_runs_a_constant_number_of_queries(world, client_of, django_assert_max_num_queries):
    from participants.tests.helpers import nombre_de_requetes

    client = client_of(world.coordination)
    DocumentFactory(participant=world.participant, titre="Doc", auteur=world.referent)
    client.get(url(world.participant))
    peu = nombre_de_requetes(client, url(world.participant))
    for i in range(10):
        DocumentFactory(participant=world.participant, titre=f"Doc {i}", auteur=world.referent)
        EtapeFactory(parcours=world.parcours, structure=world.aci)
        EntretienFactory(parcours=world.parcours, note=f"Entretien {i}")
    assert nombre_de_requetes(client, url(world.participant)) == peu
    # 28 while the history was read with the record; it is read when its section opens.
    with django_assert_max_num_queries(20):
        client.get(url(world.participant))
