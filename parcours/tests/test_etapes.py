"""Steps from both sides: proposal and edit by the referent, answers and progress by the partner
(parcours/etapes/views.py)."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import AccesDonnees
from notifications.models import Categorie, Notification
from parcours.choices import MotifRefusEtape, StatutEtape
from parcours.models import Etape, Transition
from parcours.tests.factories import EtapeFactory, ParcoursFactory
from participants.tests.factories import ParticipantFactory
from partners.tests.factories import EtapeTypeFactory, StructureFactory

pytestmark = pytest.mark.django_db


def transition(client, etape, action, **data):
    return client.post(reverse("parcours:etape_transition", args=[etape.pk, action]), data)


@pytest.fixture
def offre(world):
    """A step type offered by two structures, one in the participant's commune (Rouen)."""
    etape_type = EtapeTypeFactory(code="mobilite-offre", libelle="Aide à la mobilité")
    loin = StructureFactory(nom="Aaa mobilité Elbeuf", commune_id="76231")
    proche = StructureFactory(nom="Zzz mobilité Rouen", commune_id="76540")
    etape_type.structures.add(loin, proche, world.aci)
    return etape_type, proche, loin


def test_the_structures_offering_the_type_are_listed_same_commune_first(world, client_of, offre):
    etape_type, proche, loin = offre
    response = client_of(world.referent).get(
        reverse("parcours:etape_proposer", args=[world.parcours.pk]), {"type": etape_type.pk}, HTTP_HX_REQUEST="true"
    )
    structures = list(response.context["form"].fields["structure"].queryset)
    assert structures.index(proche) < structures.index(loin)
    assert world.ccas not in structures
    assert "<html" not in response.content.decode()  # an HTMX fragment, not the page


def test_without_javascript_the_update_button_refreshes_the_structures(world, client_of, offre):
    etape_type, proche, _loin = offre
    response = client_of(world.referent).post(
        reverse("parcours:etape_proposer", args=[world.parcours.pk]), {"type": etape_type.pk, "rafraichir": "1"}
    )
    assert response.status_code == 200
    assert proche in response.context["form"].fields["structure"].queryset
    assert not Etape.objects.filter(type=etape_type).exists()


def test_a_referent_proposes_a_step_and_the_partners_of_the_structure_are_notified(
    world, client_of, offre, django_capture_on_commit_callbacks, mailoutbox
):
    etape_type, _proche, _loin = offre
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(world.referent).post(
            reverse("parcours:etape_proposer", args=[world.parcours.pk]),
            {
                "type": etape_type.pk,
                "structure": world.aci.pk,
                "date_debut_prevue": "2026-03-02",
                "date_fin_prevue": "2026-04-30",
                "objectif": "Obtenir le code",
            },
        )
    assert response.status_code == 302
    etape = Etape.objects.get(type=etape_type)
    assert etape.statut == StatutEtape.PROPOSEE and etape.proposee_par == world.referent
    assert Notification.objects.get(utilisateur=world.partenaire).categorie == Categorie.ETAPE_PROPOSEE
    assert [m.to for m in mailoutbox] == [[world.partenaire.email]]


def test_a_structure_not_offering_the_type_is_refused(world, client_of, offre):
    etape_type, _proche, _loin = offre
    response = client_of(world.referent).post(
        reverse("parcours:etape_proposer", args=[world.parcours.pk]),
        {"type": etape_type.pk, "structure": world.ccas.pk},
    )
    assert response.status_code == 200 and response.context["form"].errors["structure"]
    assert not Etape.objects.filter(type=etape_type).exists()


def test_planned_end_before_start_is_refused_in_french(world, client_of, offre):
    etape_type, proche, _loin = offre
    response = client_of(world.referent).post(
        reverse("parcours:etape_proposer", args=[world.parcours.pk]),
        {
            "type": etape_type.pk,
            "structure": proche.pk,
            "date_debut_prevue": "2026-05-02",
            "date_fin_prevue": "2026-04-30",
        },
    )
    assert "La fin prévue ne peut pas précéder le début prévu." in response.content.decode()


def test_a_referent_edits_the_planned_dates_of_a_step(world, client_of):
    client_of(world.referent).post(
        reverse("parcours:etape_modifier", args=[world.etape.pk]),
        {"date_debut_prevue": "2026-02-01", "date_fin_prevue": "2026-07-31", "objectif": "Reprendre un rythme"},
    )
    world.etape.refresh_from_db()
    assert world.etape.date_fin_prevue == datetime.date(2026, 7, 31) and world.etape.objectif == "Reprendre un rythme"


def test_a_referent_cancels_a_proposal(world, client_of):
    transition(client_of(world.referent), world.etape_proposee, "annuler")
    world.etape_proposee.refresh_from_db()
    assert world.etape_proposee.statut == StatutEtape.ANNULEE
    assert Transition.objects.filter(etape=world.etape_proposee, vers=StatutEtape.ANNULEE, par=world.referent).exists()


def test_a_referent_cannot_answer_for_a_structure_that_has_its_own_account(world, client_of):
    response = transition(client_of(world.referent), world.etape_proposee, "accepter")
    assert response.status_code == 403
    world.etape_proposee.refresh_from_db()
    assert world.etape_proposee.statut == StatutEtape.PROPOSEE


def test_a_referent_records_the_answer_and_progress_of_a_structure_without_account(world, client_of):
    client = client_of(world.referent)
    etape = world.etape_sans_portail
    page = client.get(reverse("parcours:etape_detail", args=[etape.pk])).content.decode()
    assert "vous enregistrez vous-même sa réponse" in page
    transition(client, etape, "accepter", **{"accepter-commentaire": "Accord donné par téléphone"})
    transition(client, etape, "demarrer", **{"demarrer-date_debut": "2026-03-02"})
    transition(client, etape, "terminer", **{"terminer-date_fin": "2026-04-30", "terminer-resultat": "Permis obtenu"})
    etape.refresh_from_db()
    assert etape.statut == StatutEtape.TERMINEE and etape.resultat == "Permis obtenu"
    assert etape.commentaire_partenaire == "Accord donné par téléphone"


def test_a_partner_refuses_with_a_reason_and_the_referent_is_notified(world, client_of):
    transition(
        client_of(world.partenaire),
        world.etape_proposee,
        "refuser",
        **{"refuser-motif": MotifRefusEtape.COMPLET, "refuser-detail": "Session complète jusqu'en juin"},
    )
    world.etape_proposee.refresh_from_db()
    assert world.etape_proposee.statut == StatutEtape.REFUSEE
    assert world.etape_proposee.motif_refus == MotifRefusEtape.COMPLET
    notification = Notification.objects.filter(utilisateur=world.referent).exclude(pk=world.notification.pk).get()
    assert notification.categorie == Categorie.ETAPE_SUIVI and "refusée" in notification.titre


def test_a_refusal_without_reason_is_refused_and_the_form_shows_the_error(world, client_of):
    response = transition(client_of(world.partenaire), world.etape_proposee, "refuser", **{"refuser-detail": "Non"})
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    world.etape_proposee.refresh_from_db()
    assert world.etape_proposee.statut == StatutEtape.PROPOSEE


def test_an_end_date_before_the_start_is_refused_with_the_model_message(world, client_of):
    response = transition(
        client_of(world.partenaire),
        world.etape,
        "terminer",
        **{"terminer-date_fin": "2026-01-01", "terminer-resultat": "Fin"},
    )
    assert "La date de fin ne peut pas précéder la date de début." in response.content.decode()
    world.etape.refresh_from_db()
    assert world.etape.statut == StatutEtape.EN_COURS


def test_a_partner_abandons_a_step_with_a_reason(world, client_of):
    transition(
        client_of(world.partenaire),
        world.etape,
        "abandonner",
        **{"abandonner-date_fin": "2026-03-15", "abandonner-motif": "Déménagement"},
    )
    world.etape.refresh_from_db()
    assert world.etape.statut == StatutEtape.ABANDONNEE and world.etape.motif_detail == "Déménagement"


def test_a_partner_cannot_start_a_step_that_is_only_proposed(world, client_of):
    response = transition(
        client_of(world.partenaire), world.etape_proposee, "demarrer", **{"demarrer-date_debut": "2026-03-02"}
    )
    assert response.status_code == 302
    world.etape_proposee.refresh_from_db()
    assert world.etape_proposee.statut == StatutEtape.PROPOSEE


def test_a_partner_changes_only_dates_result_and_comment_whatever_the_post_contains(world, client_of):
    etape = world.etape
    avant = (etape.type_id, etape.structure_id, etape.parcours_id, etape.objectif, etape.statut)
    transition(
        client_of(world.partenaire),
        etape,
        "mettre_a_jour",
        **{
            "mettre_a_jour-date_debut": "2026-02-02",
            "mettre_a_jour-date_fin_prevue": "2026-06-30",
            "mettre_a_jour-commentaire_partenaire": "Très assidu",
            "mettre_a_jour-objectif": "Pirate",
            "mettre_a_jour-structure": world.of_autre.pk,
            "mettre_a_jour-statut": StatutEtape.TERMINEE,
            "objectif": "Pirate",
            "structure": world.of_autre.pk,
            "statut": StatutEtape.TERMINEE,
            "type": world.etape_type_libre.pk,
        },
    )
    etape.refresh_from_db()
    assert etape.commentaire_partenaire == "Très assidu" and etape.date_fin_prevue == datetime.date(2026, 6, 30)
    assert (etape.type_id, etape.structure_id, etape.parcours_id, etape.objectif, etape.statut) == avant


def test_a_partner_cannot_cancel_a_proposal(world, client_of):
    assert transition(client_of(world.partenaire), world.etape_proposee, "annuler").status_code == 403


def test_a_partner_gets_404_for_another_structures_step(world, client_of):
    client = client_of(world.partenaire)
    assert client.get(reverse("parcours:etape_detail", args=[world.etape_autre.pk])).status_code == 404
    assert transition(client, world.etape_autre, "accepter").status_code == 404


def test_a_partner_gets_404_for_a_step_ended_more_than_six_months_ago(world, client_of):
    ancienne = EtapeFactory(
        parcours=ParcoursFactory(participant=ParticipantFactory(referent=world.referent)),
        structure=world.aci,
        statut=StatutEtape.TERMINEE,
        date_debut=world.today - datetime.timedelta(days=400),
        date_fin=world.today - datetime.timedelta(days=200),
    )
    recente = EtapeFactory(
        parcours=ancienne.parcours,
        structure=world.aci,
        statut=StatutEtape.TERMINEE,
        date_debut=world.today - datetime.timedelta(days=100),
        date_fin=world.today - datetime.timedelta(days=20),
    )
    client = client_of(world.partenaire)
    assert client.get(reverse("parcours:etape_detail", args=[ancienne.pk])).status_code == 404
    assert client.get(reverse("parcours:etape_detail", args=[recente.pk])).status_code == 200


def test_a_partner_gets_404_for_a_participant_whose_only_step_ended_long_ago(world, client_of):
    hors_fenetre = ParticipantFactory(referent=world.referent)
    EtapeFactory(
        parcours=ParcoursFactory(participant=hors_fenetre),
        structure=world.aci,
        statut=StatutEtape.TERMINEE,
        date_debut=world.today - datetime.timedelta(days=400),
        date_fin=world.today - datetime.timedelta(days=200),
    )
    client = client_of(world.partenaire)
    assert client.get(reverse("participants:detail", args=[hors_fenetre.pk])).status_code == 404
    assert client.get(reverse("participants:detail", args=[world.participant_autre.pk])).status_code == 404
    assert client.get(reverse("participants:detail", args=[world.participant.pk])).status_code == 200


def test_the_step_page_of_a_partner_shows_identity_and_contact_but_no_history(world, client_of):
    world.participant.adresse = "12 rue Secrète"
    world.participant.save()
    response = client_of(world.partenaire).get(reverse("parcours:etape_detail", args=[world.etape.pk]))
    page = response.content.decode()
    assert world.participant.telephone in page and world.participant.email in page
    assert "12 rue Secrète" not in page
    assert "Historique" not in page and response.context["transitions"] is None
    assert "RSA" not in page and "Niveau de formation" not in page
    assert AccesDonnees.objects.filter(utilisateur=world.partenaire, objet_id=str(world.participant.pk)).exists()


def test_a_referent_sees_the_history_of_a_step(world, client_of):
    transition(client_of(world.partenaire), world.etape_proposee, "accepter")
    response = client_of(world.referent).get(reverse("parcours:etape_detail", args=[world.etape_proposee.pk]))
    assert "Historique de l" in response.content.decode()
    assert len(response.context["transitions"]) == 1
    assert "Proposée → Acceptée" in response.content.decode()  # the labels, not the codes
