"""Coordination manages the accounts of structures (partners/views/utilisateurs.py)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Role

pytestmark = pytest.mark.django_db
User = get_user_model()


def inviter(client, structure, **extra):
    return client.post(
        reverse("partners:inviter"),
        {
            "email": "Nouvelle@ACI.fr",
            "first_name": "Inès",
            "last_name": "Morel",
            "structure": structure.pk,
            "role": Role.PARTENAIRE,
            **extra,
        },
    )


def test_an_invitation_creates_the_account_and_emails_a_link_after_commit(
    world, client_of, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = inviter(client_of(world.coordination), world.aci)
    assert response.status_code == 302 and len(callbacks) == 1
    user = User.objects.get(email="nouvelle@aci.fr")
    assert user.structure == world.aci and user.role == Role.PARTENAIRE and not user.has_usable_password()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["nouvelle@aci.fr"]
    lien = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    # The link is Django's password reset: it leads to the form to choose a password.
    anonyme = client_of(None)
    formulaire = anonyme.get(lien, follow=True)
    assert formulaire.status_code == 200 and formulaire.context["validlink"]
    anonyme.post(
        formulaire.redirect_chain[-1][0],
        {"new_password1": "Un-Mot-De-Passe-Solide-2026", "new_password2": "Un-Mot-De-Passe-Solide-2026"},
    )
    user.refresh_from_db()
    assert user.check_password("Un-Mot-De-Passe-Solide-2026")


def test_an_invitation_to_an_existing_email_is_refused_without_sending_anything(
    world, client_of, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = inviter(client_of(world.coordination), world.aci, email=world.partenaire.email.upper())
    assert "Un compte existe déjà avec cette adresse e-mail." in response.content.decode()
    assert mailoutbox == []


def test_coordination_changes_the_role_of_an_account(world, client_of):
    client_of(world.coordination).post(
        reverse("partners:utilisateur_modifier", args=[world.partenaire_autre.pk]),
        {"role": Role.REFERENT, "structure": world.of_autre.pk},
    )
    world.partenaire_autre.refresh_from_db()
    assert world.partenaire_autre.role == Role.REFERENT


def test_a_referent_who_still_follows_participants_keeps_the_role_until_reassigned(world, client_of):
    response = client_of(world.coordination).post(
        reverse("partners:utilisateur_modifier", args=[world.referent.pk]),
        {"role": Role.PARTENAIRE, "structure": world.plie.pk},
    )
    assert response.content.decode().count("réaffectez d&#x27;abord son portefeuille") == 1
    world.referent.refresh_from_db()
    assert world.referent.role == Role.REFERENT


def test_deactivation_asks_for_confirmation_and_reactivation_restores_the_account(world, client_of):
    client = client_of(world.coordination)
    page = client.get(reverse("partners:utilisateurs"), {"structure": world.aci.pk}).content.decode()
    assert "data-confirm=" in page and world.partenaire.email in page
    url = reverse("partners:utilisateur_activer", args=[world.partenaire.pk])
    client.post(url)
    world.partenaire.refresh_from_db()
    assert not world.partenaire.is_active
    client.post(url)
    world.partenaire.refresh_from_db()
    assert world.partenaire.is_active


def test_coordination_cannot_deactivate_itself(world, client_of):
    client_of(world.coordination).post(reverse("partners:utilisateur_activer", args=[world.coordination.pk]))
    world.coordination.refresh_from_db()
    assert world.coordination.is_active


def test_the_user_list_filters_by_structure_and_role(world, client_of):
    response = client_of(world.coordination).get(
        reverse("partners:utilisateurs"), {"structure": world.plie.pk, "role": Role.REFERENT}
    )
    emails = {u.email for u in response.context["utilisateurs"]}
    assert emails == {world.referent.email, world.referent_collegue.email}


def test_an_invitation_task_sends_nothing_once_the_password_is_chosen(world, mailoutbox):
    from partners.tasks import envoyer_invitation

    assert envoyer_invitation(world.partenaire.pk, "https://portail.exemple.fr", "Coordination") is False
    assert mailoutbox == []


def test_an_imported_account_without_password_is_invited_when_coordination_activates_it(
    world, client_of, django_capture_on_commit_callbacks
):
    from django.core import mail

    importe = User.objects.create(email="ancienne@plie.fr", role=Role.REFERENT, structure=world.plie, is_active=False)
    importe.set_unusable_password()
    importe.save()
    client = client_of(world.coordination)
    page = client.get(reverse("partners:utilisateurs"), {"structure": world.plie.pk}).content.decode()
    assert 'Inviter<span class="visually-hidden"> ancienne@plie.fr' in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partners:utilisateur_activer", args=[importe.pk]))

    importe.refresh_from_db()
    assert importe.is_active
    assert [m.to for m in mail.outbox] == [["ancienne@plie.fr"]]
