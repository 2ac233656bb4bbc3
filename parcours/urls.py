from django.urls import path

from .etapes.urls import urlpatterns as etapes_urlpatterns
from .views import commission, parcours, pilotage, portefeuille

app_name = "parcours"

urlpatterns = [
    path("participant/<int:participant_pk>/orienter/", parcours.creer, name="creer"),
    path("<int:pk>/situation/", parcours.situation, name="situation"),
    path("<int:pk>/sortie/", parcours.sortie, name="sortie"),
    path("<int:pk>/suivi/", parcours.suivi, name="suivi"),
    path("<int:pk>/entretiens/ajouter/", parcours.entretien_ajouter, name="entretien_ajouter"),
    path("entretiens/<int:pk>/", parcours.entretien_modifier, name="entretien_modifier"),
    path("commission/", commission.liste, name="commission_liste"),
    path("commission/nouvelle/", commission.creer, name="commission_creer"),
    path("commission/<int:pk>/", commission.detail, name="commission_detail"),
    path("objectifs/", pilotage.objectifs, name="objectifs"),
    path("indicateurs/", pilotage.indicateurs, name="indicateurs"),
    path("import/", pilotage.importation, name="import"),
    path("portefeuille/<int:pk>/reaffecter/", portefeuille.reaffecter, name="reaffecter"),
] + etapes_urlpatterns
