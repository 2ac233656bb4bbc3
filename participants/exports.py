"""XLSX export of the participant list: a reusable function, so that the reports pipeline can
produce it in the background. Rows are read as plain values (`values_list`), in chunks through a
server-side cursor, and written row after row (`plie_portal.xlsx.Classeur`, XlsxWriter): no model instance
and no query per row, whatever the number of people (issue 20)."""

from functools import cache

from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from parcours.portefeuille import avec_parcours_courant
from plie_portal.xlsx import Classeur, neutraliser, oui_non, telle_quelle, texte, valeurs_en_cellules

from .models import Participant, StatutParcours, voit_colonnes_sensibles

PAS_PROGRESSION = 2000
LOT = 5000


def _nom_complet(prenom, nom):
    # As User.get_full_name: "Prénom Nom", empty when the person has no referent.
    return neutraliser(f"{prenom or ''} {nom or ''}".strip())


@cache
def _libelles_statut(langue):
    with override(langue):
        return {code: str(libelle) for code, libelle in StatutParcours.choices}


def _statut(code):
    # The label in the language of the request that writes the file, not that of the import;
    # looked up in a dict made once per language (a million rows, one enum lookup each).
    return _libelles_statut(get_language()).get(code, "")


# (title, the values it reads, how they become the cell)
COLONNES_IDENTITE = [
    ("Nom", ("nom",), texte),
    ("Nom de naissance", ("nom_naissance",), texte),
    ("Prénom", ("prenom",), texte),
    ("Date de naissance", ("date_naissance",), telle_quelle),
    ("Commune", ("commune__nom",), texte),
    ("Téléphone", ("telephone",), texte),
    ("E-mail", ("email",), texte),
]

COLONNES_SENSIBLES = [
    ("Sexe", ("sexe",), texte),
    ("Adresse", ("adresse",), texte),
    ("Identifiant France Travail", ("identifiant_france_travail",), texte),
    ("Référent·e", ("referent__first_name", "referent__last_name"), _nom_complet),
    ("Structure du référent", ("referent__structure__nom",), texte),
    ("Parcours actuel", ("statut_parcours",), _statut),
    ("Date d'entrée", ("courant_date_entree",), telle_quelle),
    ("Date de sortie", ("courant_date_sortie",), telle_quelle),
    ("Situation sur le marché du travail", ("courant_statut_marche",), texte),
    ("Niveau de formation", ("courant_niveau",), texte),
    ("RSA", ("courant_rsa",), oui_non),
    ("QPV", ("courant_qpv",), oui_non),
    ("Données FSE+ incomplètes", ("fse_incomplet",), lambda n: "oui" if n else "non"),
]


def colonnes_pour(user):
    """Identity and contact for everyone; the sensitive columns only for who may see them."""
    return COLONNES_IDENTITE + COLONNES_SENSIBLES if voit_colonnes_sensibles(user) else COLONNES_IDENTITE


def _restreindre(queryset, porte):
    """`queryset` narrowed to the participants of `porte` (a visible_to-like queryset); nothing to
    add when that door lets every record through (coordination), which spares a semi-join."""
    if not porte.query.where:
        return queryset
    return queryset.filter(pk__in=porte.values("pk"))


def ecrire_export_participants(queryset, user, fichier, progress=None, ids=None):
    """Write the participants of `queryset` (narrowed again to what `user` may open) as XLSX into
    `fichier` (a path or a binary file object). Returns the number of rows written.

    `progress(percent, message)`, when given, hears of the rows written every PAS_PROGRESSION (10 to 90 %);
    `ids`, when given, receives the primary key of each participant written."""
    colonnes = colonnes_pour(user)
    queryset = _restreindre(queryset, Participant.objects.visible_to(user)).order_by("nom", "prenom", "id")
    if colonnes is not COLONNES_IDENTITE:
        queryset = _restreindre(queryset, Participant.objects.sensibles_visibles_par(user))
        if "courant_date_entree" not in queryset.query.annotations:
            queryset = avec_parcours_courant(queryset)
    champs, cellules = valeurs_en_cellules(colonnes)
    classeur = Classeur(fichier)
    feuille = classeur.feuille("Participants", entetes=[titre for titre, _lus, _cellule in colonnes])
    total = (queryset.count() or 1) if progress else 1
    lignes = 0
    for rangee in queryset.values_list(*champs, "pk").iterator(chunk_size=LOT):
        feuille.ajouter(cellules(rangee))
        if ids is not None:
            ids.append(rangee[-1])
        lignes += 1
        if progress and lignes % PAS_PROGRESSION == 0:
            progress(
                10 + int(80 * lignes / total), _("%(n)d participants sur %(total)d") % {"n": lignes, "total": total}
            )
    classeur.enregistrer()
    return lignes
