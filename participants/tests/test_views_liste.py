import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parcours.choices import DecisionCommission
from parcours.tests.factories import ParcoursFactory
from participants.tests.factories import ParticipantFactory
from participants.tests.helpers import creer_participants, nombre_de_requetes

URL = reverse("participants:liste")
REQUETES_LISTE = 10


def noms(response):
    return [p.nom for p in response.context["participants"]]


def test_the_search_ignores_accents_and_case(world, client_of):
    client = client_of(world.coordination)
    assert noms(client.get(URL, {"q": "helene LEFEVRE"})) == ["Lefèvre"]
    assert noms(client.get(URL, {"q": "HÉLÈNE"})) == ["Lefèvre"]


def test_the_search_finds_the_france_travail_identifier_and_the_email(world, client_of):
    ParticipantFactory(nom="Zola", identifiant_france_travail="1234567A", email="emile.zola@exemple.fr")
    client = client_of(world.coordination)
    assert noms(client.get(URL, {"q": "1234567a"})) == ["Zola"]
    assert noms(client.get(URL, {"q": "emile.zola"})) == ["Zola"]


def test_the_search_finds_a_phone_number_however_it_is_typed(world, client_of):
    ParticipantFactory(nom="Zola", telephone="07.98.76.54.32")
    client = client_of(world.coordination)
    for tape in ("0798765432", "07 98 76 54 32", "+33 7 98 76 54 32"):
        assert noms(client.get(URL, {"q": tape})) == ["Zola"], tape


def test_a_partner_cannot_search_by_the_france_travail_identifier(world, client_of):
    world.participant.identifiant_france_travail = "7654321B"
    world.participant.save()
    client = client_of(world.partenaire)
    assert noms(client.get(URL, {"q": "7654321b"})) == []
    assert noms(client.get(URL, {"q": "helene"})) == ["Lefèvre"]
    assert noms(client_of(world.coordination).get(URL, {"q": "7654321b"})) == ["Lefèvre"]


def test_a_referent_only_lists_the_participants_of_their_structure(world, client_of):
    response = client_of(world.referent).get(URL)
    assert set(noms(response)) == {"Lefèvre", "Durand"}
    assert reverse("participants:detail", args=[world.participant_autre.pk]) not in response.content.decode()


def test_a_partner_only_lists_the_participants_with_a_step_of_their_structure(world, client_of):
    response = client_of(world.partenaire).get(URL)
    assert noms(response) == ["Lefèvre"]


def test_a_partner_never_sees_fse_columns_nor_sensitive_filters(world, client_of):
    world.parcours.rsa = True
    world.parcours.qpv = True
    world.parcours.save()
    contenu = client_of(world.partenaire).get(URL).content.decode()
    for mot in ("RSA", "QPV", "Données FSE+ incomplètes", "Référent", "Parcours actuel", "Entrée", "Incomplet"):
        assert mot not in contenu
    assert client_of(world.partenaire).get(URL, {"qpv": "non"}).context["participants"][0] == world.participant


def test_the_status_filter_reads_the_current_parcours(world, client_of):
    attente = ParticipantFactory(nom="Attente", referent=world.referent)
    ParcoursFactory(participant=attente, decision_commission=DecisionCommission.EN_ATTENTE, date_entree=None)
    sorti = ParticipantFactory(nom="Sorti", referent=world.referent)
    ParcoursFactory(participant=sorti, date_sortie=datetime.date(2026, 3, 1), motif_sortie="emploi_cdi")
    client = client_of(world.coordination)
    assert noms(client.get(URL, {"statut": "en_attente"})) == ["Attente"]
    assert noms(client.get(URL, {"statut": "sorti"})) == ["Sorti"]
    assert "Attente" not in noms(client.get(URL, {"statut": "en_parcours"}))


def test_the_filters_on_qpv_age_commune_structure_and_fse(world, client_of):
    world.parcours.qpv = True
    world.parcours.save()
    jeune = ParticipantFactory(nom="Jeune", date_naissance=datetime.date.today().replace(year=2005), commune_id="76575")
    ParcoursFactory(participant=jeune, niveau_formation="")
    client = client_of(world.coordination)
    assert noms(client.get(URL, {"qpv": "oui"})) == ["Lefèvre"]
    assert noms(client.get(URL, {"age": "16-25"})) == ["Jeune"]
    assert noms(client.get(URL, {"commune": "76575"})) == ["Jeune"]
    assert noms(client.get(URL, {"fse_incomplet": "true"})) == ["Jeune"]
    assert set(noms(client.get(URL, {"structure": world.plie.pk}))) == {"Lefèvre", "Durand"}
    assert noms(client.get(URL, {"annee_entree": "2026", "referent": world.referent_autre.pk})) == ["Martin"]


def test_the_qpv_filter_on_no_leaves_out_the_people_without_a_current_parcours(world, client_of):
    world.parcours.qpv = True
    world.parcours.save()
    ParticipantFactory(nom="Sansparcours")
    ParcoursFactory(participant=ParticipantFactory(nom="Horsqpv"), qpv=False)
    client = client_of(world.coordination)

    trouves = noms(client.get(URL, {"qpv": "non"}))

    assert "Horsqpv" in trouves
    assert "Sansparcours" not in trouves and "Lefèvre" not in trouves


def test_the_list_counts_sorts_and_shows_its_page_without_reading_the_parcours(world, client_of):
    # Status, entry date, FSE+ completeness and sort keys are kept on the record: joining every
    # participant's current parcours only to count them cost the count at a million (2.2 → 0.7 ms).
    client = client_of(world.coordination)
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(URL, {"tri": "entree"}).status_code == 200
    assert not [q["sql"] for q in requetes.captured_queries if "parcours_parcours" in q["sql"]]


def test_sorting_by_name_descending_and_by_commune(world, client_of):
    client = client_of(world.coordination)
    assert noms(client.get(URL, {"tri": "-nom"})) == ["Martin", "Lefèvre", "Durand"]
    world.participant_autre.commune_id = "76575"  # Saint-Étienne-du-Rouvray, after Rouen
    world.participant_autre.save()
    assert noms(client.get(URL, {"tri": "commune"}))[-1] == "Martin"
    assert client.get(URL, {"tri": "n'importe quoi"}).status_code == 200


def test_the_list_shows_25_per_page_the_count_and_an_empty_state(world, client_of):
    creer_participants(30, world.referent)
    client = client_of(world.coordination)
    response = client.get(URL)
    assert len(response.context["participants"]) == 25
    assert "33 participants trouvés" in response.content.decode()
    assert len(client.get(URL, {"page": 2}).context["participants"]) == 8
    vide = client.get(URL, {"q": "personne-inexistante"}).content.decode()
    assert "Aucun participant ne correspond à ces critères." in vide


def test_the_list_runs_the_same_number_of_queries_for_10_and_500_participants(world, client_of):
    client = client_of(world.coordination)
    creer_participants(10, world.referent)
    client.get(URL)
    pour_10 = nombre_de_requetes(client, URL)
    creer_participants(490, world.referent, prefixe="Autre")
    assert nombre_de_requetes(client, URL) == pour_10
    # session, user, layout (menu, notifications…), count, ids of the page, their rows, three filter choices
    assert pour_10 == REQUETES_LISTE


def test_the_next_page_link_keeps_the_search_and_the_sorting(world, client_of):
    creer_participants(30, world.referent, prefixe="Pagine")

    html = client_of(world.referent).get(URL, {"q": "pagine", "tri": "-nom"}).content.decode()

    assert 'href="?q=pagine&amp;tri=-nom&amp;page=2"' in html


def test_a_sortable_header_says_its_order_and_keeps_the_search_but_not_the_page(world, client_of):
    creer_participants(30, world.referent, prefixe="Pagine")

    html = client_of(world.referent).get(URL, {"q": "pagine", "tri": "nom", "page": "2"}).content.decode()

    assert '<th scope="col" class="table-sort" aria-sort="ascending"><a href="?q=pagine&amp;tri=-nom">Nom' in html
    assert 'aria-sort="none"><a href="?q=pagine&amp;tri=commune">Commune</a>' in html


def test_an_estimate_is_rounded_to_two_significant_figures():
    from plie_portal.pagination import arrondi

    assert (arrondi(987_654), arrondi(1_004_321), arrondi(42)) == (990_000, 1_000_000, 42)


def test_below_the_ceiling_the_count_is_exact_and_not_called_approximate(world, client_of):
    response = client_of(world.coordination).get(URL)

    assert not response.context["paginator"].estime
    assert "Environ" not in response.content.decode()


@pytest.mark.services
def test_beyond_the_ceiling_the_list_shows_the_planners_estimate_as_approximate(world, client_of, monkeypatch):
    from plie_portal import pagination

    monkeypatch.setattr(pagination, "PLAFOND", 5)
    creer_participants(30, world.referent)

    response = client_of(world.coordination).get(URL)

    assert response.context["paginator"].estime
    assert "Environ " in response.content.decode()
    assert len(response.context["participants"]) == 25


def test_an_estimate_below_the_truth_neither_shortens_a_page_nor_hides_the_next_ones(world, client_of, monkeypatch):
    # Stale planner statistics: 33 people, an estimate of 10 (one page, by the estimate).
    from plie_portal import pagination

    monkeypatch.setattr(pagination, "PLAFOND", 5)
    monkeypatch.setattr(pagination, "estimation", lambda queryset: 10)
    creer_participants(30, world.referent)
    client = client_of(world.coordination)

    premiere = client.get(URL)
    seconde = client.get(URL, {"page": 2})

    assert len(premiere.context["participants"]) == 25
    assert premiere.context["page_obj"].has_next()
    assert len(seconde.context["participants"]) == 8
    assert not seconde.context["page_obj"].has_next()
    assert client.get(URL, {"page": 3}).status_code == 404


def test_the_last_page_shown_by_an_estimate_above_the_truth_serves_the_real_last_page(world, client_of, monkeypatch):
    # 33 people, an estimate of 100: four pages by the estimate, two in truth.
    from plie_portal import pagination

    monkeypatch.setattr(pagination, "PLAFOND", 5)
    monkeypatch.setattr(pagination, "estimation", lambda queryset: 100)
    creer_participants(30, world.referent)
    client = client_of(world.coordination)
    assert client.get(URL).context["paginator"].num_pages == 4

    for page in (4, "last"):
        response = client.get(URL, {"page": page})
        assert response.status_code == 200
        assert (response.context["page_obj"].number, len(response.context["participants"])) == (2, 8)
        assert not response.context["paginator"].estime


def test_a_page_number_past_what_a_database_can_skip_is_not_found(world, client_of, monkeypatch):
    from plie_portal import pagination

    monkeypatch.setattr(pagination, "PLAFOND", 5)
    monkeypatch.setattr(pagination, "estimation", lambda queryset: 100)
    creer_participants(30, world.referent)

    assert client_of(world.coordination).get(URL, {"page": 10**18}).status_code == 404


def test_the_chosen_referent_stays_selected_in_the_filter(world, client_of):
    response = client_of(world.coordination).get(URL, {"referent": world.referent.pk})

    assert f'<option value="{world.referent.pk}" selected>{world.referent}</option>' in response.content.decode()


def test_a_referent_name_is_escaped_in_the_filter_options(world, client_of):
    world.referent.last_name = "<b>Durand</b>"
    world.referent.save()

    contenu = client_of(world.coordination).get(URL).content.decode()

    assert "&lt;b&gt;Durand&lt;/b&gt;" in contenu
    assert "<b>Durand</b>" not in contenu
