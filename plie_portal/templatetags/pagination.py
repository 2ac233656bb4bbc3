"""The page numbers of a list's pagination: the first and last, and two on each side of the
current one, with "…" between (Django's elided page range)."""

from django import template

register = template.Library()


@register.simple_tag
def numeros_de_page(page_obj):
    """The numbers to link to around `page_obj` (Paginator.ELLIPSIS where some are skipped)."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))
