"""Trusted proxies: which connections may tell the portal who the client is and whether it came in
HTTPS (X-Forwarded-For, X-Forwarded-Proto). None by default; see PLIE_PROXY_COUNT and
PLIE_PROXY_ADRESSES in the README."""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)
ENTETES = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO")


def est_un_proxy_de_confiance(adresse):
    """Whether a connection from `adresse` comes from a declared proxy (addresses or networks)."""
    if not settings.PLIE_PROXY_COUNT:
        return False
    try:
        ip = ipaddress.ip_address(adresse or "")
    except ValueError:
        return False
    for reseau in settings.PLIE_PROXY_ADRESSES:
        try:
            if ip in ipaddress.ip_network(reseau.strip(), strict=False):
                return True
        except ValueError:
            continue
    return False


class ProxyDeConfianceMiddleware:
    """First of all: forget the forwarding headers of a connection that is not a declared proxy,
    so that no later code (the HTTPS redirect, the lockout, the access log) can believe them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(entete in request.META for entete in ENTETES) and not est_un_proxy_de_confiance(
            request.META.get("REMOTE_ADDR")
        ):
            if settings.PLIE_PROXY_COUNT:
                logger.warning(
                    "En-têtes X-Forwarded-* ignorés : la connexion vient de %s, qui n'est pas un proxy "
                    "de confiance (PLIE_PROXY_ADRESSES).",
                    request.META.get("REMOTE_ADDR"),
                )
            for entete in ENTETES:
                request.META.pop(entete, None)
        return self.get_response(request)
