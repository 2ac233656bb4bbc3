"""What the participant page shows of the retention rules (coordination only)."""

from django import template

from plie_portal.dates import date_longue

from ..purge import anonymisation_prevue as prevue

register = template.Library()


@register.simple_tag
def anonymisation_prevue(participant):
    """{"le": …, "dernier_contact": …} written out in French, or None (rgpd.purge.anonymisation_prevue)."""
    dates = prevue(participant)
    return {cle: date_longue(jour) for cle, jour in dates.items()} if dates else None
