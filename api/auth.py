"""Who calls the API: a personal token (accounts.JetonPersonnel, usage API) in the
`Authorization: Bearer …` header, and how often they may call."""

from django.conf import settings
from ninja.security import HttpBearer
from ninja.throttling import AnonRateThrottle, UserRateThrottle

from accounts.audit import client_ip
from accounts.models import JetonPersonnel


class JetonAPI(HttpBearer):
    """A valid API token: the request then acts as its holder, with their role and scope."""

    def authenticate(self, request, token):
        jeton = JetonPersonnel.objects.authentifier(token, JetonPersonnel.Usage.API)
        if jeton is None:
            return None
        # Every rule of the portal reads `request.user`: the API is one more channel, not a new scope.
        request.user = jeton.utilisateur
        request.par_jeton = True
        return jeton


class _DebitReglable:
    """A limit read from the settings at each call, so that changing the setting takes effect."""

    reglage = ""

    def __init__(self):
        super().__init__(getattr(settings, self.reglage))

    def allow_request(self, request):
        self.rate = getattr(settings, self.reglage)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class ParAdresse(_DebitReglable, AnonRateThrottle):
    """Calls without a token, per client address as the access log and the lockout see it."""

    reglage = "PLIE_API_DEBIT_PUBLIC"

    def get_ident(self, request):
        return client_ip(request)


class ParCompte(_DebitReglable, UserRateThrottle):
    """Calls with a token, per account (all of a person's tokens together)."""

    reglage = "PLIE_API_DEBIT"


def debits():
    """The rate limits of the API: per account when authenticated, per address otherwise."""
    return [ParAdresse(), ParCompte()]
