"""Template helpers of the parcours pages: yes/no/unknown display and the journal block."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from ..forms import EntretienForm

register = template.Library()


@register.filter
def oui_non(valeur):
    """A nullable boolean in words: an unknown answer is shown as such, never as no."""
    if valeur is None:
        return _("Inconnu")
    return _("Oui") if valeur else _("Non")


@register.simple_tag
def transitions_de(parcours):
    """The transition log of a parcours and its steps, newest first, in one query."""
    return list(parcours.transitions.select_related("par", "etape__type"))


def contexte_journal(parcours, peut_modifier, form=None, fragment=False):
    """What the journal of a parcours shows: its interviews and the collective sessions the person
    was invited to (issue 17), with the add form for who may change it. The page's block and the
    HTMX fragment both read it."""
    return {
        "parcours": parcours,
        "entretiens": list(parcours.entretiens.select_related("auteur")),
        "ateliers": list(parcours.invitations.select_related("atelier__structure").order_by("-atelier__debut")),
        "form_entretien": (form or EntretienForm(prefix="entretien")) if peut_modifier else None,
        "peut_modifier": peut_modifier,
        "fragment": fragment,
        # A planned interview can be e-mailed to the person (with its .ics) when it is ahead.
        "participant_email": bool(parcours.participant.email),
        "maintenant": timezone.now(),
    }


@register.inclusion_tag("parcours/includes/journal.html", takes_context=True)
def journal(context, parcours, peut_modifier):
    """The journal block of the participant page."""
    return {
        **contexte_journal(parcours, peut_modifier),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
