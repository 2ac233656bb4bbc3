from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ListeRapports.as_view(), name="liste"),
    path("tableau-de-bord/", views.tableau_de_bord, name="tableau_de_bord"),
    path("demander/<slug:type>/", views.demander, name="demander"),
    path("<int:pk>/", views.DetailRapport.as_view(), name="detail"),
    path("<int:pk>/etat/", views.etat, name="etat"),
    path("<int:pk>/telecharger/", views.telecharger, name="telecharger"),
]
