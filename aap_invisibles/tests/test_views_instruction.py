"""Instruction dashboard (pinned queries), committee ranking and simulation, XLSX export."""

import html
import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from aap_invisibles.models import SimulationAllocation, StatutDossier
from plie_portal.xlsx import neutraliser

from .factories import AssociationFactory, dossier_depose


def texte(reponse):
    """The page as text: entities decoded, no-break spaces (thousands) as plain spaces."""
    return html.unescape(reponse.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


def url(name, **kwargs):
    return reverse(f"aap_invisibles:{name}", kwargs=kwargs)


def test_the_dashboard_query_count_does_not_grow_with_the_dossiers(world, client_of, django_assert_num_queries):
    client = client_of(world.instructeur)
    client.get(url("instruction"))
    # + the labels of the calls (filter) and of the dossiers (one prefetch)
    with django_assert_num_queries(NOMBRE_REQUETES := 11) as peu:
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


def test_the_committee_shows_the_remainder_and_stores_a_simulation(world, client_of):
    en_instruction = dossier_depose(
        world.appel_bis, AssociationFactory(), Decimal("40000"), StatutDossier.EN_INSTRUCTION
    )
    client = client_of(world.coordination)
    assert client.get(url("comite", pk=world.appel_bis.pk)).context["reste"] == Decimal("139000")

    reponse = client.post(url("comite", pk=world.appel_bis.pk), {f"simulation_{en_instruction.pk}": "12 000,50"})

    assert reponse.status_code == 302
    assert SimulationAllocation.objects.get(appel=world.appel_bis).montants == {str(en_instruction.pk): "12000.50"}
    assert world.appel_bis.reste_a_allouer() == Decimal("139000")


def test_the_committee_draws_the_envelope_as_a_gauge_granted_simulated_and_left(world, client_of):
    en_instruction = dossier_depose(
        world.appel_bis, AssociationFactory(), Decimal("40000"), StatutDossier.EN_INSTRUCTION
    )
    client = client_of(world.coordination)
    client.post(url("comite", pk=world.appel_bis.pk), {f"simulation_{en_instruction.pk}": "12000"})
    page = texte(client.get(url("comite", pk=world.appel_bis.pk)))
    reste = world.appel_bis.reste_a_allouer() - Decimal("12000")

    assert "Simulé 12 000 €" in page
    assert f"reste {int(reste):,} €".replace(",", " ") in page


def test_a_simulated_amount_above_the_request_is_refused_in_french(world, client_of):
    en_instruction = dossier_depose(
        world.appel_bis, AssociationFactory(), Decimal("40000"), StatutDossier.EN_INSTRUCTION
    )

    reponse = client_of(world.coordination).post(
        url("comite", pk=world.appel_bis.pk), {f"simulation_{en_instruction.pk}": "99999"}
    )

    assert "montant entre 0 et 40 000,00 €" in texte(reponse)
    assert not SimulationAllocation.objects.filter(appel=world.appel_bis).exists()


def test_only_coordination_stores_a_simulation(world, client_of):
    assert client_of(world.instructeur).post(url("comite", pk=world.appel_bis.pk), {}).status_code == 403


def test_the_simulation_adds_the_amounts_already_granted_and_flags_a_scenario_over_the_envelope(world, client_of):
    world.appel_bis.budget_total = Decimal("50000")
    world.appel_bis.save()
    en_instruction = dossier_depose(
        world.appel_bis, AssociationFactory(), Decimal("40000"), StatutDossier.EN_INSTRUCTION
    )
    client = client_of(world.coordination)
    # 15,000 € already granted to dossier_retenu: a decided dossier's simulated amount is ignored.
    client.post(
        url("comite", pk=world.appel_bis.pk),
        {f"simulation_{en_instruction.pk}": "40000", f"simulation_{world.dossier_retenu.pk}": "1"},
    )

    page = client.get(url("comite", pk=world.appel_bis.pk))

    bilan = page.context["bilan"]
    assert (bilan["accorde"], bilan["simule"], bilan["reste"]) == (Decimal("15000"), Decimal("40000"), Decimal("-5000"))
    assert "dépassement de l'enveloppe" in texte(page)
    assert "Ce scénario dépasse l'enveloppe de 5 000,00 € : 15 000,00 € déjà accordés et 40 000,00 € simulés." in texte(
        page
    )


def test_a_scenario_within_the_envelope_is_not_flagged(world, client_of):
    en_instruction = dossier_depose(
        world.appel_bis, AssociationFactory(), Decimal("40000"), StatutDossier.EN_INSTRUCTION
    )
    client = client_of(world.coordination)
    client.post(url("comite", pk=world.appel_bis.pk), {f"simulation_{en_instruction.pk}": "40000"})

    page = client.get(url("comite", pk=world.appel_bis.pk))

    assert page.context["bilan"]["reste"] == Decimal("99000")
    assert "dépassement de l'enveloppe" not in texte(page)


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


def test_a_simulated_amount_no_longer_counts_once_its_dossier_is_withdrawn(world, client_of):
    en_instruction = dossier_depose(
        world.appel_bis, AssociationFactory(), Decimal("40000"), StatutDossier.EN_INSTRUCTION
    )
    client = client_of(world.coordination)
    client.post(url("comite", pk=world.appel_bis.pk), {f"simulation_{en_instruction.pk}": "40000"})
    en_instruction.classer_sans_suite(world.coordination, "Retrait")

    bilan = client.get(url("comite", pk=world.appel_bis.pk)).context["bilan"]

    assert (bilan["simule"], bilan["reste"]) == (Decimal("0"), Decimal("139000"))
