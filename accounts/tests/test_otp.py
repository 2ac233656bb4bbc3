"""Second factor: enrolment, verification, backup codes, and the gate on personal data."""

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import otp

pytestmark = pytest.mark.django_db


def code_of(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_coordinator_with_a_password_alone_is_sent_to_enrolment(world, client_password_only):
    client = client_password_only(world.coordination)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_enrolement"))
    assert "next=%2F" in response["Location"]


def test_an_enrolled_instructor_with_a_password_alone_is_sent_to_verification(world, client_password_only):
    otp.new_backup_codes(world.instructeur, ["12345678"])
    client = client_password_only(world.instructeur)
    response = client.get(reverse("home"))
    assert response["Location"].startswith(reverse("accounts:otp_verification"))


def test_an_htmx_request_without_second_factor_gets_hx_redirect(world, client_password_only):
    client = client_password_only(world.admin)
    response = client.get(reverse("home"), headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("accounts:otp_enrolement"))


def test_a_referent_without_device_is_not_asked_for_a_second_factor(world, client_password_only):
    response = client_password_only(world.referent).get(reverse("home"))
    assert response.status_code == 200


def test_a_referent_who_enrolled_is_asked_for_the_second_factor_too(world, client_password_only):
    otp.new_backup_codes(world.referent, ["12345678"])
    response = client_password_only(world.referent).get(reverse("home"))
    assert response["Location"].startswith(reverse("accounts:otp_verification"))


def test_public_pages_logout_and_healthz_stay_reachable_without_second_factor(world, client_password_only):
    client = client_password_only(world.coordination)
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(reverse("accounts:password_reset")).status_code == 200
    assert client.get(reverse("accounts:otp_enrolement")).status_code == 200
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_enrolment_shows_a_qr_code_and_the_secret_and_a_right_code_activates(world, client_password_only):
    client = client_password_only(world.coordination)
    response = client.get(reverse("accounts:otp_enrolement"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'src="data:image/svg+xml;base64,' in content
    assert not TOTPDevice.objects.filter(user=world.coordination).exists()  # viewing writes no device
    device = TOTPDevice(key=client.session[otp.CLE_ENROLEMENT])
    assert otp.secret_key_text(device) in content

    response = client.post(reverse("accounts:otp_enrolement"), {"code": code_of(device), "next": "/"})
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=world.coordination)
    assert device.confirmed
    codes = response.context["codes"]
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=world.coordination).values_list("token", flat=True)
    )
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(reverse("home")).status_code == 200


def test_a_wrong_enrolment_code_keeps_the_device_unconfirmed(world, client_password_only):
    client = client_password_only(world.coordination)
    client.get(reverse("accounts:otp_enrolement"))
    response = client.post(reverse("accounts:otp_enrolement"), {"code": "000000"})
    assert response.status_code == 200
    assert "ne correspond pas" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=world.coordination, confirmed=True).exists()


def test_viewing_the_enrolment_page_again_and_again_creates_no_device(world, client_password_only):
    client = client_password_only(world.coordination)
    for _ in range(3):
        client.get(reverse("accounts:otp_enrolement"))
    assert not TOTPDevice.objects.filter(user=world.coordination).exists()


def test_with_a_password_alone_nobody_can_replace_an_enrolled_device(world, client_password_only):
    otp.new_backup_codes(world.coordination, ["12345678"])
    response = client_password_only(world.coordination).get(reverse("accounts:otp_enrolement"))
    assert response["Location"] == reverse("accounts:otp_verification")
    assert not TOTPDevice.objects.filter(user=world.coordination).exists()


def test_verification_with_the_application_code_opens_the_portal(world, client_password_only):
    device = TOTPDevice.objects.create(user=world.instructeur, name="app", confirmed=True)
    client = client_password_only(world.instructeur)
    response = client.post(reverse("accounts:otp_verification"), {"code": code_of(device), "next": "/partenaires/"})
    assert response.status_code == 302
    assert response["Location"] == "/partenaires/"
    assert client.get(reverse("home")).status_code == 200


def test_a_backup_code_works_once(world, client_password_only):
    otp.new_backup_codes(world.coordination, ["aaaa1111", "bbbb2222"])
    client = client_password_only(world.coordination)
    response = client.post(reverse("accounts:otp_verification"), {"code": "aaaa1111"}, follow=True)
    assert response.status_code == 200
    assert "il vous en reste 1" in response.content.decode()
    other = client_password_only(world.coordination)
    response = other.post(reverse("accounts:otp_verification"), {"code": "aaaa1111"})
    assert response.status_code == 200
    assert "Code incorrect" in response.content.decode()


def test_verification_refuses_an_external_next_url(world, client_password_only):
    otp.new_backup_codes(world.coordination, ["aaaa1111"])
    client = client_password_only(world.coordination)
    response = client.post(reverse("accounts:otp_verification"), {"code": "aaaa1111", "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


def test_the_security_page_renews_backup_codes(world, client_of):
    client = client_of(world.coordination)
    assert "Il vous reste 0 code" in client.get(reverse("accounts:securite")).content.decode()
    response = client.post(reverse("accounts:otp_codes_secours"))
    assert len(response.context["codes"]) == 10
    assert otp.backup_codes_left(world.coordination) == 10


def test_a_coordinator_cannot_disable_the_mandatory_second_factor(world, client_of):
    assert client_of(world.coordination).post(reverse("accounts:otp_desactiver")).status_code == 403


def test_a_porteur_may_disable_the_optional_second_factor(world, client_of):
    otp.new_backup_codes(world.porteur, ["aaaa1111"])
    response = client_of(world.porteur).post(reverse("accounts:otp_desactiver"))
    assert response.status_code == 302
    assert not otp.has_confirmed_device(world.porteur)


def test_client_of_logs_in_with_both_factors(world, client_of):
    client = client_of(world.coordination)
    assert DEVICE_ID_SESSION_KEY in client.session
    assert client.get(reverse("home")).status_code == 200


def test_the_django_admin_needs_the_second_factor_too(world, client_password_only):
    response = client_password_only(world.admin).get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_enrolement"))


def test_having_a_confirmed_device_is_one_query_whatever_its_kind(world, django_assert_num_queries):
    user = world.referent
    with django_assert_num_queries(1):
        assert not otp.has_confirmed_device(user)
    TOTPDevice.objects.create(user=user, name="en cours", confirmed=False)
    assert not otp.has_confirmed_device(user)
    otp.new_backup_codes(user, ["12345678"])
    with django_assert_num_queries(1):
        assert otp.has_confirmed_device(user)
    assert not otp.has_confirmed_device(world.referent_autre)
