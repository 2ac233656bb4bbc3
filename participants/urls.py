from django.urls import path

from .views import documents, edition, fiche, liste

app_name = "participants"

urlpatterns = [
    path("", liste.ParticipantListView.as_view(), name="liste"),
    path("nouveau/", edition.creer, name="creer"),
    path("fusionner/", edition.fusionner_fiches, name="fusionner"),
    path("<int:pk>/", fiche.detail, name="detail"),
    path("<int:pk>/historique/", fiche.historique, name="historique"),
    path("<int:pk>/modifier/", edition.modifier, name="modifier"),
    path("<int:pk>/documents/ajouter/", documents.ajouter, name="document_ajouter"),
    path("documents/<int:pk>/", documents.telecharger, name="document_telecharger"),
    path("documents/<int:pk>/supprimer/", documents.supprimer, name="document_supprimer"),
]
