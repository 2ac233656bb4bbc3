"""The gate of the second factor, between the login wall and the views."""

from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url

from . import otp


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
        user = request.user
        if otp.verifie_par_le_fournisseur(request):
            # Every later `is_verified()` of the request (pages, templates) reads the same answer.
            user.is_verified = lambda: True
            return None
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
