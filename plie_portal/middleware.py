"""Project middleware."""

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequiredMiddleware
from django.http import HttpResponse
from django.shortcuts import resolve_url


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
