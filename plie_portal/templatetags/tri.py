"""`{% th_tri cle libelle %}`: the header of a sortable column, with its state for assistive
technologies (`aria-sort`) and the link that sorts by it (the other way when it is the current sort).
A tag rather than an included template: four to six headers a list, on the pages read all day."""

from django import template
from django.template.defaulttags import querystring
from django.utils.html import format_html

register = template.Library()

FLECHES = {"ascending": "▲", "descending": "▼"}


@register.simple_tag(takes_context=True)
def th_tri(context, cle, libelle):
    """The `<th>` of the column sorted by `cle`; the list's current sort is the context's `tri`."""
    actuel = context.get("tri")
    if actuel == cle:
        sens, cible = "ascending", f"-{cle}"
    else:
        sens, cible = ("descending" if actuel == f"-{cle}" else "none"), cle
    fleche = format_html(' <span aria-hidden="true">{}</span>', FLECHES[sens]) if sens in FLECHES else ""
    return format_html(
        '<th scope="col" class="table-sort" aria-sort="{}"><a href="{}">{}{}</a></th>',
        sens,
        querystring(context, tri=cible, page=None),
        libelle,
        fleche,
    )
