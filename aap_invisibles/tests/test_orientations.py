"""From funded action to the PLIE: a young person oriented with consent lands in the entry
commission's queue, and the call's funnel counts them."""

from django.urls import reverse
from django.utils import timezone

from aap_invisibles.models import Bilan, OrientationPLIE, entonnoir
from parcours.choices import DecisionCommission
from parcours.models import Parcours
from participants.models import Participant

JEUNE = {
    "prenom": "Yanis",
    "nom": "Haddad",
    "date_naissance": "2006-04-12",
    "commune": "76540",
    "telephone": "06 12 34 56 78",
    "consentement": "on",
}


def orienter(client, dossier, **donnees):
    return client.post(reverse("aap_invisibles:dossier_orienter", args=[dossier.pk]), {**JEUNE, **donnees})


def test_an_orientation_lands_in_the_entry_commission_queue_with_the_funded_organisation(world, client_of):
    reponse = orienter(client_of(world.porteur_autre), world.dossier_retenu)
    assert reponse.status_code == 302
    parcours = Parcours.objects.get(participant__nom="Haddad")
    assert parcours.decision_commission == DecisionCommission.EN_ATTENTE
    assert parcours.prescripteur == world.dossier_retenu.porteur
    assert parcours in Parcours.objects.en_attente_commission()
    assert OrientationPLIE.objects.get(parcours=parcours).dossier == world.dossier_retenu


def test_the_commission_sees_which_call_oriented_the_person(world, client_of):
    from parcours.models import SessionCommission

    orienter(client_of(world.porteur_autre), world.dossier_retenu)
    session = SessionCommission.objects.create(
        date=timezone.localdate(), membres_presents="Coordination", cree_par=world.coordination
    )
    page = client_of(world.coordination).get(reverse("parcours:commission_detail", args=[session.pk]))
    assert f"via l'appel à projets « {world.dossier_retenu.appel.titre} »" in page.content.decode()


def test_without_consent_nothing_is_created_and_the_form_comes_back(world, client_of):
    donnees = {k: v for k, v in JEUNE.items() if k != "consentement"}
    reponse = client_of(world.porteur_autre).post(
        reverse("aap_invisibles:dossier_orienter", args=[world.dossier_retenu.pk]), donnees
    )
    assert reponse.status_code == 200
    assert "Haddad" in reponse.content.decode()
    assert not Participant.objects.filter(nom="Haddad").exists()


def test_without_any_contact_the_orientation_is_refused(world, client_of):
    reponse = orienter(client_of(world.porteur_autre), world.dossier_retenu, telephone="")
    assert "Indiquez un téléphone ou un e-mail" in reponse.content.decode()


def test_a_dossier_not_retained_cannot_orient(world, client_of):
    orienter(client_of(world.porteur), world.dossier_depose)
    assert not Participant.objects.filter(nom="Haddad").exists()


def test_a_person_already_known_is_not_duplicated(world, client_of):
    client = client_of(world.porteur_autre)
    orienter(client, world.dossier_retenu)
    orienter(client, world.dossier_retenu)
    assert Participant.objects.filter(nom="Haddad").count() == 1
    assert OrientationPLIE.objects.filter(dossier=world.dossier_retenu).count() == 1


def test_the_funnel_counts_equal_hand_built_cases(world, client_of):
    client = client_of(world.porteur_autre)
    Bilan.objects.create(dossier=world.dossier_retenu, jeunes_reperes=40, jeunes_mobilises=25, depose_le=timezone.now())
    for prenom, naissance in (("Yanis", "2006-04-12"), ("Lina", "2005-09-30"), ("Tom", "2007-01-05")):
        orienter(client, world.dossier_retenu, prenom=prenom, date_naissance=naissance)
    entre = Parcours.objects.get(participant__prenom="Lina")
    entre.decision_commission = DecisionCommission.VALIDEE
    entre.date_entree = timezone.localdate()
    entre.save()
    (ligne,) = entonnoir([world.appel_bis])
    assert (ligne["reperes"], ligne["mobilises"], ligne["orientes"], ligne["entres"]) == (40, 25, 3, 1)


def test_the_coordination_dashboard_shows_the_funnel(world, client_of):
    Bilan.objects.create(dossier=world.dossier_retenu, jeunes_reperes=40, jeunes_mobilises=25, depose_le=timezone.now())
    page = client_of(world.coordination).get(reverse("home")).content.decode()
    assert "du repérage à l'entrée dans le PLIE" in page


def test_the_applicant_sees_the_orientations_it_sent(world, client_of):
    client = client_of(world.porteur_autre)
    orienter(client, world.dossier_retenu)
    page = client.get(world.dossier_retenu.get_absolute_url()).content.decode()
    assert "Yanis HADDAD" in page and "orientation transmise le" in page
