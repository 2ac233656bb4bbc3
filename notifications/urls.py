from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.NotificationListView.as_view(), name="liste"),
    path("<int:pk>/lue/", views.marquer_lue, name="marquer_lue"),
    path("tout-lu/", views.tout_marquer_lu, name="tout_marquer_lu"),
    path("preferences/", views.PreferencesView.as_view(), name="preferences"),
]
