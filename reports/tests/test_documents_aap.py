from decimal import Decimal

from aap_invisibles.models import Evaluation, NoteCritere, StatutDossier
from reports.models import StatutRapport
from reports.tests.helpers import est_balise, lire_pdf, produire


def test_the_cerfa_of_a_submitted_dossier_has_sections_1_to_7_budget_totals_eps_and_attachments(
    world, django_capture_on_commit_callbacks
):
    rapport = produire(world.porteur, "cerfa", django_capture_on_commit_callbacks, dossier=world.dossier_depose.pk)

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "Cerfa n°12156*06" in texte
    for titre in ("1. Identification", "2. Relations", "5. Budget", "6. Le projet", "6 bis. Budget du projet", "7."):
        assert titre in texte, titre
    assert "Total des charges" in texte and "Total des produits" in texte
    assert "20 000,00" in texte  # the subsidy asked for, line 74
    assert "Consultation des Équipes Pluridisciplinaires" in texte
    assert "Pièces jointes" in texte
    assert texte.index("1. Identification") < texte.index("6 bis. Budget du projet") < texte.index("Pièces jointes")


def test_the_acknowledgement_of_receipt_gives_the_number_and_date(world, django_capture_on_commit_callbacks):
    rapport = produire(world.porteur, "accuse", django_capture_on_commit_callbacks, dossier=world.dossier_depose.pk)

    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "Accusé de réception" in texte
    assert world.dossier_depose.numero_accuse in texte


def test_a_draft_has_no_acknowledgement_and_the_report_fails_with_a_french_message(
    world, django_capture_on_commit_callbacks
):
    rapport = produire(world.porteur, "accuse", django_capture_on_commit_callbacks, dossier=world.dossier_brouillon.pk)

    assert rapport.statut == StatutRapport.ECHEC
    assert rapport.erreur == "Ce dossier n'a pas encore été déposé : il n'a pas d'accusé de réception."


def test_the_notification_letter_of_a_retained_dossier_gives_the_amount_and_the_appeal_routes(
    world, django_capture_on_commit_callbacks
):
    dossier = world.dossier_autre
    dossier.retenir(world.coordination, Decimal("21000"))

    rapport = produire(world.porteur_autre, "notification", django_capture_on_commit_callbacks, dossier=dossier.pk)

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "Notification d'attribution" in texte
    assert "21 000,00 €" in texte
    for mention in ("recours gracieux", "recours hiérarchique", "tribunal administratif de Rouen", "Télérecours"):
        assert mention in texte, mention
    assert "deux mois" in texte


def test_the_committee_report_ranks_dossiers_with_scores_per_criterion_and_the_envelope(
    world, django_capture_on_commit_callbacks
):
    evaluation = Evaluation.objects.create(dossier=world.dossier_autre, instructeur=world.instructeur)
    for note, critere in zip((5, 4, 3), world.appel.criteres.order_by("ordre"), strict=True):
        NoteCritere.objects.create(evaluation=evaluation, critere=critere, note=note)
    evaluation.soumettre()

    rapport = produire(world.instructeur, "comite", django_capture_on_commit_callbacks, appel=world.appel.pk)

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "Classement des dossiers" in texte and "Notes par critère" in texte
    assert "Pertinence" in texte
    assert "154 000,00 €" in texte  # envelope, nothing granted yet: everything remains
    assert world.asso_autre.nom in texte
    assert world.asso.nom not in texte  # the applicant's draft is not in the ranking
    assert world.dossier_autre.statut == StatutDossier.EN_INSTRUCTION


def test_the_dossiers_workbook_lists_the_calls_submitted_dossiers(world, django_capture_on_commit_callbacks):
    from openpyxl import load_workbook

    rapport = produire(world.coordination, "dossiers", django_capture_on_commit_callbacks, appel=world.appel.pk)

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    with rapport.fichier.open("rb") as fichier:
        lignes = list(load_workbook(fichier, read_only=True)["Dossiers"].iter_rows(values_only=True))
    organismes = [ligne[1] for ligne in lignes[2:]]
    assert organismes == [world.asso_autre.nom]
