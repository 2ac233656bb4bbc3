"""Session inactivity timeout by role, and the polling rule (issue 7).

Staff sessions end after 30 minutes without activity, applicants' (porteur) after 2 hours
(settings PLIE_SESSION_INACTIVITE_PERSONNEL / _PORTEUR). Each request of a logged-in user pushes
the expiry back — except **polling**: background requests that a page repeats on its own
(report progress, counters) must not keep an abandoned session alive. A request is polling when

- it carries the header ``X-Portail-Polling: 1`` (on an HTMX element:
  ``hx-headers='{"X-Portail-Polling": "1"}'``; in a fetch: ``headers: {"X-Portail-Polling": "1"}``), or
- its view is decorated with :func:`no_session_refresh` (function view, or ``as_view()`` result).
"""

from functools import wraps

from django.conf import settings

POLLING_HEADER = "HTTP_X_PORTAIL_POLLING"


def no_session_refresh(view):
    """Mark a view as polling: answering it never extends the session."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    wrapped.no_session_refresh = True
    return wrapped


def is_polling(request, view_func=None):
    """True when the request is background polling (header, or a view marked no_session_refresh)."""
    if request.META.get(POLLING_HEADER, "") == "1":
        return True
    return bool(view_func is not None and getattr(view_func, "no_session_refresh", False))


def inactivity_timeout(user):
    """Seconds of inactivity after which the session of `user` ends."""
    if user.is_authenticated and not user.is_superuser and user.role == "porteur":
        return settings.PLIE_SESSION_INACTIVITE_PORTEUR
    return settings.PLIE_SESSION_INACTIVITE_PERSONNEL
