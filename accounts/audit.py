"""Recording of accesses to personal data (DESIGN §1: who, what, when, from where)."""

from django.conf import settings

from plie_portal.proxys import est_un_proxy_de_confiance

from .models import AccesDonnees


def client_ip(request):
    """The client address as seen by our own proxies (also django-axes' AXES_CLIENT_IP_CALLABLE).

    Behind PLIE_PROXY_COUNT trusted proxies, each appending to X-Forwarded-For, the client is the
    entry that many places from the right: the entries left of it are whatever the client sent
    and cannot be trusted (otherwise anyone could dodge the lockout by inventing addresses). The
    header is read only when the connection comes from a trusted proxy (PLIE_PROXY_ADRESSES): a
    client reaching the portal directly gets its own address whatever it sends. Otherwise, and
    without a proxy (PLIE_PROXY_COUNT=0, the default), REMOTE_ADDR.
    """
    distante = request.META.get("REMOTE_ADDR") or None
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    # Checked here too: axes reads the address before any middleware, on its own login signal.
    if forwarded and est_un_proxy_de_confiance(distante):
        return forwarded[-min(settings.PLIE_PROXY_COUNT, len(forwarded))]
    return distante


def log_access(request, action, obj=None, objet_type="", objet_id="", description=""):
    """Write one access-log row for `request.user` about `obj` (or a type/id given explicitly)."""
    user = request.user if request.user.is_authenticated else None
    return journaliser(
        user,
        action,
        obj,
        objet_type=objet_type,
        objet_id=objet_id,
        description=description,
        chemin=request.get_full_path(),
        adresse_ip=client_ip(request),
    )


def journaliser(user, action, obj=None, objet_type="", objet_id="", description="", chemin="", adresse_ip=None):
    """Write one access-log row, outside a request too (a command run by an operator)."""
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
        chemin=chemin[:255],
        adresse_ip=adresse_ip,
    )


class JournaliserAdmin:
    """ModelAdmin mixin for records holding personal data: the admin's change and history pages,
    and its searches, write an access-log row like the portal's own pages."""

    def _journaliser(self, request, object_id, description):
        log_access(
            request,
            AccesDonnees.Action.CONSULTATION,
            objet_type=self.model._meta.label,
            objet_id=object_id or "",
            description=description,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            self._journaliser(request, object_id, f"Administration – {self.model._meta.verbose_name}")
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        if response.status_code == 200:
            self._journaliser(request, object_id, f"Historique dans l'administration – {self.model._meta.verbose_name}")
        return response

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if request.GET.get("q") and response.status_code == 200:
            self._journaliser(request, "", f"Recherche dans l'administration – {self.model._meta.verbose_name_plural}")
        return response
