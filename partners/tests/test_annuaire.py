"""The partner directory and the structure page (partners/views/annuaire.py)."""

import pytest
from django.urls import reverse

from partners.models import CategorieEtape, TypeStructure
from partners.siret import make_siret
from partners.tests.factories import EtapeTypeFactory, StructureFactory

pytestmark = pytest.mark.django_db


def noms(response):
    return [s.nom for s in response.context["structures"]]


def test_a_search_without_accents_finds_a_structure_with_accents(world, client_of):
    StructureFactory(nom="Épicerie solidaire Hérouville")
    response = client_of(world.referent).get(reverse("partners:liste"), {"q": "epicerie herouville"})
    assert noms(response) == ["Épicerie solidaire Hérouville"]


def test_a_search_by_siret_finds_the_structure(world, client_of):
    cible = StructureFactory(nom="Garage solidaire", siret=make_siret(987_654))
    response = client_of(world.partenaire).get(reverse("partners:liste"), {"q": cible.siret})
    assert noms(response) == ["Garage solidaire"]


def test_applicant_organisations_are_not_in_the_directory_of_a_referent(world, client_of):
    response = client_of(world.referent).get(reverse("partners:liste"))
    assert "Association porteuse" not in noms(response)
    assert "ACI test" in noms(response)


def test_coordination_sees_applicant_organisations_only_when_asking_for_them(world, client_of):
    client = client_of(world.coordination)
    assert "Association porteuse" not in noms(client.get(reverse("partners:liste")))
    assert "Association porteuse" in noms(client.get(reverse("partners:liste"), {"perimetre": "tous"}))
    hors_plie = noms(client.get(reverse("partners:liste"), {"perimetre": "hors_plie"}))
    assert "Association porteuse" in hors_plie and "ACI test" not in hors_plie


def test_a_referent_cannot_widen_the_directory_with_the_coordination_filter(world, client_of):
    response = client_of(world.referent).get(reverse("partners:liste"), {"perimetre": "tous"})
    assert "Association porteuse" not in noms(response)


def test_the_directory_filters_by_kind_commune_state_and_offered_category(world, client_of):
    formation = EtapeTypeFactory(code="fle-test", categorie=CategorieEtape.LEVEE_FREINS)
    elbeuf = StructureFactory(nom="Centre FLE Elbeuf", type=TypeStructure.ORGANISME_FORMATION, commune_id="76231")
    formation.structures.add(elbeuf)
    StructureFactory(nom="Ancienne EI", type=TypeStructure.SIAE_EI, actif=False)
    client = client_of(world.referent)
    url = reverse("partners:liste")
    assert noms(client.get(url, {"type": "organisme_formation", "commune": "76231"})) == ["Centre FLE Elbeuf"]
    assert noms(client.get(url, {"categorie": CategorieEtape.LEVEE_FREINS})) == ["Centre FLE Elbeuf"]
    assert noms(client.get(url, {"actif": "non"})) == ["Ancienne EI"]


def test_the_directory_sorts_paginates_by_25_and_counts(world, client_of):
    for n in range(30):
        StructureFactory(nom=f"Zeta {n:02d}")
    response = client_of(world.instructeur).get(reverse("partners:liste"), {"q": "zeta", "tri": "-nom"})
    assert response.context["paginator"].count == 30
    assert len(response.context["structures"]) == 25
    assert noms(response)[0] == "Zeta 29"
    assert "30 structures" in response.content.decode()


def test_an_empty_search_says_so(world, client_of):
    response = client_of(world.referent).get(reverse("partners:liste"), {"q": "introuvable"})
    assert "Aucune structure ne correspond" in response.content.decode()


@pytest.mark.parametrize("nombre", [10, 100])
def test_the_directory_costs_the_same_number_of_queries_for_10_or_100_structures(
    nombre, world, client_of, django_assert_num_queries
):
    etape_type = EtapeTypeFactory(code="requetes")
    for n in range(nombre):
        structure = StructureFactory(nom=f"Requête {n:03d}")
        etape_type.structures.add(structure)
    client = client_of(world.coordination)
    client.get(reverse("partners:liste"))  # warm the session
    # session (read, save), user, OTP device, the user's structure in the menu, bell, count, page,
    # offers (one prefetch), communes of the filter: the same for 10 or 100 rows.
    with django_assert_num_queries(8):
        response = client.get(reverse("partners:liste"), {"q": "requete"})
    assert response.context["paginator"].count == nombre
