"""Recording of accesses to personal data (DESIGN §1: who, what, when, from where)."""

from django.conf import settings

from .models import AccesDonnees


def client_ip(request):
    """The client address as seen by our own proxies (also django-axes' AXES_CLIENT_IP_CALLABLE).

    Behind PLIE_PROXY_COUNT trusted proxies, each appending to X-Forwarded-For, the client is the
    entry that many places from the right: the entries left of it are whatever the client sent
    and cannot be trusted (otherwise anyone could dodge the lockout by inventing addresses).
    Without a proxy (PLIE_PROXY_COUNT=0) or without the header, REMOTE_ADDR.
    """
    count = getattr(settings, "PLIE_PROXY_COUNT", 1)
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if count > 0 and forwarded:
        return forwarded[-min(count, len(forwarded))]
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
