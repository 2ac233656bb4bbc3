from django.urls import path

from .ateliers.urls import urlpatterns as ateliers_urlpatterns
from .etapes.urls import urlpatterns as etapes_urlpatterns
from .operations.urls import urlpatterns as operations_urlpatterns
from .views import commission, importation, parcours, pilotage, portefeuille

app_name = "parcours"

urlpatterns = (
    [
        path("participant/<int:participant_pk>/orienter/", parcours.creer, name="creer"),
        path("<int:pk>/situation/", parcours.situation, name="situation"),
        path("<int:pk>/sortie/", parcours.sortie, name="sortie"),
        path("<int:pk>/suivi/", parcours.suivi, name="suivi"),
        path("<int:pk>/entretiens/ajouter/", parcours.entretien_ajouter, name="entretien_ajouter"),
        path("entretiens/<int:pk>/", parcours.entretien_modifier, name="entretien_modifier"),
        path("entretiens/<int:pk>/envoyer/", parcours.entretien_envoyer, name="entretien_envoyer"),
        path("commission/", commission.liste, name="commission_liste"),
        path("commission/nouvelle/", commission.creer, name="commission_creer"),
        path("commission/<int:pk>/", commission.detail, name="commission_detail"),
        path("objectifs/", pilotage.objectifs, name="objectifs"),
        path("indicateurs/", pilotage.indicateurs, name="indicateurs"),
        path("import/", importation.importation, name="import"),
        path("import/<int:pk>/", importation.importation_suivi, name="import_suivi"),
        path("import/<int:pk>/etat/", importation.importation_etat, name="import_etat"),
        path("import/<int:pk>/confirmer/", importation.importation_confirmer, name="import_confirmer"),
        path("import/<int:pk>/abandonner/", importation.importation_abandonner, name="import_abandonner"),
        path("import/<int:pk>/erreurs.csv", importation.importation_erreurs, name="import_erreurs"),
        path("import/modeles/<str:nom>", importation.importation_modele, name="import_modele"),
        path("portefeuille/<int:pk>/reaffecter/", portefeuille.reaffecter, name="reaffecter"),
    ]
    + etapes_urlpatterns
    + operations_urlpatterns
    + ateliers_urlpatterns
)
