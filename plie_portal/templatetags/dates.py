"""French dates in templates, the way plie_portal.dates writes them: "1er décembre 2026"."""

import datetime

from django import template
from django.utils import formats, timezone

from plie_portal.dates import date_longue as _date_longue

register = template.Library()


@register.filter
def date_longue(valeur, forme=""):
    """`{{ d|date_longue }}` → "1er décembre 2026"; `{{ dt|date_longue:"à H:i" }}` → "… à 14:30"
    (a date-time in Paris time); `"jour"` puts the weekday first ("mardi 1er décembre 2026")."""
    if not valeur:
        return ""
    heure = ""
    if isinstance(valeur, datetime.datetime):
        valeur = timezone.localtime(valeur) if timezone.is_aware(valeur) else valeur
        if forme and forme != "jour":
            heure = " " + formats.date_format(valeur, forme)
        jour = valeur.date()
    else:
        jour = valeur
    texte = _date_longue(jour)
    if forme == "jour":
        texte = f"{formats.date_format(jour, 'l')} {texte}"
    return texte + heure
