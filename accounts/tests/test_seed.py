"""The demo accounts of roles with a mandatory second factor can log in with the demo backup codes."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.otp import backup_codes_left
from accounts.seed import CODES_SECOURS_DEMO, seed_double_authentification
from accounts.seed import seed as seed_accounts
from partners.seed import seed as seed_partners
from plie_portal.seed import DEMO_PASSWORD, DemoContext

pytestmark = pytest.mark.django_db


def test_the_demo_coordinator_logs_in_with_password_and_a_demo_backup_code(communes, client):
    ctx = DemoContext()
    seed_partners(ctx)
    seed_accounts(ctx)
    seed_double_authentification(ctx)
    assert any("plie0001" in note for note in ctx.notes)
    logins = {email: extra for _label, email, extra in ctx.logins}
    assert "plie0001" in logins["coordination@plie-rouen.fr"]
    assert "plie0001" not in logins["referent@plie-rouen.fr"]
    response = client.post(
        reverse("accounts:login"), {"username": "coordination@plie-rouen.fr", "password": DEMO_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:otp_verification"))
    response = client.post(reverse("accounts:otp_verification"), {"code": CODES_SECOURS_DEMO[0]})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    seed_double_authentification(ctx)  # idempotent: the used code comes back
    assert backup_codes_left(User.objects.get(email="coordination@plie-rouen.fr")) == len(CODES_SECOURS_DEMO)
