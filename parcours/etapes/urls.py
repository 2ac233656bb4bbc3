"""URLs of the steps (proposal by the referent, answers and progress by the partner)."""

from django.urls import path  # noqa: F401

urlpatterns = []
