"""A real OpenID Connect provider for the tests (django-oidc-provider in a Django project of its
own, served by `runserver` on the loopback in a separate process), so that the portal's ProConnect
login is tested against a provider that speaks the protocol, not against a mock of ours.

`demarrer(racine, port_portail)` prepares its database (accounts below, RSA key, the portal as a
client) and serves it; `Fournisseur.arreter()` stops it."""

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PROJET = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET = "portail-plie", "secret-du-portail-plie"
MOT_DE_PASSE = "Mot-de-passe-fournisseur-42"
# The provider's accounts: `mfa.…` log in with two factors (acr eidas2, amr mfa), the others with one.
COMPTES = ("coord@test.fr", "mfa.coord@test.fr", "ref@test.fr", "inconnu@test.fr")


def port_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Fournisseur:
    adresse: str
    processus: subprocess.Popen

    def arreter(self):
        self.processus.terminate()
        self.processus.wait(timeout=10)

    def reglages(self):
        """The portal's settings pointing at this provider."""
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.adresse}/openid/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.adresse}/openid/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.adresse}/openid/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.adresse}/openid/jwks",
        }


def demarrer(racine, redirection):
    """Prepare and serve the provider; `redirection` is the portal's callback URL."""
    port = port_libre()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.fournisseur_oidc.settings",
        "FOURNISSEUR_BASE": str(Path(racine) / "fournisseur.sqlite3"),
        "FOURNISSEUR_ADRESSE": f"http://127.0.0.1:{port}",
        "PYTHONPATH": str(PROJET),
    }
    # The portal's own variables would point the provider at the portal's database.
    for variable in ("DATABASE_URL", "CELERY_BROKER_URL"):
        env.pop(variable, None)
    subprocess.run(
        [sys.executable, "-m", "tests.fournisseur_oidc.preparer", redirection, *COMPTES],
        env=env,
        cwd=PROJET,
        check=True,
        capture_output=True,
    )
    processus = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
        env=env,
        cwd=PROJET,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    limite = time.monotonic() + 30
    while time.monotonic() < limite:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return Fournisseur(f"http://127.0.0.1:{port}", processus)
        except OSError:
            time.sleep(0.1)
    processus.kill()
    raise RuntimeError("le fournisseur OpenID Connect de test n'a pas démarré")
