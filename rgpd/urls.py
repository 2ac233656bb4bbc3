from django.urls import path

from . import views

app_name = "rgpd"

urlpatterns = [
    path("droit-acces/<int:pk>/", views.droit_acces, name="droit_acces"),
]
