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
    """Everything the portal holds about `participant`, in sections ready for JSON or a PDF: their
    own rows, then every trace of them elsewhere, found by the purge's own inventory (Traces)."""
    from parcours.models import Etape, Parcours

    from .inventaire import Traces

    traces = Traces(participant)
    parcours = list(
        participant.parcours.select_related("prescripteur", "referent", "session_commission")
        .prefetch_related("etapes__type", "etapes__structure", "entretiens__auteur", "transitions__par")
        .order_by("date_orientation", "id")
    )
    parcours_ids = traces.objets["parcours.Parcours"]
    acces = list(traces.acces_sur_la_personne().order_by("le", "id"))
    il_y_a_un_an = timezone.now() - datetime.timedelta(days=365)
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
        # Duplicate records merged into theirs: the identity they held (another spelling, contact).
        "fusions": [fiche(fusion) | {"identité": fusion.absorbe_identite} for fusion in traces.fusions],
        "historique": {
            "participant": historique(participant.history.all()),
            "doublons": historique(traces.historique_des_doublons()),
            "parcours": historique(Parcours.history.filter(id__in=parcours_ids)),
            # Through the parcours' history: steps of a deleted parcours are found too.
            "etapes": historique(Etape.history.filter(parcours_id__in=parcours_ids)),
        },
        "commissions": [
            {"session": str(session), "compte rendu": ligne} for session, ligne in traces.lignes_des_comptes_rendus()
        ],
        "notifications": [
            fiche(notification, exclure=("lien",)) for notification in traces.notifications().order_by("cree_le", "id")
        ],
        "documents_produits": [
            fiche(rapport, exclure=("fichier",)) for rapport in traces.rapports(nominatifs=True).order_by("id")
        ],
        "acces": [fiche(ligne, exclure=("utilisateur",)) for ligne in acces],
        "recherches_et_exports": [
            fiche(ligne, exclure=("utilisateur",)) for ligne in traces.acces_qui_la_nomment().order_by("le", "id")
        ],
        "journal_administration": [
            {
                "date": timezone.localtime(entree.action_time).isoformat(),
                "par": str(entree.user),
                "objet": entree.object_repr,
                "action": entree.get_action_flag_display(),
                "message": entree.get_change_message(),
            }
            for entree in traces.journal_admin().select_related("user").order_by("action_time", "id")
        ],
        # Who viewed the record over the last year (article 15: the recipients of the data).
        "consulte_par": sorted({ligne.utilisateur_email for ligne in acces if ligne.le >= il_y_a_un_an}),
    }
    return {
        "titre": f"Droit d'accès – {participant}",
        "genere_le": timezone.localtime().isoformat(),
        "responsable": "Métropole Rouen Normandie (PLIE)",
        **sections,
    }
