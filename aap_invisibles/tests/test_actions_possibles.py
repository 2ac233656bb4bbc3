"""One table of who may do what on a dossier (models/actions.py): the page offers exactly the actions
it lists, and every action it does not list is refused, changing nothing."""

import pytest
from django.urls import reverse

from aap_invisibles.models import Dossier, StatutAppel, StatutDossier
from aap_invisibles.models.actions import REGLES

pytestmark = pytest.mark.django_db

# The URL each action of the dossier page posts to (the deposit has its own page).
URLS = {
    "deposer": "aap_invisibles:dossier_deposer",
    "recevabilite": "aap_invisibles:dossier_recevabilite",
    "correction": "aap_invisibles:dossier_correction",
    "repondre_correction": "aap_invisibles:dossier_correction_repondre",
    "noter": "aap_invisibles:dossier_evaluation",
    "conflit": "aap_invisibles:dossier_conflit",
    "annoter": "aap_invisibles:dossier_annotation",
    "etiqueter": "aap_invisibles:dossier_etiquettes",
    "demander_avis": "aap_invisibles:dossier_avis_demander",
    "orienter": "aap_invisibles:dossier_orienter",
    "ecrire": "aap_invisibles:dossier_message",
    "audition": "aap_invisibles:dossier_audition",
    "proposition": "aap_invisibles:dossier_proposition",
    "decision": "aap_invisibles:dossier_decision",
    "sans_suite": "aap_invisibles:dossier_sans_suite",
    "reouvrir": "aap_invisibles:dossier_reouvrir",
    "convention": "aap_invisibles:dossier_convention",
    "versement": "aap_invisibles:dossier_versement",
}
CAS = [
    ("porteur", "dossier_brouillon"),
    ("porteur", "dossier_depose"),
    ("porteur_autre", "dossier_autre"),
    ("porteur_autre", "dossier_retenu"),
    ("instructeur", "dossier_depose"),
    ("instructeur", "dossier_autre"),
    ("instructeur", "dossier_retenu"),
    ("coordination", "dossier_depose"),
    ("coordination", "dossier_autre"),
    ("coordination", "dossier_retenu"),
]


def test_every_action_of_the_table_has_its_url():
    assert set(URLS) == set(REGLES)


@pytest.mark.parametrize(("persona", "nom_dossier"), CAS)
def test_the_dossier_page_offers_exactly_the_possible_actions(world, client_of, persona, nom_dossier):
    user, dossier = getattr(world, persona), getattr(world, nom_dossier)
    page = client_of(user).get(dossier.get_absolute_url()).content.decode()
    offertes = {action for action, nom in URLS.items() if reverse(nom, args=[dossier.pk]) in page}
    assert offertes == dossier.actions_possibles(user)


@pytest.mark.parametrize(("persona", "nom_dossier"), CAS)
def test_an_action_the_table_refuses_changes_nothing_when_posted(world, client_of, persona, nom_dossier):
    user, dossier = getattr(world, persona), getattr(world, nom_dossier)
    client = client_of(user)
    avant = (dossier.statut, dossier.transitions.count(), dossier.messages.count(), dossier.annotations.count())
    for action in set(REGLES) - dossier.actions_possibles(user) - {"deposer"}:
        response = client.post(reverse(URLS[action], args=[dossier.pk]), {"motif": "Essai", "texte": "Essai"})
        assert response.status_code in (200, 403, 404), action
        apres = Dossier.objects.get(pk=dossier.pk)
        assert (apres.statut, apres.transitions.count(), apres.messages.count(), apres.annotations.count()) == avant


def test_a_hearing_is_not_offered_while_a_correction_awaits_the_applicant(world):
    world.dossier_autre.demander_correction(world.instructeur, ["3"], "Précisez vos partenaires.")
    actions = world.dossier_autre.actions_possibles(world.instructeur)
    assert "audition" not in actions and "correction" not in actions
    assert world.dossier_autre.refus("audition", world.instructeur)[0] == "etat"


def test_only_the_applicant_is_offered_the_answer_to_a_correction(world):
    world.dossier_autre.demander_correction(world.instructeur, ["3"], "Précisez vos partenaires.")
    assert "repondre_correction" in world.dossier_autre.actions_possibles(world.porteur_autre)
    assert world.dossier_autre.refus("repondre_correction", world.instructeur)[0] == "role"


def test_a_draft_past_its_deadline_is_no_longer_offered_for_deposit(world):
    brouillon = world.dossier_brouillon
    brouillon.appel.statut = StatutAppel.DECIDE
    assert brouillon.statut == StatutDossier.BROUILLON
    assert "deposer" not in brouillon.actions_possibles(world.porteur)
