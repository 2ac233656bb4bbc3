"""The decided grants as open data, in the SCDL "subventions" format (etalab; schema copied in
`data/scdl_subventions.schema.json`): one line per funded organisation, UTF-8, comma-separated,
decimal point. Public at `/aap/donnees/subventions.csv` (aap_invisibles:subventions_csv)."""

import csv
import io

from django.conf import settings
from django.db.models import Max, Min, Prefetch, Q
from django.utils import timezone

from .models import Dossier, StatutAppel, StatutDossier, Versement
from .models.choices import NatureVersement

COLONNES = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
]


def publiables():
    """The grants published: retained dossiers of published calls whose organisation has a SIRET
    (the format identifies beneficiaries by it), in decision order."""
    return (
        Dossier.objects.filter(statut=StatutDossier.RETENU, appel__statut__in=(StatutAppel.PUBLIE, StatutAppel.DECIDE))
        .filter(Q(porteur__siret__isnull=False) | ~Q(siret=""))
        .select_related("appel", "porteur", "convention")
        .annotate(
            decide_le=Max("transitions__le", filter=Q(transitions__vers=StatutDossier.RETENU)),
            premier_versement=Min("versements__date"),
            dernier_versement=Max("versements__date"),
        )
        .prefetch_related(Prefetch("versements", queryset=Versement.objects.order_by("date", "id")))
        .order_by("decide_le", "id")
    )


def sans_siret():
    """Retained dossiers left out of the open data for want of a SIRET (coordination is told)."""
    return Dossier.objects.filter(statut=StatutDossier.RETENU, porteur__siret__isnull=True, siret="")


def ligne(dossier):
    """One SCDL line (a dict of the 14 columns) for a retained dossier of `publiables()`."""
    convention = getattr(dossier, "convention", None)
    decision = dossier.decide_le or dossier.statut_le or dossier.date_accuse
    date_convention = convention.date_signature if convention else timezone.localdate(decision)
    versements = list(dossier.versements.all())
    echelonne = len(versements) > 1 or any(v.nature == NatureVersement.AVANCE for v in versements)
    if dossier.premier_versement is None:
        periode = ""
    elif dossier.premier_versement == dossier.dernier_versement:
        periode = dossier.premier_versement.isoformat()
    else:
        periode = f"{dossier.premier_versement.isoformat()}_{dossier.dernier_versement.isoformat()}"
    return {
        "nomAttribuant": settings.PLIE_NOM_ATTRIBUANT,
        "idAttribuant": settings.PLIE_SIRET_ATTRIBUANT,
        "dateConvention": date_convention.isoformat(),
        "referenceDecision": dossier.appel.reference_deliberation,
        "nomBeneficiaire": dossier.porteur.nom,
        "idBeneficiaire": dossier.porteur.siret or dossier.siret,
        "objet": (dossier.projet_intitule or dossier.appel.titre)[:255],
        "montant": f"{dossier.montant_accorde:.2f}",
        "nature": "aide en numéraire",
        "conditionsVersement": "echelonne" if echelonne else "unique",
        "datesPeriodeVersement": periode,
        "idRAE": "",
        "notificationUE": "non",
        "pourcentageSubvention": "1",
    }


def csv_des_subventions():
    """The whole file, as text: a header and one line per published grant."""
    sortie = io.StringIO()
    ecrivain = csv.DictWriter(sortie, fieldnames=COLONNES, lineterminator="\r\n")
    ecrivain.writeheader()
    for dossier in publiables():
        ecrivain.writerow(ligne(dossier))
    return sortie.getvalue()
