"""After the decision, the follow-up keeps its order (issue 15): no balance before the final report,
no final report before the action started, never more young people mobilised than identified."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aap_invisibles.forms import BilanForm, VersementForm, formulaire_section
from aap_invisibles.models import Bilan

pytestmark = pytest.mark.django_db


def test_the_balance_is_refused_before_the_final_report_is_deposited(world):
    dossier = world.dossier_retenu
    donnees = {"nature": "solde", "montant": "5000", "date": "2026-11-01"}
    form = VersementForm(donnees, dossier=dossier)
    assert not form.is_valid() and "bilan final déposé" in str(form.errors["nature"])
    Bilan.objects.create(dossier=dossier, jeunes_reperes=10, jeunes_mobilises=5, depose_le=timezone.now())
    dossier.refresh_from_db()
    assert VersementForm(donnees, dossier=dossier).is_valid()


def test_an_advance_needs_no_final_report(world):
    form = VersementForm({"nature": "avance", "montant": "5000", "date": "2026-11-01"}, dossier=world.dossier_retenu)
    assert form.is_valid(), form.errors


def test_a_final_report_is_not_deposited_before_the_action_starts_but_may_be_drafted(world, client_of):
    dossier = world.dossier_retenu
    dossier.date_debut = datetime.date.today() + datetime.timedelta(days=30)
    dossier.save(update_fields=["date_debut"])
    client = client_of(world.porteur_autre)
    realise = {f"ligne_{ligne.pk}": str(ligne.montant) for ligne in dossier.lignes_budget.all()}
    donnees = {"jeunes_reperes": 10, "jeunes_mobilises": 5, **realise}
    depot = client.post(reverse("aap_invisibles:bilan", args=[dossier.pk]), {**donnees, "deposer": "1"})
    assert depot.status_code == 200 and "une fois l&#x27;action commencée" in depot.content.decode()
    assert not Bilan.objects.filter(dossier=dossier).exists()
    brouillon = client.post(reverse("aap_invisibles:bilan", args=[dossier.pk]), donnees)
    assert brouillon.status_code == 302
    assert Bilan.objects.get(dossier=dossier).depose_le is None


def test_more_young_people_to_mobilise_than_to_identify_is_refused_in_the_application(world):
    classe = formulaire_section("6")
    form = classe({"nb_jeunes_a_reperer": "60", "nb_jeunes_a_mobiliser": "80"}, instance=world.dossier_brouillon)
    form.is_valid()
    assert "au plus 60" in str(form.errors.get("nb_jeunes_a_mobiliser"))


def test_more_young_people_mobilised_than_identified_is_refused_in_the_final_report():
    form = BilanForm({"jeunes_reperes": 60, "jeunes_mobilises": 80})
    assert not form.is_valid() and "au plus 60" in str(form.errors["jeunes_mobilises"])


def test_an_action_ending_before_it_starts_is_refused(world):
    classe = formulaire_section("6")
    form = classe({"date_debut": "2026-09-01", "date_fin": "2026-08-01"}, instance=world.dossier_brouillon)
    form.is_valid()
    assert "ne peut pas précéder" in str(form.errors.get("date_fin"))
