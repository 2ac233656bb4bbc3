"""RGPD: everything held about a participant (right of access) as plain data, for JSON and PDF.

Built generically from the models' fields so that a field added by an app is never forgotten.
"""

import datetime
import decimal

from django.db import models
from django.utils import timezone


def valeur(instance, field):
    """A field's value readable by a person: choice labels, str() of related objects, ISO dates."""
    if field.choices:
        return (
            getattr(instance, f"get_{field.name}_display")()
            if getattr(instance, field.attname) not in ("", None)
            else ""
        )
    value = getattr(instance, field.name)
    if isinstance(field, models.FileField):
        return value.name if value else ""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def fiche(instance, exclure=()):
    """{verbose name: value} of the concrete fields of `instance`, internal columns left out."""
    cachees = {"recherche", "cle_identite", *exclure}
    donnees = {}
    for field in instance._meta.concrete_fields:
        if field.name in cachees or not field.editable and field.name not in ("cree_le", "modifie_le", "le"):
            continue
        donnees[str(field.verbose_name)] = valeur(instance, field)
    return donnees


def historique(manager):
    """Change history rows (django-simple-history) as dicts: when, who, kind of change, values."""
    lignes = []
    for row in manager.select_related("history_user").order_by("history_date", "history_id"):
        lignes.append(
            {
                "date": timezone.localtime(row.history_date).isoformat(),
                "par": str(row.history_user) if row.history_user else "",
                "type": {"+": "création", "~": "modification", "-": "suppression"}.get(row.history_type, ""),
                "valeurs": fiche(row.instance),
            }
        )
    return lignes


def donnees_participant(participant):
    """Everything the portal holds about `participant`, in sections ready for JSON or a PDF."""
    from accounts.models import AccesDonnees
    from parcours.models import Etape, Parcours

    parcours = list(
        participant.parcours.select_related("prescripteur", "referent", "session_commission")
        .prefetch_related("etapes__type", "etapes__structure", "entretiens__auteur", "transitions__par")
        .order_by("date_orientation", "id")
    )
    parcours_ids = set(Parcours.history.filter(participant_id=participant.pk).values_list("id", flat=True))
    sections = {
        "participant": fiche(participant),
        "parcours": [
            {
                "fiche": fiche(un),
                "etapes": [fiche(etape) for etape in sorted(un.etapes.all(), key=lambda e: e.pk)],
                "entretiens": [fiche(entretien) for entretien in sorted(un.entretiens.all(), key=lambda e: e.pk)],
                "transitions": [fiche(t) for t in sorted(un.transitions.all(), key=lambda t: t.pk)],
            }
            for un in parcours
        ],
        "documents": [fiche(document) for document in participant.documents.order_by("date", "id")],
        "historique": {
            "participant": historique(participant.history.all()),
            "parcours": historique(Parcours.history.filter(participant_id=participant.pk)),
            # Through the parcours' history: steps of a deleted parcours are found too.
            "etapes": historique(Etape.history.filter(parcours_id__in=parcours_ids)),
        },
        "acces": [
            fiche(acces, exclure=("utilisateur",))
            for acces in AccesDonnees.objects.filter(
                objet_type=participant._meta.label, objet_id=str(participant.pk)
            ).order_by("le", "id")
        ],
    }
    return {
        "titre": f"Droit d'accès – {participant}",
        "genere_le": timezone.localtime().isoformat(),
        "responsable": "Métropole Rouen Normandie (PLIE)",
        **sections,
    }
