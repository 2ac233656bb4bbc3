"""No URL: see views.py."""

urlpatterns = []
