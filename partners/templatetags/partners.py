from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (pagination, sorting, tabs)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    if "page" not in changes:
        params.pop("page", None)
    return params.urlencode()


@register.simple_tag(takes_context=True)
def tri_inverse(context, champ, parametre="tri"):
    """Query string sorting by `champ`, descending when the list is already sorted ascending by it."""
    actuel = context["request"].GET.get(parametre, "")
    return query_with(context, **{parametre: f"-{champ}" if actuel == champ else champ})


@register.simple_tag(takes_context=True)
def sens_tri(context, champ, parametre="tri"):
    """'ascending', 'descending' or 'none', for aria-sort on the column header."""
    actuel = context["request"].GET.get(parametre, "")
    if actuel == champ:
        return "ascending"
    if actuel == f"-{champ}":
        return "descending"
    return "none"
