from django.urls import path

from . import views

urlpatterns = [
    path("ateliers/", views.liste, name="ateliers"),
    path("ateliers/nouveau/", views.creer, name="atelier_creer"),
    path("ateliers/<int:pk>/", views.detail, name="atelier"),
    path("ateliers/<int:pk>/inviter/", views.inviter, name="atelier_inviter"),
    path("ateliers/<int:pk>/presences/", views.presences, name="atelier_presences"),
    path("ateliers/<int:pk>/feuille/", views.feuille, name="atelier_feuille"),
]
