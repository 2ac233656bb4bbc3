"""Authentication backend of the portal."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PortailBackend(ModelBackend):
    """Django's backend, reading the user's structure with the user on every request.

    Every page shows the structure in the account menu and most permission rules read it:
    one join instead of a second query per request."""

    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("structure").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
