"""What the participant page shows of the retention rules (coordination only)."""

from django import template

from ..purge import anonymisation_prevue as prevue

register = template.Library()


@register.simple_tag
def anonymisation_prevue(participant):
    """{"le": date, "dernier_contact": date} or None (see rgpd.purge.anonymisation_prevue)."""
    return prevue(participant)
