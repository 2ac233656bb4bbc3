"""The portal's filter sets: a filter value that does not validate (an unknown referent, a malformed
date) gives no row and says why, instead of being silently ignored — an export filtered on a
wrong id must not return every row (issue 14)."""

from html import escape

import django_filters
from django.utils.safestring import mark_safe


class FiltreStrict(django_filters.FilterSet):
    """django-filter ignores the fields whose value is invalid: here the whole result is empty."""

    @property
    def qs(self):
        if self.is_bound and not self.is_valid():
            return self.queryset.none()
        return super().qs


def options_html(choix, valeur):
    """The `<option>` elements of a filter's select, `valeur` selected, as one string: rendering a
    select option by option costs more than the page's query once there are a few dozen of them
    (71 communes, 1,500 referents at national scale). Every value and label is escaped here, by the
    standard library's escape (Django's own, without its lazy-string wrapper)."""
    valeur = "" if valeur is None else str(valeur)
    return mark_safe(  # every value and label escaped below
        "".join(
            f'<option value="{escape(str(v))}"{" selected" if str(v) == valeur else ""}>{escape(str(libelle))}</option>'
            for v, libelle in choix
        )
    )
