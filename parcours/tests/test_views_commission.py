"""Entry commission: sessions, batch decisions (all or nothing) and minutes."""

import datetime

import pytest
from django.urls import reverse

from parcours.choices import DecisionCommission
from parcours.models import SessionCommission, Transition
from parcours.tests.factories import ParcoursFactory
from participants.tests.factories import ParticipantFactory


@pytest.fixture(autouse=True)
def oriente(world):
    """A participant of the referent waiting for the entry commission."""
    world.participant_oriente = ParticipantFactory(nom="Bernard", prenom="Inès", referent=world.referent)
    world.orientation = orientation(participant=world.participant_oriente)


def orientation(**kwargs):
    kwargs.setdefault("date_orientation", datetime.date(2026, 3, 1))
    return ParcoursFactory(decision_commission=DecisionCommission.EN_ATTENTE, date_entree=None, **kwargs)


def test_the_list_shows_the_sessions_and_the_pending_count(world, client_of):
    orientation()
    texte = client_of(world.coordination).get(reverse("parcours:commission_liste")).content.decode()
    assert "2 orientations attendent une décision" in texte
    assert "10/03/2026" in texte
    assert "1 session" in texte


def test_the_list_takes_the_same_number_of_queries_for_few_and_many_sessions(
    world, client_of, django_assert_num_queries
):
    client = client_of(world.coordination)
    url = reverse("parcours:commission_liste")
    client.get(url)
    with django_assert_num_queries(7) as few:
        client.get(url)
    for jour in range(1, 28):
        SessionCommission.objects.create(
            date=datetime.date(2025, 1, jour), membres_presents="X", cree_par=world.coordination
        )
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_coordination_creates_a_session(world, client_of):
    response = client_of(world.coordination).post(
        reverse("parcours:commission_creer"), {"date": "2026-04-02", "membres_presents": "A\nB"}
    )
    session = SessionCommission.objects.get(date=datetime.date(2026, 4, 2))
    assert response["Location"] == reverse("parcours:commission_detail", kwargs={"pk": session.pk})
    assert session.cree_par == world.coordination


def test_a_batch_of_validations_enters_every_selected_orientation(world, client_of):
    autre = orientation()
    response = client_of(world.coordination).post(
        reverse("parcours:commission_detail", kwargs={"pk": world.session.pk}),
        {
            "action": "decider",
            "parcours": [world.orientation.pk, autre.pk],
            "decision": "validee",
            "date_entree": "2026-03-10",
        },
    )
    assert response.status_code == 302
    for parcours in (world.orientation, autre):
        parcours.refresh_from_db()
        assert parcours.decision_commission == DecisionCommission.VALIDEE
        assert parcours.date_entree == datetime.date(2026, 3, 10)
        assert parcours.session_commission == world.session
    assert Transition.objects.filter(vers=DecisionCommission.VALIDEE).count() == 2


def test_a_batch_is_all_or_nothing_with_a_french_error(world, client_of):
    tardive = orientation(date_orientation=datetime.date(2026, 3, 20))
    response = client_of(world.coordination).post(
        reverse("parcours:commission_detail", kwargs={"pk": world.session.pk}),
        {
            "action": "decider",
            "parcours": [world.orientation.pk, tardive.pk],
            "decision": "validee",
            "date_entree": "2026-03-10",
        },
    )
    assert response.status_code == 200
    texte = response.content.decode()
    assert "Aucune décision enregistrée" in texte
    assert "ne peut pas précéder la date d" in texte
    world.orientation.refresh_from_db()
    assert world.orientation.decision_commission == DecisionCommission.EN_ATTENTE
    assert not Transition.objects.filter(vers=DecisionCommission.VALIDEE).exists()


def test_a_refusal_needs_a_reason(world, client_of):
    response = client_of(world.coordination).post(
        reverse("parcours:commission_detail", kwargs={"pk": world.session.pk}),
        {"action": "decider", "parcours": [world.orientation.pk], "decision": "refusee", "motif": " "},
    )
    assert "Le motif est obligatoire" in response.content.decode()
    world.orientation.refresh_from_db()
    assert world.orientation.decision_commission == DecisionCommission.EN_ATTENTE


def test_a_postponed_orientation_stays_pending_for_the_next_session(world, client_of):
    client = client_of(world.coordination)
    client.post(
        reverse("parcours:commission_detail", kwargs={"pk": world.session.pk}),
        {
            "action": "decider",
            "parcours": [world.orientation.pk],
            "decision": "ajournee",
            "motif": "Dossier à compléter",
        },
    )
    world.orientation.refresh_from_db()
    assert world.orientation.decision_commission == DecisionCommission.AJOURNEE
    texte = client.get(reverse("parcours:commission_detail", kwargs={"pk": world.session.pk})).content.decode()
    assert "Dossier à compléter" in texte
    assert f'value="{world.orientation.pk}"' in texte


def test_no_selection_is_an_error(world, client_of):
    response = client_of(world.coordination).post(
        reverse("parcours:commission_detail", kwargs={"pk": world.session.pk}),
        {"action": "decider", "decision": "validee", "date_entree": "2026-03-10"},
    )
    assert "Cochez au moins une orientation" in response.content.decode()


def test_the_minutes_are_generated_from_the_decisions_then_edited(world, client_of):
    client = client_of(world.coordination)
    url = reverse("parcours:commission_detail", kwargs={"pk": world.session.pk})
    client.post(
        url,
        {"action": "decider", "parcours": [world.orientation.pk], "decision": "validee", "date_entree": "2026-03-10"},
    )
    client.post(url, {"action": "generer"})
    world.session.refresh_from_db()
    assert "Commission d'entrée du 10/03/2026" in world.session.compte_rendu
    assert "- Claire Coordination" in world.session.compte_rendu
    assert f"- {world.participant_oriente} : Validée, entrée le 10/03/2026" in world.session.compte_rendu
    client.post(url, {"action": "compte_rendu", "compte_rendu": "Texte revu."})
    world.session.refresh_from_db()
    assert world.session.compte_rendu == "Texte revu."


def test_the_session_page_takes_the_same_number_of_queries_for_few_and_many_orientations(
    world, client_of, django_assert_num_queries
):
    client = client_of(world.coordination)
    url = reverse("parcours:commission_detail", kwargs={"pk": world.session.pk})
    client.get(url)
    with django_assert_num_queries(9) as few:
        client.get(url)
    for _ in range(10):
        orientation()
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_each_pending_orientation_has_a_one_line_profile_and_the_table_a_select_all_box(world, client_of):
    from participants.tests.factories import ParticipantFactory

    personne = ParticipantFactory(nom="Profil", date_naissance=datetime.date(1990, 1, 1))
    ParcoursFactory(participant=personne, decision_commission=DecisionCommission.EN_ATTENTE, rsa=True, date_entree=None)

    page = client_of(world.coordination).get(reverse("parcours:commission_detail", args=[world.session.pk]))
    html = page.content.decode()

    assert f"{personne.age()} ans · {personne.commune} · RSA" in html
    assert 'data-tout-cocher="parcours"' in html and "Tout sélectionner" in html
