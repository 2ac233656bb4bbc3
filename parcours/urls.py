from django.urls import path  # noqa: F401

from .etapes.urls import urlpatterns as etapes_urlpatterns

app_name = "parcours"

urlpatterns = [] + etapes_urlpatterns
