import datetime

from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from parcours.choices import DecisionCommission, StatutEntretien, StatutEtape
from parcours.models import Objectif
from parcours.tests.factories import EntretienFactory, EtapeFactory, ParcoursFactory
from participants.tests.factories import ParticipantFactory
from participants.tests.helpers import creer_participants, nombre_de_requetes

HOME = reverse("home")
REQUETES_PORTEFEUILLE = 7
REQUETES_COORDINATION = 17  # + the operations of the year and the participations without one, the calls funnel (3)


def alertes_de(response, participant):
    ligne = next(p for p in response.context["participants"] if p.pk == participant.pk)
    return ligne.alertes - {"pieces"}


def test_the_referent_home_is_their_caseload_with_alerts(world, client_of):
    response = client_of(world.referent).get(HOME)
    assert [p.pk for p in response.context["participants"]] == [world.participant.pk]
    # No interview at all, and the ACI step planned to end on 31/05/2026.
    attendu = {"entretien"} | ({"etape"} if world.today > datetime.date(2026, 5, 31) else set())
    assert alertes_de(response, world.participant) == attendu


def test_a_recent_realised_interview_clears_the_interview_alert_but_a_no_show_does_not(world, client_of):
    client = client_of(world.referent)
    EntretienFactory(parcours=world.parcours, date=timezone.now(), statut=StatutEntretien.ABSENT)
    assert "entretien" in alertes_de(client.get(HOME), world.participant)
    EntretienFactory(parcours=world.parcours, date=timezone.now() - datetime.timedelta(days=2))
    assert "entretien" not in alertes_de(client.get(HOME), world.participant)


def test_fse_duration_late_step_and_follow_up_alerts(world, client_of, settings):
    settings.PLIE_ALERTE_PARCOURS_MOIS = 1
    world.parcours.niveau_formation = ""
    world.parcours.save()
    EtapeFactory(
        parcours=world.parcours,
        structure=world.aci,
        statut=StatutEtape.EN_COURS,
        date_debut_prevue=world.today - datetime.timedelta(days=60),
        date_fin_prevue=world.today - datetime.timedelta(days=1),
    )
    sortie = ParticipantFactory(nom="Sortie", referent=world.referent)
    ParcoursFactory(participant=sortie, date_sortie=world.today - datetime.timedelta(days=200), motif_sortie="autre")
    response = client_of(world.referent).get(HOME)
    assert {"fse", "etape", "duree"} <= alertes_de(response, world.participant)
    assert alertes_de(response, sortie) == {"suivi"}
    filtre = client_of(world.referent).get(HOME, {"alerte": "suivi"})
    assert [p.nom for p in filtre.context["participants"]] == ["Sortie"]


def test_the_agenda_lists_the_planned_interviews_of_the_next_14_days(world, client_of):
    demain = timezone.now() + datetime.timedelta(days=1)
    EntretienFactory(parcours=world.parcours, date=demain, statut=StatutEntretien.PLANIFIE)
    EntretienFactory(
        parcours=world.parcours, date=demain + datetime.timedelta(days=20), statut=StatutEntretien.PLANIFIE
    )
    EntretienFactory(parcours=world.parcours_collegue, date=demain, statut=StatutEntretien.PLANIFIE)
    response = client_of(world.referent).get(HOME)
    assert [e.parcours for e in response.context["agenda"]] == [world.parcours]


def test_the_caseload_runs_the_same_number_of_queries_for_10_and_80_participants(world, client_of):
    client = client_of(world.referent)
    creer_participants(10, world.referent)
    client.get(HOME)
    pour_10 = nombre_de_requetes(client, HOME)
    creer_participants(70, world.referent, prefixe="Autre")
    assert nombre_de_requetes(client, HOME) == pour_10
    # session, user, "has a device?", the sorted caseload with its alerts (counters, filter and
    # page), the page's rows, agenda, notifications
    assert pour_10 == REQUETES_PORTEFEUILLE


def test_the_coordination_home_counts_people_per_structure_and_referent(world, client_of):
    creer_participants(3, world.referent_autre)
    response = client_of(world.coordination).get(HOME)
    par_structure = {
        ligne["participant__referent__structure__nom"]: ligne["n"] for ligne in response.context["par_structure"]
    }
    assert par_structure == {"PLIE test": 2, "CCAS test": 4}
    par_referent = {ligne["participant__referent__id"]: ligne["n"] for ligne in response.context["referents"]}
    assert par_referent[world.referent_autre.pk] == 4
    assert response.context["total_en_parcours"] == 6


def test_the_coordination_home_lists_referents_25_per_page_and_counts_them_all(world, client_of):
    for _ in range(26):
        creer_participants(1, UserFactory(structure=world.referent.structure))
    client = client_of(world.coordination)

    premiere = client.get(HOME)
    seconde = client.get(HOME, {"page": 2})

    referents = premiere.context["referents"].paginator.count
    assert referents > 26
    assert len(premiere.context["referents"].object_list) == 25
    assert len(seconde.context["referents"].object_list) == referents - 25
    assert premiere.context["total_en_parcours"] == sum(ligne["n"] for ligne in premiere.context["par_structure"])
    assert 'href="?page=2"' in premiere.content.decode()


def test_the_coordination_home_runs_the_same_number_of_queries_for_10_and_200_people(world, client_of):
    client = client_of(world.coordination)
    creer_participants(10, world.referent)
    client.get(HOME)
    pour_10 = nombre_de_requetes(client, HOME)
    creer_participants(190, world.referent_autre, prefixe="Autre")
    assert nombre_de_requetes(client, HOME) == pour_10
    # session, user, second factor, count per referent then their names (structures are its sums),
    # waiting list, the year's people (anyone entering after the year? then the count) and exits,
    # objectives, the months' entries and exits (the daily counters, one query), notifications
    assert pour_10 == REQUETES_COORDINATION


def test_the_coordination_home_compares_the_year_with_its_objectives(world, client_of):
    annee = timezone.localdate().year
    Objectif.objects.create(annee=annee, participants_min=2300, participants_max=2500, taux_sorties_positives=0.5)
    attente = ParticipantFactory(nom="Attente")
    ParcoursFactory(participant=attente, decision_commission=DecisionCommission.EN_ATTENTE, date_entree=None)
    for motif in ("emploi_cdi", "abandon", "alternance", "sante"):
        ParcoursFactory(
            participant=ParticipantFactory(),
            date_orientation=datetime.date(annee, 1, 2),
            date_entree=datetime.date(annee, 1, 3),
            date_sortie=datetime.date(annee, 1, 20),
            motif_sortie=motif,
        )
    ParcoursFactory(
        participant=ParticipantFactory(),
        date_orientation=datetime.date(annee - 2, 1, 2),
        date_entree=datetime.date(annee - 2, 1, 3),
        date_sortie=datetime.date(annee - 1, 12, 31),
        motif_sortie="emploi_cdi",
    )
    response = client_of(world.coordination).get(HOME)
    ctx = response.context
    assert ctx["en_attente"] == 1
    assert ctx["sorties"] == 4 and ctx["sorties_positives"] == 2
    assert ctx["taux_pourcent"] == 50.0
    # The three world parcours entered on 15/01/2026 are open, plus the four exits of the year.
    assert ctx["accompagnes"] == 3 + 4
    contenu = response.content.decode()
    # Thousands separated as in French ("2 300"), whatever space the locale writes.
    assert "2 300 à 2 500" in contenu.replace("\u202f", " ").replace("\xa0", " ")
    assert 'max="100" value="50.0"' in contenu  # not localised: "50,0" is no valid <progress> value


def test_the_dashboard_rate_of_positive_exits_is_the_fse_indicator_one(world, client_of):
    from parcours.indicators import calculer_indicateurs

    annee = timezone.localdate().year
    dates = {
        "date_orientation": datetime.date(annee, 1, 2),
        "date_entree": datetime.date(annee, 1, 3),
        "date_sortie": datetime.date(annee, 1, 20),
    }
    # A positive exit of an incomplete participation is not counted by FSE+, nor by the dashboard.
    ParcoursFactory(participant=ParticipantFactory(), motif_sortie="emploi_cdi", niveau_formation="", **dates)
    ParcoursFactory(participant=ParticipantFactory(), motif_sortie="abandon", **dates)
    ctx = client_of(world.coordination).get(HOME).context
    indicateurs = calculer_indicateurs(datetime.date(annee, 1, 1), datetime.date(annee, 12, 31))
    assert (ctx["sorties"], ctx["sorties_positives"]) == (indicateurs["sorties"], indicateurs["sorties_positives"])
    assert ctx["taux"] == indicateurs["taux_sorties_positives"] == 0


def test_the_referent_home_has_a_search_box_leading_to_the_participants_list(world, client_of):
    page = client_of(world.referent).get(reverse("home")).content.decode()

    assert f'action="{reverse("participants:liste")}"' in page and 'name="q"' in page
