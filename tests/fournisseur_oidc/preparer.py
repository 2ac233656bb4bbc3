"""Prepare the test provider's database: tables, RSA key, accounts, the portal as a client."""

import sys

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from oidc_provider.models import Client, ResponseType, RSAKey  # noqa: E402

from tests.fournisseur_oidc import CLIENT_ID, CLIENT_SECRET, MOT_DE_PASSE  # noqa: E402

redirection, *comptes = sys.argv[1:]
call_command("migrate", verbosity=0)
if not RSAKey.objects.exists():
    call_command("creatersakey")
for identifiant in comptes:
    # The e-mail given to the portal drops the `mfa.` prefix: one person, logged in either way.
    email = identifiant.removeprefix("mfa.")
    if not User.objects.filter(username=identifiant).exists():
        User.objects.create_user(identifiant, email, MOT_DE_PASSE, first_name="Camille", last_name="Agent")
client, _cree = Client.objects.get_or_create(
    client_id=CLIENT_ID,
    defaults={"name": "Portail PLIE", "client_type": "confidential", "client_secret": CLIENT_SECRET},
)
client.redirect_uris = [redirection]
client.require_consent = False
client.jwt_alg = "RS256"
client.save()
client.response_types.set([ResponseType.objects.get(value="code")])
