"""Recording of accesses to personal data (DESIGN §1: who, what, when, from where)."""

from .models import AccesDonnees


def client_ip(request):
    """The client address: REMOTE_ADDR, or the first X-Forwarded-For hop behind the proxy."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def log_access(request, action, obj=None, objet_type="", objet_id="", description=""):
    """Write one access-log row for `request.user` about `obj` (or a type/id given explicitly)."""
    user = request.user if request.user.is_authenticated else None
    if obj is not None:
        objet_type = objet_type or obj._meta.label
        objet_id = objet_id or str(obj.pk)
        description = description or str(obj)[:255]
    return AccesDonnees.objects.create(
        utilisateur=user,
        utilisateur_email=getattr(user, "email", "") or "",
        action=action,
        objet_type=objet_type,
        objet_id=str(objet_id),
        description=description[:255],
        chemin=request.get_full_path()[:255],
        adresse_ip=client_ip(request),
    )
