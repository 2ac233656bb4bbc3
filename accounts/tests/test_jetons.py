"""Personal tokens on the account page: created, shown once, listed, revoked."""

import re

from django.urls import reverse

from accounts.models import JetonPersonnel


def creer(client, usage="api", nom="Script de suivi", duree="90"):
    return client.post(
        reverse("accounts:jeton_creer", args=[usage]), {f"{usage}-nom": nom, f"{usage}-duree": duree}, follow=True
    )


def test_a_new_token_is_shown_once_and_only_its_fingerprint_is_kept(world, client_of):
    page = creer(client_of(world.partenaire)).content.decode()
    secret = re.search(r'value="(plie_[^"]+)"', page).group(1)
    jeton = JetonPersonnel.objects.get(utilisateur=world.partenaire, nom="Script de suivi")
    assert secret not in {jeton.empreinte, jeton.debut}
    assert secret not in client_of(world.partenaire).get(reverse("accounts:jetons")).content.decode()


def test_a_token_created_on_the_page_opens_the_api(world, client_of):
    page = creer(client_of(world.partenaire)).content.decode()
    secret = re.search(r'value="(plie_[^"]+)"', page).group(1)
    client = client_of(None)
    assert client.get(reverse("api:participants"), HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200


def test_a_token_lives_as_long_as_chosen(world, client_of):
    creer(client_of(world.referent), duree="30")
    jeton = JetonPersonnel.objects.get(utilisateur=world.referent, nom="Script de suivi")
    assert (jeton.expire_le - jeton.cree_le).days in (29, 30)


def test_reloading_the_page_after_a_creation_neither_shows_the_secret_again_nor_creates_a_token(world, client_of):
    client = client_of(world.partenaire)
    creer(client)
    page = client.get(reverse("accounts:jetons")).content.decode()
    assert 'value="plie_' not in page
    assert JetonPersonnel.objects.filter(utilisateur=world.partenaire, nom="Script de suivi").count() == 1


def test_an_applicant_is_offered_no_api_token(world, client_of):
    assert creer(client_of(world.porteur)).status_code == 403


def test_a_token_without_a_name_is_refused_with_the_reason(world, client_of):
    reponse = creer(client_of(world.referent), nom="")
    assert reponse.status_code == 400
    assert "Ce champ est obligatoire" in reponse.content.decode()


def test_revoking_a_token_stops_it_and_keeps_it_listed_as_revoked(world, client_of):
    client = client_of(world.referent)
    reponse = client.post(reverse("accounts:jeton_revoquer", args=[world.jeton_referent.pk]))
    assert reponse.status_code == 302
    world.jeton_referent.refresh_from_db()
    assert world.jeton_referent.revoque_le is not None
    assert "révoqué" in client.get(reverse("accounts:jetons")).content.decode()


def test_the_revoke_button_asks_for_confirmation(world, client_of):
    page = client_of(world.referent).get(reverse("accounts:jetons")).content.decode()
    assert 'data-confirm="Révoquer le jeton' in page


def test_nobody_revokes_another_person_s_token(world, client_of):
    reponse = client_of(world.coordination).post(reverse("accounts:jeton_revoquer", args=[world.jeton_referent.pk]))
    assert reponse.status_code == 404


def test_a_partner_has_no_calendar_address_to_create(world, client_of):
    assert creer(client_of(world.partenaire), usage="agenda").status_code == 403


def test_the_yearly_purge_removes_tokens_dead_for_more_than_a_year(world):
    import datetime

    from django.utils import timezone

    JetonPersonnel.objects.filter(pk=world.jeton_referent.pk).update(
        expire_le=timezone.now() - datetime.timedelta(days=400)
    )
    assert JetonPersonnel.objects.purge() == 1
    assert not JetonPersonnel.objects.filter(pk=world.jeton_referent.pk).exists()
