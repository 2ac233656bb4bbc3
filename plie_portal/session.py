"""Session inactivity timeout by role, and the polling rule (issue 7).

Staff sessions end after 30 minutes without activity, applicants' (porteur) after 2 hours
(settings PLIE_SESSION_INACTIVITE_PERSONNEL / _PORTEUR). Each request of a logged-in user pushes
the expiry back — except **polling**: background requests that a page repeats on its own
(report progress, counters) must not keep an abandoned session alive. A request is polling when

- it carries the header ``X-Portail-Polling: 1`` (on an HTMX element:
  ``hx-headers='{"X-Portail-Polling": "1"}'``; in a fetch: ``headers: {"X-Portail-Polling": "1"}``), or
- its view is decorated with :func:`no_session_refresh` (function view, or ``as_view()`` result).
"""

from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.utils import timezone

POLLING_HEADER = "HTTP_X_PORTAIL_POLLING"
# A request pushes the expiry back only when it has moved by more than this: otherwise every
# page would rewrite the session row (a write transaction per click) for a few seconds' gain.
REFRESH_GRANULARITY = 60


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


def refresh_expiry(request, force=False):
    """Set the session of the logged-in user to expire `inactivity_timeout` from now.

    The expiry is stored as a date, so that the page can show the time really left; it is
    rewritten only when it has aged by more than REFRESH_GRANULARITY seconds (or `force`)."""
    session = request.session
    timeout = inactivity_timeout(request.user)
    granularity = min(REFRESH_GRANULARITY, timeout // 10)
    # A number of seconds (a session opened before expiries were dates) always reads as a full
    # timeout: only a date can say how much time is left.
    stored_as_date = isinstance(session.get("_session_expiry"), str)
    if force or not stored_as_date or session.get_expiry_age() < timeout - granularity:
        session.set_expiry(timezone.now() + timedelta(seconds=timeout))
