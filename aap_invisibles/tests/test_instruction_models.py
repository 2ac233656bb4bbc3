"""Scores, conflicts, budget grouping, final report gaps and reminders."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from aap_invisibles.models import Bilan, Evaluation, LigneBilan, NoteCritere, StatutDossier, TransitionInvalide
from aap_invisibles.tasks import relancer_bilans


def noter(dossier, instructeur, notes, soumettre=True):
    evaluation = Evaluation.objects.create(dossier=dossier, instructeur=instructeur)
    for critere, note in zip(dossier.appel.criteres.all(), notes, strict=False):
        NoteCritere.objects.create(evaluation=evaluation, critere=critere, note=note)
    if soumettre:
        evaluation.soumettre()
    return evaluation


def test_a_score_is_weighted_on_100_and_the_dossier_score_is_the_mean_of_submitted_ones(world):
    dossier = world.dossier_autre
    # Weights 40/30/30: 5,5,5 → 100; 5,0,0 → 40.
    assert noter(dossier, world.instructeur, [5, 5, 5]).total == Decimal("100.00")
    assert noter(dossier, world.coordination, [5, 0, 0]).total == Decimal("40.00")
    noter(dossier, world.admin, [0, 0, 0], soumettre=False)
    assert dossier.notes_pour(world.coordination) == (True, Decimal("70"))


def test_an_evaluation_is_submitted_only_when_every_criterion_is_marked(world):
    evaluation = noter(world.dossier_autre, world.instructeur, [3], soumettre=False)
    with pytest.raises(TransitionInvalide, match="critère"):
        evaluation.soumettre()
    assert not Evaluation.objects.get(pk=evaluation.pk).soumise


def test_the_ranking_puts_the_best_scores_first_and_never_drafts(world):
    noter(world.dossier_autre, world.instructeur, [1, 1, 1])
    classement = list(world.appel.classement(world.coordination))
    assert classement == [world.dossier_autre]
    assert classement[0].score == Decimal("20")


def test_budget_lines_are_grouped_by_account_with_totals(world):
    groupes = world.dossier_autre.lignes_budget_par_compte()
    assert [g["compte"] for g in groupes["charges"]] == ["64"]
    assert groupes["produits"][0]["total"] == Decimal("35000")
    assert groupes["total_charges"] == groupes["total_produits"]


def test_the_final_report_shows_gaps_in_euros_and_percent(world):
    dossier = world.dossier_autre
    dossier.retenir(world.coordination, Decimal("25000"))
    bilan = Bilan.objects.create(dossier=dossier, jeunes_reperes=50, jeunes_mobilises=45)
    salaires = dossier.lignes_budget.get(compte="64")
    LigneBilan.objects.create(bilan=bilan, ligne=salaires, montant_realise=Decimal("31500"))
    ligne = next(item for item in bilan.lignes_financieres() if item["ligne"] == salaires)
    assert ligne["ecart"] == Decimal("-3500")
    assert ligne["ecart_pct"] == Decimal("-10.0")
    objectifs = bilan.comparaison_objectifs()
    assert (objectifs[0]["prevu"], objectifs[0]["realise"]) == (60, 50)


def test_the_daily_scan_reminds_a_report_due_within_a_month_once_per_fortnight(
    world, mailoutbox, settings, django_capture_on_commit_callbacks
):
    dossier = world.dossier_autre
    dossier.retenir(world.coordination, Decimal("25000"))
    dossier.date_fin = timezone.localdate() - datetime.timedelta(days=170)
    dossier.save()
    assert dossier.echeance_bilan() - timezone.localdate() <= datetime.timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        assert relancer_bilans() >= 1
    assert relancer_bilans() == 0
    assert dossier.messages.filter(objet__contains="bilan").count() == 1
    assert any(world.porteur_autre.email in m.to for m in mailoutbox)
    assert "aap-relances-bilans" in settings.CELERY_BEAT_SCHEDULE


def test_no_reminder_for_a_report_far_ahead_or_already_submitted(world):
    dossier = world.dossier_autre
    dossier.retenir(world.coordination, Decimal("25000"))
    dossier.date_fin = timezone.localdate()
    dossier.save()
    relancer_bilans()
    assert not dossier.messages.filter(objet__contains="bilan").exists()
    dossier.date_fin = timezone.localdate() - datetime.timedelta(days=400)
    dossier.save()
    Bilan.objects.create(dossier=dossier, jeunes_reperes=1, jeunes_mobilises=1, depose_le=timezone.now())
    relancer_bilans()
    assert not dossier.messages.filter(objet__contains="bilan").exists()
    assert dossier.statut == StatutDossier.RETENU


def test_a_convention_is_required_above_23000_euros(world):
    dossier = world.dossier_autre
    dossier.retenir(world.coordination, Decimal("23000"))
    assert not dossier.convention_requise()
    dossier.reouvrir(world.coordination, "Montant revu")
    dossier.retenir(world.coordination, Decimal("23000.01"))
    assert dossier.convention_requise()
