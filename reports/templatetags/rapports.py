"""Buttons asking for the documents of an object (participant, dossier, call) on its page."""

from django import template

from reports.kinds import kinds_for

register = template.Library()


@register.inclusion_tag("reports/includes/boutons.html", takes_context=True)
def boutons_documents(context, objet_param, objet):
    """POST forms to `reports:demander` for each kind about `objet` the user may ask for."""
    request = context.get("request")
    user = getattr(request, "user", None)
    kinds = []
    if user is not None and objet is not None:
        kinds = [kind for kind in kinds_for(user) if kind.objet_param == objet_param and kind.disponible_pour(objet)]
    return {"kinds": kinds, "objet_param": objet_param, "objet": objet, "csrf_token": context.get("csrf_token")}
