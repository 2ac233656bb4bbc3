"""Project middleware."""

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequiredMiddleware
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import resolve_url

from .session import is_polling, refresh_expiry


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    """Django's login wall, answering HTMX requests with HX-Redirect.

    Without this, an HTMX request on an expired session would swap the login page into a fragment.
    """

    def handle_no_permission(self, request, view_func):
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = resolve_url(self.get_login_url(view_func))
            return response
        return super().handle_no_permission(request, view_func)


class SessionExpiryMiddleware:
    """Push back the session expiry of a logged-in user on each request that is not polling
    (to the minute: see plie_portal.session.refresh_expiry).

    SESSION_SAVE_EVERY_REQUEST is off: a polling request (plie_portal.session) leaves the session
    untouched, so its expiry stays where the last real activity put it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.portail_polling = is_polling(request)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # A call authenticated by a personal token (the API) has no session to extend or create.
        par_jeton = getattr(request, "par_jeton", False)
        if user is not None and user.is_authenticated and not request.portail_polling and not par_jeton:
            refresh_expiry(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.portail_polling = is_polling(request, view_func)
        # Before the view too, so that the page shows the remaining time it really has.
        if request.user.is_authenticated and not request.portail_polling:
            refresh_expiry(request)


class NulCharacterMiddleware:
    """Remove NUL characters from the query string's names and values: PostgreSQL refuses them in
    text (a search `?q=%00` answered 500). Form fields already refuse them (Django's validator)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            propre = QueryDict(mutable=True, encoding=request.encoding)
            for nom, valeurs in request.GET.lists():
                propre.setlist(nom.replace("\x00", ""), [valeur.replace("\x00", "") for valeur in valeurs])
            propre._mutable = False
            request.GET = propre
        return self.get_response(request)


class Page404FrancaiseMiddleware:
    """Under `make run` (DEBUG), the portal's French 404 page instead of Django's technical one,
    which lists the URL patterns in English: testers see what users will see. Set
    PLIE_404_TECHNIQUE=1 to get Django's page back while developing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            return self._page(request)  # no URL matched
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return self._page(request)
        return None

    def _page(self, request):
        from .views import error_404

        return error_404(request)
