"""Project middleware."""

from urllib.parse import urlencode

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequiredMiddleware
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
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


class SecondFactorMiddleware:
    """Gate of the second factor (issue 7), after the login wall and django-otp's middleware.

    A logged-in user to whom the second factor applies (coordination, instructeurs,
    administrators, or anyone who enrolled a device) but who gave only the password is sent to
    the verification page — or to enrolment when they have no device yet — on every view except
    public ones (`login_not_required`) and those marked `accounts.otp.second_factor_exempt`
    (the two-factor pages and logout). Static files are served before Django by WhiteNoise.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from accounts import otp

        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not getattr(view_func, "login_required", True) or getattr(view_func, "second_factor_exempt", False):
            return None
        if not otp.second_factor_applies(user):
            return None
        target = "accounts:otp_verification" if otp.has_confirmed_device(user) else "accounts:otp_enrolement"
        url = f"{resolve_url(target)}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)


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
        if user is not None and user.is_authenticated and not request.portail_polling:
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
