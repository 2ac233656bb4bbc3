from reports.models import StatutRapport
from reports.tests.helpers import est_balise, lire_pdf, produire


def test_the_parcours_sheet_of_a_referent_holds_identity_situation_steps_and_is_tagged(
    world, django_capture_on_commit_callbacks
):
    rapport = produire(world.referent, "parcours", django_capture_on_commit_callbacks, participant=world.participant.pk)

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "LEFÈVRE" in texte and "Hélène" in texte
    assert "Situation à l'entrée" in texte
    assert "Page 1 sur" in texte
    assert texte.index("Identité et coordonnées") < texte.index("Étapes")
