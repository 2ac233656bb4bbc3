"""The REST API: what a partner's script can read and do with its token, and nothing more."""

import datetime
import json

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from openapi_spec_validator import validate

from accounts.models import AccesDonnees, JetonPersonnel
from accounts.tests.factories import jeton_de_test
from notifications.models import Notification
from parcours.choices import StatutEtape
from parcours.models import Transition
from parcours.tests.factories import EtapeFactory, ParcoursFactory
from participants.tests.factories import ParticipantFactory


def appel(secret, nom, methode="get", corps=None, params=None, **kwargs):
    client = Client()
    url = reverse(f"api:{nom}", kwargs=kwargs or None)
    entetes = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    if methode == "post":
        with TestCase.captureOnCommitCallbacks(execute=True):
            return client.post(url, json.dumps(corps or {}), content_type="application/json", **entetes)
    return client.get(url, params or {}, **entetes)


@pytest.fixture
def etape_proposee(world):
    return EtapeFactory(parcours=world.parcours, structure=world.aci, statut=StatutEtape.PROPOSEE)


def test_a_partner_token_lists_only_the_participants_of_its_structure_s_steps(world):
    lus = {p["id"] for p in appel(world.jetons_api["partenaire"], "participants").json()["items"]}
    assert world.participant.pk in lus
    assert not lus & {world.participant_autre.pk, world.participant_collegue.pk}


def test_a_partner_reads_identity_and_contact_but_no_sensitive_field(world):
    world.participant.identifiant_france_travail = "1234567A"
    world.participant.save()
    donnees = appel(world.jetons_api["partenaire"], "participant", pk=world.participant.pk).json()
    assert set(donnees) == {
        "id",
        "nom",
        "prenom",
        "date_naissance",
        "commune",
        "telephone",
        "email",
        "identifiant_france_travail",
        "referent",
    }
    # As on the page: the France Travail identifier and the referent only for whoever follows the person.
    assert (donnees["identifiant_france_travail"], donnees["referent"]) == (None, None)


def test_the_referent_reads_the_france_travail_identifier(world):
    world.participant.identifiant_france_travail = "1234567A"
    world.participant.save()
    donnees = appel(world.jetons_api["referent"], "participant", pk=world.participant.pk).json()
    assert donnees["identifiant_france_travail"] == "1234567A"


def test_a_partner_never_reads_a_parcours(world):
    assert appel(world.jetons_api["partenaire"], "parcours_detail", pk=world.parcours.pk).status_code == 403


def test_the_referent_reads_the_situation_of_their_participant_s_parcours(world):
    world.parcours.rqth = True
    world.parcours.save()
    donnees = appel(world.jetons_api["referent"], "parcours_detail", pk=world.parcours.pk).json()
    assert donnees["situation"]["rqth"] is True
    assert world.etape.pk in {e["id"] for e in donnees["etapes"]}


def test_a_participant_outside_the_scope_is_not_found(world):
    reponse = appel(world.jetons_api["partenaire"], "participant", pk=world.participant_autre.pk)
    assert reponse.status_code == 404
    assert reponse.json() == {"detail": "Introuvable, ou hors de votre périmètre."}


def test_the_search_finds_a_participant_without_accents(world):
    reponse = appel(world.jetons_api["referent"], "participants", params={"q": "lefevre"})
    assert [p["nom"] for p in reponse.json()["items"]] == ["Lefèvre"]


def test_a_partner_accepts_a_step_as_on_the_page_and_the_referent_is_told(world, etape_proposee):
    reponse = appel(
        world.jetons_api["partenaire"], "etape_accepter", "post", {"commentaire": "Entrée lundi"}, pk=etape_proposee.pk
    )
    assert reponse.status_code == 200
    assert reponse.json()["statut"] == StatutEtape.ACCEPTEE
    assert Transition.objects.filter(etape=etape_proposee, vers=StatutEtape.ACCEPTEE, par=world.partenaire).exists()
    assert Notification.objects.filter(utilisateur=world.referent, lien__contains=str(etape_proposee.pk)).exists()


def test_a_refusal_without_a_known_reason_is_refused_in_french_and_changes_nothing(world, etape_proposee):
    reponse = appel(world.jetons_api["partenaire"], "etape_refuser", "post", {"motif": "inconnu"}, pk=etape_proposee.pk)
    assert reponse.status_code == 422
    assert "Sélectionnez un choix valide" in reponse.json()["detail"]
    etape_proposee.refresh_from_db()
    assert etape_proposee.statut == StatutEtape.PROPOSEE


def test_a_transition_the_status_does_not_allow_answers_409_with_the_page_s_message(world):
    reponse = appel(world.jetons_api["partenaire"], "etape_accepter", "post", {}, pk=world.etape.pk)
    assert reponse.status_code == 409
    assert reponse.json()["detail"] == "Cette action n'est pas possible pour une étape « En cours »."


def test_a_partner_cannot_move_another_structure_s_step(world):
    reponse = appel(world.jetons_api["partenaire"], "etape_accepter", "post", {}, pk=world.etape_autre.pk)
    assert reponse.status_code == 404


def test_each_call_is_written_in_the_access_log_with_its_address(world):
    appel(world.jetons_api["partenaire"], "participant", pk=world.participant.pk)
    acces = AccesDonnees.objects.get(utilisateur=world.partenaire, objet_id=str(world.participant.pk))
    assert (acces.action, acces.chemin) == ("consultation", f"/api/v1/participants/{world.participant.pk}")


def test_a_call_without_a_token_is_refused(world):
    reponse = appel("", "participants")
    assert reponse.status_code == 401
    assert reponse.json()["detail"] == "Jeton absent, invalide, expiré ou révoqué."


def test_an_expired_token_is_refused(world):
    secret = jeton_de_test(world.referent, duree=datetime.timedelta(seconds=-1))
    assert appel(secret, "participants").status_code == 401


def test_a_revoked_token_is_refused(world):
    world.jeton_referent.revoquer()
    assert appel(world.jetons_api["referent"], "participants").status_code == 401


def test_a_calendar_address_does_not_open_the_api(world):
    assert appel(world.agenda_referent, "participants").status_code == 401


def test_the_token_of_a_deactivated_account_is_refused(world):
    world.referent.is_active = False
    world.referent.save()
    assert appel(world.jetons_api["referent"], "participants").status_code == 401


def test_calls_beyond_the_rate_limit_wait(world, settings):
    settings.PLIE_API_DEBIT = "3/m"
    statuts = [appel(world.jetons_api["referent"], "participants").status_code for _ in range(4)]
    assert statuts == [200, 200, 200, 429]


def test_the_public_calls_for_projects_need_no_token(world):
    reponse = appel("", "appels")
    assert reponse.status_code == 200
    assert world.appel.slug in {a["slug"] for a in reponse.json()}


def test_the_structures_list_their_offer(world):
    donnees = appel(world.jetons_api["referent"], "structure", pk=world.aci.pk).json()
    assert {o["code"] for o in donnees["offres"]} == set(
        world.aci.offres.filter(actif=True).values_list("code", flat=True)
    )


def test_the_openapi_schema_is_a_valid_openapi_document(world):
    schema = Client().get(reverse("api:openapi-json")).json()
    validate(schema)
    assert "/api/v1/etapes/{pk}/accepter" in schema["paths"]


def test_the_interactive_documentation_loads_its_scripts_from_the_portal(world):
    page = Client().get(reverse("api:openapi-view")).content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_the_participant_list_costs_the_same_queries_for_one_or_twenty_people(world, django_assert_num_queries):
    secret = world.jetons_api["coordination"]
    appel(secret, "participants")  # the token's first use is written once, then every few minutes
    # The token, the access log, the count, the page.
    with django_assert_num_queries(4) as une:
        appel(secret, "participants")
    for _ in range(20):
        ParcoursFactory(participant=ParticipantFactory(referent=world.referent))
    with django_assert_num_queries(len(une.captured_queries)):
        appel(secret, "participants")


def test_the_step_list_costs_the_same_queries_for_one_or_twenty_steps(world, django_assert_num_queries):
    secret = world.jetons_api["partenaire"]
    appel(secret, "etapes")
    with django_assert_num_queries(4) as une:
        appel(secret, "etapes")
    for _ in range(20):
        EtapeFactory(parcours=ParcoursFactory(participant=ParticipantFactory()), structure=world.aci)
    with django_assert_num_queries(len(une.captured_queries)):
        appel(secret, "etapes")


def test_a_token_s_last_use_is_recorded(world):
    appel(world.jetons_api["referent"], "participants")
    assert JetonPersonnel.objects.get(
        pk=world.jeton_referent.pk
    ).dernier_usage_le > timezone.now() - datetime.timedelta(minutes=1)
