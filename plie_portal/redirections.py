"""Where to go after a form: a "next" address given by the page, if it stays on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def adresse_suivante(request, parametre="next"):
    """The address in POST (or GET) `parametre` when it is on this host (https kept); "" otherwise."""
    cible = request.POST.get(parametre) or request.GET.get(parametre) or ""
    if cible and url_has_allowed_host_and_scheme(
        cible, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return cible
    return ""
