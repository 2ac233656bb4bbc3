from django.urls import path

from . import views

urlpatterns = [
    path("operations/", views.liste, name="operations"),
    path("operations/nouvelle/", views.creer, name="operation_creer"),
    path("operations/rattachement/", views.rattacher, name="operations_rattacher"),
    path("operations/<int:pk>/", views.detail, name="operation"),
    path("operations/<int:pk>/modifier/", views.modifier, name="operation_modifier"),
    path("operations/<int:pk>/controler/", views.controler, name="operation_controler"),
    path("operations/controles/<int:pk>/", views.controle, name="controle"),
]
