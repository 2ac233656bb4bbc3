"""The charts of plie_portal.graphiques in templates: `{% load graphiques %}`."""

from django import template

from plie_portal import graphiques

register = template.Library()


@register.simple_tag
def barres_horizontales(titre, lignes, unite=""):
    """`{% barres_horizontales titre lignes %}`: one bar per (label, value)."""
    return graphiques.barres_horizontales(lignes, str(titre), unite)


@register.simple_tag
def enveloppe(titre, total, *segments):
    """`{% enveloppe titre total "Accordé" 59000 "Simulé" 25000 %}`: a budget and what fills it."""
    paires = list(zip(segments[::2], segments[1::2], strict=True))
    return graphiques.enveloppe(total, paires, str(titre))


@register.simple_tag
def entrees_et_sorties(titre, mois):
    """`{% entrees_et_sorties titre mois %}`: entries and exits of each month ({libelle, entrees, sorties})."""
    return graphiques.entrees_et_sorties(mois, titre)
