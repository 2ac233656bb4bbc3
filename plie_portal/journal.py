"""Logging helpers: the log says what matters to whoever runs the portal."""

import logging


class SansTraceAttendue(logging.Filter):
    """A refusal the portal meant (403, 404) is one line, not a traceback: Django attaches the
    PermissionDenied or Http404 to its log record, which buried real errors (issue 15)."""

    def filter(self, record):
        if record.name == "django.request" and getattr(record, "status_code", None) in (403, 404):
            record.exc_info, record.exc_text = None, None
        return True
