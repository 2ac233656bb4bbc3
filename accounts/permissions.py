"""Role gates for views. Scoping of objects is done by `visible_to(user)` querysets (404);
these gates answer 403 for a page kind the role never uses (DESIGN §1)."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def role_required(*roles):
    """Decorator for function views: 403 unless the user's role is one of `roles`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_role(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class RoleRequiredMixin:
    """Class-based views: set `allowed_roles`; other roles get 403."""

    allowed_roles: tuple = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_role(*self.allowed_roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
