"""Instruction dashboard (pinned queries), committee ranking and simulation, XLSX export."""

import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from aap_invisibles.models import SimulationAllocation, StatutDossier
from reports.xlsx import neutraliser

from .factories import AssociationFactory, dossier_depose


def url(name, **kwargs):
    return reverse(f"aap_invisibles:{name}", kwargs=kwargs)


def test_the_dashboard_query_count_does_not_grow_with_the_dossiers(world, client_of, django_assert_num_queries):
    client = client_of(world.instructeur)
    client.get(url("instruction"))
    with django_assert_num_queries(NOMBRE_REQUETES := 9) as peu:
        client.get(url("instruction"))
    for _ in range(6):
        dossier_depose(world.appel, AssociationFactory(), Decimal("1000"), StatutDossier.EN_INSTRUCTION)
    with django_assert_num_queries(NOMBRE_REQUETES):
        reponse = client.get(url("instruction"))
    assert reponse.context["page"].paginator.count == 9
    assert len(peu.captured_queries) == NOMBRE_REQUETES


def test_tabs_count_by_state_and_filters_narrow_the_list(world, client_of):
    client = client_of(world.coordination)
    reponse = client.get(url("instruction"), {"statut": "en_instruction"})
    onglets = {o["code"]: o["n"] for o in reponse.context["onglets"]}
    assert onglets["en_instruction"] == 1 and onglets["depose"] == 2 and onglets["retenu"] == 1
    assert [d.pk for d in reponse.context["page"].object_list] == [world.dossier_autre.pk]
    reponse = client.get(url("instruction"), {"montant_min": "21000"})
    assert {d.pk for d in reponse.context["page"].object_list} == {world.dossier_autre.pk}
    reponse = client.get(url("instruction"), {"commune": "76231"})
    assert reponse.context["page"].paginator.count == 0
    reponse = client.get(url("instruction"), {"tri": "-montant"})
    montants = [d.montant_demande for d in reponse.context["page"].object_list]
    assert montants == sorted(montants, reverse=True)


def test_the_committee_ranks_by_score_shows_the_remainder_and_stores_a_simulation(world, client_of):
    client = client_of(world.coordination)
    page = client.get(url("comite", pk=world.appel_bis.pk))
    assert page.context["reste"] == Decimal("139000")
    reponse = client.post(url("comite", pk=world.appel_bis.pk), {f"simulation_{world.dossier_retenu.pk}": "12000"})
    assert reponse.status_code == 302
    simulation = SimulationAllocation.objects.get(appel=world.appel_bis)
    assert simulation.total() == Decimal("12000")
    assert world.appel_bis.reste_a_allouer() == Decimal("139000")
    reponse = client.post(url("comite", pk=world.appel_bis.pk), {f"simulation_{world.dossier_retenu.pk}": "99999"})
    assert "montant entre 0" in reponse.content.decode()
    assert client_of(world.instructeur).post(url("comite", pk=world.appel_bis.pk), {}).status_code == 403


def test_the_export_lists_only_visible_dossiers_and_neutralises_formulas(
    world, client_of, django_capture_on_commit_callbacks
):
    from reports.models import Rapport

    world.dossier_autre.projet_intitule = '=HYPERLINK("http://x")'
    world.dossier_autre.save()
    client = client_of(world.instructeur)
    assert reverse("reports:demander", args=["dossiers"]) in client.get(url("instruction")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:demander", args=["dossiers"]), {"appel": world.appel.pk})
    rapport = Rapport.objects.get(demandeur=world.instructeur, type="dossiers")
    reponse = client.get(reverse("reports:telecharger", args=[rapport.pk]))
    feuille = load_workbook(io.BytesIO(b"".join(reponse.streaming_content))).active
    lignes = list(feuille.iter_rows(values_only=True))
    assert lignes[1][0] == "N° accusé"
    assert len(lignes) == 3  # title, headers, the submitted dossier (never the draft)
    assert lignes[2][4].startswith("'=")
    assert neutraliser("+33") == "'+33" and neutraliser("@x") == "'@x" and neutraliser("-1") == "'-1"
