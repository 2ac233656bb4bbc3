"""Login, second factor, lockout, password reset and public pages in a real browser, checked by axe."""

import pytest

from accounts import otp
from accounts.models import Role
from accounts.tests.factories import PASSWORD, UserFactory

from .conftest import login, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_pages_are_accessible_without_login(visite):
    v = visite()
    for path in (
        "/comptes/connexion/",
        "/donnees-personnelles/",
        "/accessibilite/",
        "/mentions-legales/",
        "/comptes/mot-de-passe/oubli/",
    ):
        response = v.goto(path)
        assert response.status == 200, path
        v.axe()


def test_a_coordinator_enrols_an_authenticator_then_reaches_the_portal(visite):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = UserFactory(email="coord.navigateur@test.fr", role=Role.COORDINATION)
    v = visite()
    login(v.page, user.email, PASSWORD)
    assert "/comptes/double-authentification/activer/" in v.page.url
    assert v.page.get_by_role("heading", level=1).inner_text() == "Activer la double authentification"
    v.axe()
    # Viewing the page wrote no device: its key waits in the session until the first right code.
    assert not TOTPDevice.objects.filter(user=user).exists()
    from importlib import import_module

    from django.conf import settings

    from accounts import otp

    cookie = next(c for c in v.page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key=cookie["value"])
    device = TOTPDevice(key=session[otp.CLE_ENROLEMENT])
    v.page.get_by_label("Code à usage unique").fill(totp_code(device))
    v.page.get_by_role("button", name="Activer").click()
    assert v.page.get_by_role("heading", level=1).inner_text() == "Vos codes de secours"
    assert v.page.locator(".otp-codes li").count() == 10
    v.axe()
    v.page.get_by_role("link", name="Continuer vers le portail").click()
    v.page.wait_for_load_state()
    assert v.page.url == v.base_url + "/"
    v.axe()
    v.goto("/comptes/securite/")
    v.axe()
    v.goto("/comptes/acces/")
    v.axe()


def test_an_enrolled_instructor_is_asked_for_a_code_and_a_backup_code_works(visite):
    user = UserFactory(email="instr.navigateur@test.fr", role=Role.INSTRUCTEUR)
    otp.new_backup_codes(user, ["secours01"])
    v = visite()
    login(v.page, user.email, PASSWORD)
    assert "/comptes/double-authentification/" in v.page.url
    v.axe()
    v.page.get_by_label("Code à usage unique").fill("mauvais")
    v.page.get_by_role("button", name="Vérifier").click()
    assert "Code incorrect" in v.page.content()
    v.page.wait_for_timeout(1500)  # django-otp throttles: one second after a wrong code
    v.page.get_by_label("Code à usage unique").fill("secours01")
    v.page.get_by_role("button", name="Vérifier").click()
    assert "il vous en reste 0" in v.page.content()
    v.axe()


def test_five_wrong_passwords_show_the_lockout_page(visite):
    user = UserFactory(email="ref.navigateur@test.fr", role=Role.REFERENT)
    v = visite()
    for _ in range(5):
        login(v.page, user.email, "mauvais-mot-de-passe")
    assert v.page.get_by_role("heading", level=1).inner_text() == "Connexion temporairement bloquée"
    v.assert_no_csp_error()


def test_the_whole_login_with_second_factor_works_with_the_keyboard_alone(visite):
    user = UserFactory(email="clavier@test.fr", role=Role.COORDINATION)
    otp.new_backup_codes(user, ["clavier01"])
    v = visite()
    page = v.page
    page.goto("/accessibilite/")
    # The first Tab reaches the skip link, which moves the focus to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    page.goto("/comptes/connexion/")
    assert page.evaluate("document.activeElement.name") == "username"  # autofocus
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/comptes/double-authentification/**")
    assert page.evaluate("document.activeElement.name") == "code"  # autofocus
    page.keyboard.type("clavier01")
    page.keyboard.press("Enter")
    page.wait_for_url(v.base_url + "/")
    # The account menu opens and logs out with the keyboard.
    page.get_by_role("button", name=user.get_full_name()).focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Se déconnecter").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/comptes/connexion/**")
    v.assert_no_csp_error()
