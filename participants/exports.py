"""XLSX export of the participant list: a reusable function, so that the reports pipeline can
produce it in the background."""

from django.utils.translation import gettext as _
from openpyxl import Workbook

from parcours.portefeuille import avec_parcours_courant
from plie_portal.xlsx import ligne, oui_non

from .models import Participant, StatutParcours, voit_colonnes_sensibles

PAS_PROGRESSION = 2000

COLONNES_IDENTITE = [
    ("Nom", lambda p: p.nom),
    ("Nom de naissance", lambda p: p.nom_naissance),
    ("Prénom", lambda p: p.prenom),
    ("Date de naissance", lambda p: p.date_naissance),
    ("Commune", lambda p: p.commune.nom),
    ("Téléphone", lambda p: p.telephone),
    ("E-mail", lambda p: p.email),
]


COLONNES_SENSIBLES = [
    ("Sexe", lambda p: p.sexe),
    ("Adresse", lambda p: p.adresse),
    ("Identifiant France Travail", lambda p: p.identifiant_france_travail),
    ("Référent·e", lambda p: p.referent.get_full_name() if p.referent else ""),
    ("Structure du référent", lambda p: p.referent.structure.nom if p.referent and p.referent.structure else ""),
    ("Parcours actuel", lambda p: str(StatutParcours(p.statut_parcours).label)),
    ("Date d'entrée", lambda p: p.courant_date_entree),
    ("Date de sortie", lambda p: p.courant_date_sortie),
    ("Situation sur le marché du travail", lambda p: p.courant_statut_marche or ""),
    ("Niveau de formation", lambda p: p.courant_niveau or ""),
    ("RSA", lambda p: oui_non(p.courant_rsa)),
    ("QPV", lambda p: oui_non(p.courant_qpv)),
    ("Données FSE+ incomplètes", lambda p: "oui" if p.fse_incomplet else "non"),
]


def colonnes_pour(user):
    """Identity and contact for everyone; the sensitive columns only for who may see them."""
    return COLONNES_IDENTITE + COLONNES_SENSIBLES if voit_colonnes_sensibles(user) else COLONNES_IDENTITE


def ecrire_export_participants(queryset, user, fichier, progress=None, ids=None):
    """Write the participants of `queryset` (narrowed again to what `user` may open) as XLSX into
    `fichier` (a path or a binary file object). Returns the number of rows written.

    `progress(percent, message)`, when given, hears of the rows written every PAS_PROGRESSION (10 to 90 %);
    `ids`, when given, receives the primary key of each participant written."""
    colonnes = colonnes_pour(user)
    sensibles = Participant.objects.sensibles_visibles_par(user).values("pk")
    queryset = (
        queryset.filter(pk__in=Participant.objects.visible_to(user).values("pk"))
        .select_related("commune", "referent__structure")
        .order_by("nom", "prenom", "id")
    )
    if colonnes is not COLONNES_IDENTITE:
        queryset = queryset.filter(pk__in=sensibles)
        if "statut_parcours" not in queryset.query.annotations:
            queryset = avec_parcours_courant(queryset)
    classeur = Workbook(write_only=True)
    feuille = classeur.create_sheet("Participants")
    feuille.append([titre for titre, _valeur in colonnes])
    total = (queryset.count() or 1) if progress else 1
    lignes = 0
    for participant in queryset.iterator(chunk_size=2000):
        feuille.append(ligne(valeur(participant) for _titre, valeur in colonnes))
        if ids is not None:
            ids.append(participant.pk)
        lignes += 1
        if progress and lignes % PAS_PROGRESSION == 0:
            progress(
                10 + int(80 * lignes / total), _("%(n)d participants sur %(total)d") % {"n": lignes, "total": total}
            )
    classeur.save(fichier)
    return lignes
