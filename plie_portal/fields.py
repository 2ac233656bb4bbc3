"""Model fields shared by the apps."""

from django.db import models


class HttpsURLField(models.URLField):
    """A URLField whose form field assumes https:// when the scheme is omitted (Django 6 default)."""

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
