"""A dossier's state badge and its score as the reader may see it: tags rather than included
templates, drawn on every row of the instruction dashboard and of the committee view."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..models import StatutDossier

register = template.Library()

COULEURS = {
    StatutDossier.RETENU: "text-bg-success",
    StatutDossier.REFUSE: "text-bg-danger",
    StatutDossier.IRRECEVABLE: "text-bg-danger",
    StatutDossier.BROUILLON: "text-bg-secondary",
    StatutDossier.SANS_SUITE: "text-bg-secondary",
}


@register.simple_tag
def badge_statut(dossier):
    """The state of `dossier` as a coloured badge (its label read from the choices, not hashed)."""
    statut = dossier.statut
    return format_html(
        '<span class="badge {}">{}</span>', COULEURS.get(statut, "text-bg-primary"), StatutDossier(statut).label
    )


@register.simple_tag
def note_dossier(dossier):
    """The mean score annotated by `DossierQuerySet.avec_score(user)`; hidden from a blind instructor
    until they have scored the dossier themselves."""
    if dossier.score is not None:
        return floatformat(dossier.score, 1)
    if not dossier.notes_visibles:
        return format_html(
            '<span aria-hidden="true">—</span><span class="visually-hidden">{}</span>',
            _("note masquée jusqu'à votre propre notation"),
        )
    return "—"
