"""Optimistic locking: the later of two people editing the same record, with a form opened on an
older version, is refused with a French message and keeps what they typed (no lost update)."""

import pytest
from django.urls import reverse

from participants.models import Participant

pytestmark = pytest.mark.django_db


def champs(reponse):
    form = reponse.context["form"]
    return {nom: "" if form[nom].value() is None else form[nom].value() for nom in form.fields}


def test_the_older_of_two_forms_on_a_participant_is_refused_and_keeps_its_input(world, client_of):
    url = reverse("participants:modifier", args=[world.participant.pk])
    referent, coordination = client_of(world.referent), client_of(world.coordination)
    chez_le_referent = champs(referent.get(url))
    chez_la_coordination = champs(coordination.get(url))
    assert coordination.post(url, {**chez_la_coordination, "telephone": "02 35 00 00 01"}).status_code == 302
    reponse = referent.post(url, {**chez_le_referent, "adresse": "3 rue du Retard"})
    assert reponse.status_code == 200
    assert "a enregistré une modification depuis que vous avez ouvert" in reponse.content.decode()
    assert "Recharger la version actuelle" in reponse.content.decode()
    assert 'value="3 rue du Retard"' in reponse.content.decode()
    participant = Participant.objects.get(pk=world.participant.pk)
    assert (participant.telephone, participant.adresse) == ("02 35 00 00 01", world.participant.adresse)


def test_a_form_opened_after_the_last_save_goes_through(world, client_of):
    url = reverse("participants:modifier", args=[world.participant.pk])
    client = client_of(world.referent)
    assert client.post(url, {**champs(client.get(url)), "telephone": "02 35 00 00 02"}).status_code == 302
    assert client.post(url, {**champs(client.get(url)), "telephone": "02 35 00 00 03"}).status_code == 302
    assert Participant.objects.get(pk=world.participant.pk).telephone == "02 35 00 00 03"


def test_the_older_of_two_fse_situations_is_refused(world, client_of):
    url = reverse("parcours:situation", kwargs={"pk": world.parcours.pk})
    referent, coordination = client_of(world.referent), client_of(world.coordination)
    ancien, recent = champs(referent.get(url)), champs(coordination.get(url))
    assert coordination.post(url, {**recent, "rqth": "True"}).status_code == 302
    reponse = referent.post(url, {**ancien, "rqth": "False"})
    assert reponse.status_code == 200 and "a enregistré une modification depuis" in reponse.content.decode()
    world.parcours.refresh_from_db()
    assert world.parcours.rqth is True


def test_an_autosave_over_a_colleagues_newer_section_answers_409_and_saves_nothing(world, client_of):
    from aap_invisibles.models import Dossier

    dossier = world.dossier_brouillon
    url = reverse("aap_invisibles:dossier_section", kwargs={"pk": dossier.pk, "code": "1"})
    client = client_of(world.porteur)
    depart = {**champs(client.get(url)), "version": "0"}
    auto = {"X-Requested-With": "fetch"}
    assert client.post(url, {**depart, "representant_nom": "Première"}, headers=auto).json()["version"] == 1
    # A colleague's page, still on version 0, saves later: refused, the first save stays.
    reponse = client.post(url, {**depart, "representant_nom": "Périmée"}, headers=auto)
    assert reponse.status_code == 409 and "Quelqu'un d'autre" in reponse.json()["erreur"]
    assert Dossier.objects.get(pk=dossier.pk).representant_nom == "Première"
    # Sent with the version handed back, the next autosave goes through.
    assert client.post(url, {**depart, "version": "1", "representant_nom": "Suite"}, headers=auto).status_code == 200
