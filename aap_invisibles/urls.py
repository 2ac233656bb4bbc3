from django.urls import path  # noqa: F401

app_name = "aap_invisibles"

urlpatterns = []
