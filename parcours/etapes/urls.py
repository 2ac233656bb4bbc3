"""URLs of the steps (proposal by the referent, answers and progress by the partner)."""

from django.urls import path

from . import views

urlpatterns = [
    path("etapes/<int:pk>/", views.detail, name="etape_detail"),
    path("<int:pk>/etapes/proposer/", views.proposer, name="etape_proposer"),
    path("etapes/<int:pk>/modifier/", views.modifier, name="etape_modifier"),
    path("etapes/<int:pk>/<slug:action>/", views.transition, name="etape_transition"),
]
