"""Applicant sign-up, email verification and invitation of a colleague."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from aap_invisibles.models import DemandeAdhesion, StatutDemande
from accounts.models import User
from partners.models import Structure

MDP = "Un-mot-de-passe-solide-2020"


def donnees(**extra):
    return {
        "prenom": "Léo",
        "nom": "Roux",
        "email": "leo@asso.fr",
        "password1": MDP,
        "password2": MDP,
        "structure_nom": "Asso nouvelle",
        "rna": "W763005555",
        **extra,
    }


def test_sign_up_needs_a_siret_or_an_rna(world, client_of):
    reponse = client_of(None).post(reverse("aap_invisibles:inscription"), donnees(rna=""))
    assert "SIRET ou le numéro RNA" in reponse.content.decode()
    assert not User.objects.filter(email="leo@asso.fr").exists()


def test_a_weak_password_is_refused_and_the_form_keeps_what_was_typed(world, client_of):
    reponse = client_of(None).post(reverse("aap_invisibles:inscription"), donnees(password1="court", password2="court"))
    page = reponse.content.decode()
    assert "12 caractères" in page
    assert 'value="Asso nouvelle"' in page
    assert not Structure.objects.filter(nom="Asso nouvelle").exists()


def sans_jeton(page):
    """The page without its CSRF token (different for every client)."""
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", page)


def lien(boite):
    return re.search(r"testserver(/\S+)", boite[-1].body).group(1)


def inscrire(client, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("aap_invisibles:inscription"), donnees(**extra))


def test_an_existing_organisation_is_joined_only_once_a_member_approves(
    world, client_of, django_capture_on_commit_callbacks
):
    client = client_of(None)
    inscrire(client, django_capture_on_commit_callbacks, rna=world.asso.rna)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(lien(mail.outbox))
    assert "déjà inscrite" in reponse.content.decode()
    leo = User.objects.get(email="leo@asso.fr")
    assert not leo.is_active and leo.structure is None
    assert mail.outbox[-1].to == [world.porteur.email]  # the organisation's member is asked
    demande = DemandeAdhesion.objects.get(utilisateur=leo)
    with django_capture_on_commit_callbacks(execute=True):
        client_of(world.porteur).post(
            reverse("aap_invisibles:adhesion_decider", args=[demande.pk]), {"decision": "accepter"}
        )
    leo.refresh_from_db()
    assert leo.is_active and leo.structure == world.asso
    assert mail.outbox[-1].to == ["leo@asso.fr"]


def test_a_member_of_another_organisation_cannot_decide_the_request(
    world, client_of, django_capture_on_commit_callbacks
):
    client = client_of(None)
    inscrire(client, django_capture_on_commit_callbacks, rna=world.asso.rna)
    client.post(lien(mail.outbox))
    demande = DemandeAdhesion.objects.get(utilisateur__email="leo@asso.fr")
    reponse = client_of(world.porteur_autre).post(
        reverse("aap_invisibles:adhesion_decider", args=[demande.pk]), {"decision": "accepter"}
    )
    assert reponse.status_code == 404
    assert not User.objects.get(email="leo@asso.fr").is_active


def test_a_refused_request_leaves_the_account_inactive_and_outside(
    world, client_of, django_capture_on_commit_callbacks
):
    client = client_of(None)
    inscrire(client, django_capture_on_commit_callbacks, rna=world.asso.rna)
    client.post(lien(mail.outbox))
    demande = DemandeAdhesion.objects.get(utilisateur__email="leo@asso.fr")
    client_of(world.coordination).post(
        reverse("aap_invisibles:adhesion_decider", args=[demande.pk]), {"decision": "refuser"}
    )
    leo = User.objects.get(email="leo@asso.fr")
    assert (leo.is_active, leo.structure, DemandeAdhesion.objects.get(pk=demande.pk).statut) == (
        False,
        None,
        StatutDemande.REFUSEE,
    )


def test_nobody_claims_an_organisation_before_verifying_an_address(
    world, client_of, django_capture_on_commit_callbacks
):
    inscrire(client_of(None), django_capture_on_commit_callbacks, rna="W763009999", email="intrus@exemple.fr")
    assert not Structure.objects.filter(rna="W763009999").exists()  # the stranger never verified
    client = client_of(None)
    inscrire(client, django_capture_on_commit_callbacks, rna="W763009999")
    client.post(lien(mail.outbox))
    structure = Structure.objects.get(rna="W763009999")
    assert list(structure.utilisateurs.values_list("email", flat=True)) == ["leo@asso.fr"]


def test_sign_up_answers_the_same_whether_or_not_the_address_has_an_account(
    world, client_of, django_capture_on_commit_callbacks
):
    nouveau = inscrire(client_of(None), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    existant = inscrire(
        client_of(None), django_capture_on_commit_callbacks, email=world.porteur.email, rna="W763001111"
    )
    assert existant.status_code == nouveau.status_code == 200
    assert sans_jeton(existant.content.decode().replace(world.porteur.email, "X")) == sans_jeton(
        nouveau.content.decode().replace("leo@asso.fr", "X")
    )
    assert User.objects.filter(email=world.porteur.email).count() == 1
    assert not Structure.objects.filter(rna="W763001111").exists()
    (courriel,) = mail.outbox
    assert courriel.to == [world.porteur.email] and "déjà un compte" in courriel.body


def test_the_account_stays_inactive_until_the_signed_link_is_followed(
    world, client_of, django_capture_on_commit_callbacks
):
    client = client_of(None)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("aap_invisibles:inscription"), donnees())
    user = User.objects.get(email="leo@asso.fr")
    assert not user.is_active and user.role == "porteur"
    chemin = re.search(r"testserver(/\S+)", mail.outbox[-1].body).group(1)
    assert client.get(chemin[:-3] + "xyz/").status_code == 404
    client.post(chemin)
    user.refresh_from_db()
    assert user.is_active
    assert client.post(chemin).status_code == 404


def test_a_member_invites_a_colleague_who_chooses_a_password(world, client_of, django_capture_on_commit_callbacks):
    client = client_of(world.porteur)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            reverse("aap_invisibles:invitation"), {"email": "collegue@asso.fr", "prenom": "Ana", "nom": "Lopez"}
        )
    assert reponse.status_code == 302
    invite = User.objects.get(email="collegue@asso.fr")
    assert (invite.structure, invite.is_active) == (world.asso, False)
    chemin = re.search(r"testserver(/\S+)", mail.outbox[-1].body).group(1)
    client = client_of(None)
    client.post(chemin, {"password1": MDP, "password2": MDP})
    invite.refresh_from_db()
    assert invite.is_active and invite.check_password(MDP)


def test_a_sign_up_link_opens_neither_an_invitation_nor_a_second_activation(
    world, client_of, django_capture_on_commit_callbacks
):
    client = client_of(None)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("aap_invisibles:inscription"), donnees())
    chemin = re.search(r"testserver(/\S+)", mail.outbox[-1].body).group(1)
    uidb64, token = chemin.rstrip("/").split("/")[-2:]

    autre_usage = reverse("aap_invisibles:invitation_accepter", kwargs={"uidb64": uidb64, "token": token})
    assert client.get(autre_usage).status_code == 404
    assert client.post(chemin).status_code == 302
    assert client.get(chemin).status_code == 404


def test_a_request_decided_meanwhile_cannot_be_decided_again(world, client_of, django_capture_on_commit_callbacks):
    client = client_of(None)
    inscrire(client, django_capture_on_commit_callbacks, rna=world.asso.rna)
    client.post(lien(mail.outbox))
    demande = DemandeAdhesion.objects.get(utilisateur__email="leo@asso.fr")
    premier = client_of(world.porteur)
    adresse = reverse("aap_invisibles:adhesion_decider", args=[demande.pk])
    demande_vue_avant = DemandeAdhesion.objects.get(pk=demande.pk)
    premier.post(adresse, {"decision": "refuser"})
    # A second decision on the stale object (a colleague's page opened earlier) is refused in French.
    from aap_invisibles.models import TransitionInvalide

    with pytest.raises(TransitionInvalide):
        demande_vue_avant.decider(world.coordination, True)
    assert DemandeAdhesion.objects.get(pk=demande.pk).statut == StatutDemande.REFUSEE


def test_following_the_link_twice_writes_to_the_members_once(world, client_of, django_capture_on_commit_callbacks):
    client = client_of(None)
    inscrire(client, django_capture_on_commit_callbacks, rna=world.asso.rna)
    chemin = lien(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(chemin)
    avant = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(chemin)
    assert len(mail.outbox) == avant
