"""Applicant sign-up, email verification and invitation of a colleague."""

import re

from django.core import mail
from django.urls import reverse

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


def test_an_existing_organisation_is_not_joined_silently(world, client_of):
    reponse = client_of(None).post(reverse("aap_invisibles:inscription"), donnees(rna=world.asso.rna))
    assert "inviter" in reponse.content.decode()
    assert not User.objects.filter(email="leo@asso.fr").exists()
    assert world.asso.utilisateurs.count() == 1


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
