"""The visible notice of a deferred hand-over: the action succeeded, what follows it leaves later."""

from django.contrib import messages
from django.utils.translation import gettext as _

from .services import DIFFERE


class EnvoisDifferesMiddleware:
    """After the view (inside the messages middleware), tell the user when a message waits."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        jeton = DIFFERE.set(False)
        try:
            response = self.get_response(request)
            if DIFFERE.get() and hasattr(request, "_messages"):
                messages.warning(
                    request,
                    _(
                        "Votre action est enregistrée. Le service d'envoi est momentanément indisponible : "
                        "les e-mails et documents qui en découlent partiront dès son rétablissement."
                    ),
                )
            return response
        finally:
            DIFFERE.reset(jeton)
