"""Template context shared by every page."""

from .navigation import menu_for


def portail(request):
    """The role of the current user and the navigation menu of that role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_role": None, "menu": []}
    role = user.effective_role
    return {"user_role": role, "menu": menu_for(role, request.path)}
