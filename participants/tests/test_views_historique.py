"""`/participants/<id>/historique/`: the changes of a record, read apart from the record itself."""

from django.urls import reverse

from accounts.models import AccesDonnees
from parcours.tests.factories import EtapeFactory
from participants.tests.helpers import nombre_de_requetes


def url(participant):
    return reverse("participants:historique", args=[participant.pk])


def test_the_history_shows_each_change_before_and_after(world, client_of):
    world.participant.telephone = "07 00 00 00 01"
    world.participant.save()

    contenu = client_of(world.coordination).get(url(world.participant)).content.decode()

    assert "07 00 00 00 01" in contenu and "06 12 34 56 78" in contenu


def test_the_history_page_leads_back_to_the_record(world, client_of):
    contenu = client_of(world.referent).get(url(world.participant)).content.decode()

    assert reverse("participants:detail", args=[world.participant.pk]) in contenu


def test_the_record_opened_section_receives_the_history_table_alone(world, client_of):
    response = client_of(world.referent).get(url(world.participant), headers={"HX-Request": "true"})

    contenu = response.content.decode()
    assert "<table" in contenu and "<html" not in contenu


def test_the_record_loads_the_history_only_when_its_section_is_opened(world, client_of):
    contenu = client_of(world.referent).get(reverse("participants:detail", args=[world.participant.pk])).content
    contenu = contenu.decode()

    assert f'hx-get="{url(world.participant)}" hx-trigger="toggle once from:closest details"' in contenu
    assert "Historique des modifications" not in contenu  # the table's caption: not read yet


def test_a_partner_may_not_read_the_history_of_a_person_they_see(world, client_of):
    assert client_of(world.partenaire).get(url(world.participant)).status_code == 403


def test_a_referent_of_another_structure_gets_404_on_the_history(world, client_of):
    assert client_of(world.referent_autre).get(url(world.participant)).status_code == 404


def test_reading_the_history_is_written_to_the_access_log(world, client_of):
    client_of(world.referent).get(url(world.participant))

    acces = AccesDonnees.objects.get(action="consultation")
    assert (acces.utilisateur, acces.objet_id) == (world.referent, str(world.participant.pk))
    assert acces.description.startswith("Historique")


# The frame (4), the record and its access log, three histories, one query per related model named
# (communes, accounts, structures, parcours, types of step…), never per event nor per model naming it.
REQUETES_HISTORIQUE = 15


def test_the_history_runs_a_constant_number_of_queries(world, client_of):
    # One query per kind of related object named (a referent, a structure…), never per event.
    def modifier(fois):
        for i in range(fois):
            world.participant.telephone = f"07 00 00 00 0{i}"
            world.participant.save()
            EtapeFactory(parcours=world.parcours, structure=world.aci)

    client = client_of(world.coordination)
    modifier(1)
    client.get(url(world.participant))  # the session's first save
    peu = nombre_de_requetes(client, url(world.participant))
    modifier(5)

    assert nombre_de_requetes(client, url(world.participant)) == peu == REQUETES_HISTORIQUE
