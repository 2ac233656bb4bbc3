"""Every transition of the dossier workflow and every refusal (models/workflow.py)."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from aap_invisibles.models import (
    Avis,
    NatureVersement,
    StatutDossier,
    TransitionInvalide,
    Versement,
)

from .factories import AppelFactory, AssociationFactory, dossier_depose, remplir

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def brouillon(world):
    return remplir(world.dossier_brouillon)


def test_a_complete_draft_is_submitted_with_an_acknowledgement_and_a_frozen_copy(world, brouillon):
    brouillon.deposer(world.porteur)
    brouillon.refresh_from_db()
    assert brouillon.statut == StatutDossier.DEPOSE
    assert brouillon.numero_accuse.startswith("AAP")
    assert brouillon.date_accuse is not None
    assert brouillon.copie_deposee["projet_intitule"] == "Aller vers les jeunes invisibles"
    assert brouillon.montant_demande == Decimal("30000")
    transition = brouillon.transitions.get()
    assert (transition.de, transition.vers, transition.par) == ("brouillon", "depose", world.porteur)
    assert brouillon.messages.filter(automatique=True, objet__startswith="Accusé").exists()


def test_the_frozen_copy_does_not_change_when_the_content_changes_later(world, brouillon):
    brouillon.deposer(world.porteur)
    brouillon.projet_intitule = "Autre chose"
    brouillon.save()
    brouillon.refresh_from_db()
    assert brouillon.copie_deposee["projet_intitule"] == "Aller vers les jeunes invisibles"


def test_an_incomplete_draft_cannot_be_submitted(world):
    dossier = world.dossier_brouillon
    with pytest.raises(TransitionInvalide, match="EPS|incomplet"):
        dossier.deposer(world.porteur)
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.BROUILLON


def test_a_draft_without_eps_consultation_cannot_be_submitted(world, brouillon):
    brouillon.consultation_eps.delete()
    brouillon.refresh_from_db()
    with pytest.raises(TransitionInvalide, match="EPS"):
        brouillon.deposer(world.porteur)


def test_an_unbalanced_budget_blocks_the_submission(world, brouillon):
    brouillon.lignes_budget.filter(libelle="État").delete()
    assert brouillon.manquants_section("6bis")
    with pytest.raises(TransitionInvalide, match="incomplet"):
        brouillon.deposer(world.porteur)


def test_a_missing_required_attachment_blocks_the_submission(world, brouillon):
    brouillon.pieces.all().delete()
    assert brouillon.manquants_section("pieces") == ["Relevé d'identité bancaire (RIB)"]
    with pytest.raises(TransitionInvalide):
        brouillon.deposer(world.porteur)


def test_someone_else_than_the_applicant_cannot_submit(world, brouillon):
    for user in (world.porteur_autre, world.instructeur, world.coordination):
        with pytest.raises(TransitionInvalide):
            brouillon.deposer(user)


def test_a_dossier_is_submitted_only_once(world, brouillon):
    brouillon.deposer(world.porteur)
    with pytest.raises(TransitionInvalide, match="déjà"):
        brouillon.deposer(world.porteur)


def test_the_deadline_is_checked_to_the_minute_in_paris_time(world, brouillon):
    appel = brouillon.appel
    appel.date_cloture = datetime.datetime(2020, 7, 1, 12, 0, tzinfo=PARIS)
    appel.date_ouverture = datetime.datetime(2020, 3, 1, 9, 0, tzinfo=PARIS)
    appel.save()
    assert appel.accepte_les_depots(datetime.datetime(2020, 7, 1, 11, 59, 59, tzinfo=PARIS))
    assert not appel.accepte_les_depots(datetime.datetime(2020, 7, 1, 12, 0, tzinfo=PARIS))
    # 10:00 UTC is 12:00 in Paris in summer.
    assert not appel.accepte_les_depots(datetime.datetime(2020, 7, 1, 10, 0, tzinfo=datetime.UTC))
    with pytest.raises(TransitionInvalide, match="date limite"):
        brouillon.deposer(world.porteur, now=datetime.datetime(2020, 7, 1, 12, 0, tzinfo=PARIS))
    brouillon.deposer(world.porteur, now=datetime.datetime(2020, 7, 1, 11, 59, tzinfo=PARIS))
    assert brouillon.statut == StatutDossier.DEPOSE


def test_an_unpublished_call_accepts_no_submission(world, brouillon):
    brouillon.appel.statut = "brouillon"
    brouillon.appel.save()
    with pytest.raises(TransitionInvalide):
        brouillon.deposer(world.porteur)


def test_postponing_the_closing_is_recorded_and_told_to_applicants(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    appel = world.appel
    ancienne = appel.date_cloture
    with django_capture_on_commit_callbacks(execute=True):
        appel.reporter_cloture(world.coordination, ancienne + datetime.timedelta(days=10), "Crise sanitaire")
    report = appel.reports.get()
    assert (report.ancienne_date, report.motif, report.par) == (ancienne, "Crise sanitaire", world.coordination)
    assert world.dossier_brouillon.messages.filter(objet__contains="Report").exists()
    assert world.dossier_autre.messages.filter(objet__contains="Report").exists()
    assert any(world.porteur.email in m.to for m in mailoutbox)


def test_a_postponement_needs_a_reason_and_a_later_date(world):
    appel = world.appel
    with pytest.raises(TransitionInvalide):
        appel.reporter_cloture(world.coordination, appel.date_cloture + datetime.timedelta(days=1), " ")
    with pytest.raises(TransitionInvalide):
        appel.reporter_cloture(world.coordination, appel.date_cloture - datetime.timedelta(days=1), "motif")


def test_an_instructor_declares_a_submitted_dossier_admissible(world):
    dossier = world.dossier_depose
    dossier.declarer_recevable(world.instructeur)
    assert dossier.statut == StatutDossier.EN_INSTRUCTION


def test_an_instructor_not_assigned_to_the_call_cannot_instruct(world):
    with pytest.raises(TransitionInvalide, match="instructeur"):
        world.dossier_non_assigne.declarer_recevable(world.instructeur)
    with pytest.raises(TransitionInvalide):
        world.dossier_depose.declarer_recevable(world.porteur)


def test_inadmissibility_needs_a_reason(world):
    dossier = world.dossier_depose
    with pytest.raises(TransitionInvalide, match="motif"):
        dossier.declarer_irrecevable(world.instructeur, "")
    dossier.declarer_irrecevable(world.instructeur, "Pas de consultation EPS réelle")
    assert dossier.statut == StatutDossier.IRRECEVABLE
    assert dossier.transitions.get().motif == "Pas de consultation EPS réelle"


def test_admissibility_applies_only_to_a_submitted_dossier(world):
    with pytest.raises(TransitionInvalide):
        world.dossier_autre.declarer_recevable(world.instructeur)
    with pytest.raises(TransitionInvalide):
        world.dossier_autre.declarer_irrecevable(world.instructeur, "motif")


def test_a_pending_correction_request_blocks_the_moves_until_answered(world):
    dossier = world.dossier_autre
    dossier.demander_correction(world.instructeur, ["6", "6bis"], "Précisez les communes.")
    assert dossier.sections_modifiables() == ["6", "6bis"]
    with pytest.raises(TransitionInvalide, match="correction"):
        dossier.fixer_audition(world.instructeur, datetime.date(2020, 7, 10), datetime.time(10), "Métropole")
    with pytest.raises(TransitionInvalide, match="correction"):
        dossier.retenir(world.coordination, Decimal("1000"))
    with pytest.raises(TransitionInvalide, match="correction"):
        dossier.refuser(world.coordination, "motif")
    with pytest.raises(TransitionInvalide, match="déjà"):
        dossier.demander_correction(world.instructeur, ["1"], "encore")
    with pytest.raises(TransitionInvalide):
        dossier.repondre_correction(world.porteur, "pas le mien")
    dossier.repondre_correction(world.porteur_autre, "C'est corrigé.")
    assert dossier.sections_modifiables() == []
    dossier.fixer_audition(world.instructeur, datetime.date(2020, 7, 10), datetime.time(10), "Métropole")
    assert dossier.statut == StatutDossier.AUDITION


def test_a_correction_request_names_sections_and_applies_only_under_instruction(world):
    with pytest.raises(TransitionInvalide, match="section"):
        world.dossier_autre.demander_correction(world.instructeur, ["zz"], "message")
    with pytest.raises(TransitionInvalide):
        world.dossier_depose.demander_correction(world.instructeur, ["1"], "message")
    with pytest.raises(TransitionInvalide):
        world.dossier_autre.repondre_correction(world.porteur_autre, "rien à répondre")


def test_a_hearing_needs_a_full_slot(world):
    with pytest.raises(TransitionInvalide, match="lieu"):
        world.dossier_autre.fixer_audition(world.instructeur, datetime.date(2020, 7, 10), datetime.time(10), "")
    with pytest.raises(TransitionInvalide):
        world.dossier_depose.fixer_audition(world.instructeur, datetime.date(2020, 7, 10), datetime.time(10), "Salle")


def test_the_proposal_records_opinion_and_amount_within_the_request(world):
    dossier = world.dossier_autre
    with pytest.raises(TransitionInvalide):
        dossier.proposer(world.instructeur, Avis.FAVORABLE, Decimal("25000.01"))
    with pytest.raises(TransitionInvalide):
        dossier.proposer(world.instructeur, "peut-etre", Decimal("100"))
    with pytest.raises(TransitionInvalide):
        dossier.proposer(world.porteur_autre, Avis.FAVORABLE, Decimal("100"))
    dossier.proposer(world.instructeur, Avis.FAVORABLE, Decimal("20000"), "Projet solide")
    dossier.refresh_from_db()
    assert (dossier.proposition_avis, dossier.proposition_montant) == ("favorable", Decimal("20000.00"))


def test_coordination_retains_a_dossier_within_the_request(world):
    dossier = world.dossier_autre
    with pytest.raises(TransitionInvalide, match="coordination"):
        dossier.retenir(world.instructeur, Decimal("1000"))
    with pytest.raises(TransitionInvalide, match="dépasser"):
        dossier.retenir(world.coordination, Decimal("25000.01"))
    with pytest.raises(TransitionInvalide, match="positif"):
        dossier.retenir(world.coordination, Decimal("0"))
    dossier.retenir(world.coordination, Decimal("24000"))
    assert dossier.statut == StatutDossier.RETENU
    assert dossier.appel.reste_a_allouer() == Decimal("130000")
    assert dossier.messages.filter(texte__contains="24\xa0000,00 €").exists()  # amounts à la française


def test_a_refusal_needs_a_reason(world):
    dossier = world.dossier_autre
    with pytest.raises(TransitionInvalide, match="motif"):
        dossier.refuser(world.coordination, "")
    with pytest.raises(TransitionInvalide):
        dossier.refuser(world.instructeur, "motif")
    dossier.refuser(world.coordination, "Hors cible")
    assert dossier.statut == StatutDossier.REFUSE


def test_a_decision_applies_only_under_instruction_or_hearing(world):
    with pytest.raises(TransitionInvalide):
        world.dossier_depose.retenir(world.coordination, Decimal("100"))
    with pytest.raises(TransitionInvalide):
        world.dossier_depose.refuser(world.coordination, "motif")


def test_the_envelope_is_never_exceeded(world):
    appel = AppelFactory(budget_total=Decimal("50000"))
    premier = dossier_depose(appel, AssociationFactory(), Decimal("30000"), StatutDossier.EN_INSTRUCTION)
    second = dossier_depose(appel, AssociationFactory(), Decimal("30000"), StatutDossier.AUDITION)
    premier.retenir(world.coordination, Decimal("30000"))
    with pytest.raises(TransitionInvalide, match="enveloppe"):
        second.retenir(world.coordination, Decimal("25000"))
    second.refresh_from_db()
    assert second.statut == StatutDossier.AUDITION
    second.retenir(world.coordination, Decimal("20000"))
    assert appel.reste_a_allouer() == Decimal("0")


def test_the_applicant_withdraws_and_coordination_closes_without_follow_up(world):
    world.dossier_depose.classer_sans_suite(world.porteur)
    assert world.dossier_depose.statut == StatutDossier.SANS_SUITE
    with pytest.raises(TransitionInvalide, match="motif"):
        world.dossier_autre.classer_sans_suite(world.coordination, "")
    with pytest.raises(TransitionInvalide):
        world.dossier_autre.classer_sans_suite(world.instructeur, "motif")
    world.dossier_autre.classer_sans_suite(world.coordination, "Association dissoute")
    assert world.dossier_autre.statut == StatutDossier.SANS_SUITE


def test_a_draft_or_a_decided_dossier_cannot_be_closed_without_follow_up(world):
    with pytest.raises(TransitionInvalide):
        world.dossier_brouillon.classer_sans_suite(world.porteur)
    world.dossier_autre.refuser(world.coordination, "Hors cible")
    with pytest.raises(TransitionInvalide):
        world.dossier_autre.classer_sans_suite(world.coordination, "motif")


def test_reopening_returns_to_the_previous_state_and_frees_the_amount(world):
    dossier = world.dossier_autre
    dossier.fixer_audition(world.instructeur, datetime.date(2020, 7, 10), datetime.time(10), "Métropole")
    dossier.retenir(world.coordination, Decimal("25000"))
    with pytest.raises(TransitionInvalide, match="motif"):
        dossier.reouvrir(world.coordination, "")
    with pytest.raises(TransitionInvalide):
        dossier.reouvrir(world.instructeur, "erreur")
    dossier.reouvrir(world.coordination, "Erreur de saisie")
    assert dossier.statut == StatutDossier.AUDITION
    assert dossier.montant_accorde is None
    assert dossier.appel.reste_a_allouer() == dossier.appel.budget_total


def test_reopening_is_refused_once_a_payment_exists(world):
    dossier = world.dossier_autre
    dossier.retenir(world.coordination, Decimal("25000"))
    Versement.objects.create(
        dossier=dossier,
        nature=NatureVersement.AVANCE,
        montant=Decimal("10000"),
        date=timezone.localdate(),
        enregistre_par=world.coordination,
    )
    with pytest.raises(TransitionInvalide, match="versement"):
        dossier.reouvrir(world.coordination, "Erreur")
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.RETENU


def test_only_a_decision_can_be_reopened(world):
    with pytest.raises(TransitionInvalide):
        world.dossier_autre.reouvrir(world.coordination, "motif")


def test_an_organisation_has_one_dossier_per_call(world):
    from django.db import IntegrityError, transaction

    from .factories import DossierFactory

    with pytest.raises(IntegrityError), transaction.atomic():
        DossierFactory(appel=world.appel, porteur=world.asso)


def test_starting_a_dossier_twice_leads_to_the_existing_one(world, client_of):
    from django.urls import reverse

    reponse = client_of(world.porteur).post(reverse("aap_invisibles:dossier_creer", kwargs={"slug": world.appel.slug}))
    assert reponse["Location"] == world.dossier_brouillon.get_absolute_url()
