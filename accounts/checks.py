"""Deploy checks of the proxy setting (`manage.py check --deploy`): it is where a wrong value lets a
client choose its address, or makes every user share the proxy's address in the lockout."""

import ipaddress

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def verifier_proxy(app_configs, **kwargs):
    avertissements = []
    count, adresses = settings.PLIE_PROXY_COUNT, settings.PLIE_PROXY_ADRESSES
    if count < 0:
        avertissements.append(Warning("PLIE_PROXY_COUNT ne peut pas être négatif.", id="accounts.W001"))
    if count > 0 and not adresses:
        avertissements.append(
            Warning(
                "PLIE_PROXY_COUNT est positif mais PLIE_PROXY_ADRESSES est vide : X-Forwarded-For ne sera jamais lu.",
                hint="Donnez les adresses (ou réseaux) depuis lesquelles le proxy se connecte au portail.",
                id="accounts.W002",
            )
        )
    for adresse in adresses:
        try:
            ipaddress.ip_network(adresse.strip(), strict=False)
        except ValueError:
            avertissements.append(
                Warning(f"PLIE_PROXY_ADRESSES : « {adresse} » n'est ni une adresse ni un réseau.", id="accounts.W003")
            )
    if count == 0 and settings.SECURE_SSL_REDIRECT:
        avertissements.append(
            Warning(
                "Aucun proxy de confiance (PLIE_PROXY_COUNT=0) alors que la redirection HTTPS est active.",
                hint=(
                    "Derrière un proxy TLS, réglez PLIE_PROXY_COUNT (et PLIE_PROXY_ADRESSES) : sinon chaque requête "
                    "est redirigée en boucle et tous les utilisateurs partagent l'adresse du proxy pour le blocage. "
                    "Si le portail reçoit lui-même le HTTPS, ignorez cet avertissement."
                ),
                id="accounts.W004",
            )
        )
    return avertissements
