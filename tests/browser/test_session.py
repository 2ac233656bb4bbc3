"""The "Votre session va expirer" dialog: shown before expiry, "Rester connecté·e" extends the session."""

import pytest

from accounts.models import Role
from accounts.tests.factories import PASSWORD, UserFactory

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_expiry_warning_lets_the_person_stay_connected(visite, settings):
    # 5 min 3 s of inactivity allowed: the 5-minute warning opens after 3 s.
    settings.PLIE_SESSION_INACTIVITE_PERSONNEL = 303
    user = UserFactory(email="session@test.fr", role=Role.REFERENT)
    v = visite()
    login(v.page, user.email, PASSWORD)
    assert 300 < int(v.page.locator("body").get_attribute("data-session-duree")) <= 303
    dialog = v.page.get_by_role("dialog", name="Votre session va expirer")
    dialog.wait_for(state="visible", timeout=20_000)
    v.axe()
    with v.page.expect_response("**/comptes/session/prolonger/") as reponse:
        dialog.get_by_role("button", name="Rester connecté·e").click()
    assert reponse.value.status == 200
    dialog.wait_for(state="hidden")
    v.assert_no_csp_error()


def test_an_expired_session_ends_on_the_login_page(visite, settings):
    settings.PLIE_SESSION_INACTIVITE_PERSONNEL = 3
    user = UserFactory(email="expire@test.fr", role=Role.REFERENT)
    v = visite()
    login(v.page, user.email, PASSWORD)
    # The page reloads itself at expiry and the login wall answers.
    v.page.wait_for_url("**/comptes/connexion/**", timeout=15_000)
    v.assert_no_csp_error()
