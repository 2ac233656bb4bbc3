"""The DPO: finds the person who asks, opens what the portal holds on them and the access log,
and nothing of the case management (RGPD issue: "coordination and the DPO")."""

from django.urls import reverse

from accounts.models import AccesDonnees


def test_the_dpo_home_finds_a_person_by_name_and_links_to_their_right_of_access(world, client_of):
    page = client_of(world.dpo).get("/", {"nom": "lefevre"}).content.decode()

    assert "1 personne trouvée" in page
    assert reverse("rgpd:droit_acces", args=[world.participant.pk]) in page


def test_a_birth_date_tells_namesakes_apart(world, client_of):
    autre_date = world.participant.date_naissance.replace(year=world.participant.date_naissance.year - 1)

    page = client_of(world.dpo).get("/", {"nom": "Lefèvre", "date_naissance": autre_date.isoformat()}).content.decode()

    assert "Aucune personne ne correspond" in page
    assert reverse("rgpd:droit_acces", args=[world.participant.pk]) not in page


def test_each_search_of_the_dpo_is_written_in_the_access_log(world, client_of):
    client_of(world.dpo).get("/", {"nom": "Lefèvre"})

    acces = AccesDonnees.objects.get(utilisateur=world.dpo)
    assert acces.objet_type == "participants.Participant" and "1 résultat" in acces.description


def test_a_name_too_short_is_refused_with_a_french_message_and_kept_in_the_field(world, client_of):
    page = client_of(world.dpo).get("/", {"nom": "L"}).content.decode()

    assert "au moins 2 caractères" in page and 'value="L"' in page
    assert not AccesDonnees.objects.filter(utilisateur=world.dpo).exists()


def test_the_dpo_opens_the_right_of_access_of_any_person_and_the_breadcrumb_leads_back_home(world, client_of):
    page = client_of(world.dpo).get(reverse("rgpd:droit_acces", args=[world.participant_autre.pk])).content.decode()

    assert "Demandes des personnes" in page
    assert reverse("participants:detail", args=[world.participant_autre.pk]) not in page


def test_the_dpo_menu_offers_requests_and_the_access_log_but_no_case_management(world, client_of):
    page = client_of(world.dpo).get("/").content.decode()

    assert reverse("accounts:acces") in page
    assert reverse("participants:liste") not in page
    assert client_of(world.dpo).get(reverse("participants:liste")).status_code == 403


def test_the_purge_forgets_the_name_the_dpo_typed_to_find_the_person(world, client_of):
    from rgpd.inventaire import Traces

    client_of(world.dpo).get("/", {"nom": "Lefèvre"})

    acces = AccesDonnees.objects.get(utilisateur=world.dpo)
    assert acces in Traces(world.participant).acces_qui_la_nomment()
