"""The FSE+ workbook of a period: indicators and the participations they count."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal.dates import age_on
from plie_portal.xlsx import Classeur, ligne, oui_non, telle_quelle, texte, valeurs_en_cellules

from . import register
from .activite import PeriodeKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _age(naissance, entree):
    return age_on(naissance, entree) if naissance and entree else None


# (title, the values it reads, how they become the cell): rows are read as values, no object per row.
COLONNES_PARTICIPATIONS = [
    ("Parcours", ("pk",), telle_quelle),
    ("Nom", ("participant__nom",), texte),
    ("Prénom", ("participant__prenom",), texte),
    ("Sexe", ("participant__sexe",), texte),
    ("Date de naissance", ("participant__date_naissance",), telle_quelle),
    ("Âge à l'entrée", ("participant__date_naissance", "date_entree"), _age),
    ("Commune", ("participant__commune__nom",), texte),
    ("Date d'entrée", ("date_entree",), telle_quelle),
    ("Situation sur le marché du travail", ("statut_marche_travail",), texte),
    ("Chômeur de longue durée", ("chomage_longue_duree",), oui_non),
    ("Niveau de formation", ("niveau_formation",), texte),
    ("RQTH", ("rqth",), oui_non),
    ("Nationalité", ("nationalite",), texte),
    ("Origine étrangère", ("origine_etrangere",), oui_non),
    ("Sans domicile", ("sans_domicile",), oui_non),
    ("Zone rurale", ("zone_rurale",), oui_non),
    ("QPV", ("qpv",), oui_non),
    ("Date de sortie", ("date_sortie",), telle_quelle),
    ("Motif de sortie", ("motif_sortie",), texte),
    ("Situation à la sortie", ("situation_sortie",), texte),
    ("Qualification obtenue", ("qualification_obtenue",), oui_non),
    ("En emploi à 6 mois", ("emploi_6_mois",), oui_non),
    ("Situation améliorée à 6 mois", ("situation_amelioree_6_mois",), oui_non),
    ("Données FSE+ complètes", ("complet_fse",), oui_non),
    ("Opération", ("operation__code",), texte),
]
# Characters Excel refuses in a sheet name, and its length limit.
INTERDITS_FEUILLE = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def nom_de_feuille(operation):
    return f"Op. {operation.code}".translate(INTERDITS_FEUILLE)[:31]


def participations(user, debut, fin):
    """Participations entering or exiting in the period whose sensitive data `user` may see."""
    from django.db.models import Q

    from parcours.models import Parcours
    from participants.models import Participant

    return (
        Parcours.objects.filter(participant__in=Participant.objects.sensibles_visibles_par(user))
        .filter(Q(date_entree__range=(debut, fin)) | Q(date_sortie__range=(debut, fin)))
        .order_by("date_entree", "id")
    )


@register
class ClasseurFSE(PeriodeKind):
    """Sheet "Indicateurs" (key in A, value in B), one sheet per FSE+ operation running in the
    period (the same keys, its participations only) and sheet "Participations" (their FSE+ data)."""

    code = "fse"
    label = _("Classeur FSE+ (XLSX)")
    description = _("Indicateurs communs FSE+ de la période et données des participations comptées.")
    roles = frozenset({"coordination"})
    extension = "xlsx"
    content_type = XLSX

    def ecrire(self, rapport, progress, sortie):
        from parcours.indicators import LIBELLES, calculer_indicateurs

        debut, fin = self.periode(rapport.parametres)
        progress(10, _("Calcul des indicateurs"))
        indicateurs = calculer_indicateurs(debut, fin)
        classeur = Classeur(sortie)
        feuille = classeur.feuille("Indicateurs")
        feuille.ajouter(["Indicateur", "Valeur", "Libellé"])
        for cle, valeur in indicateurs.items():
            feuille.ajouter(ligne([cle, valeur, str(LIBELLES[cle])]))
        feuille.ajouter([])
        feuille.ajouter(ligne(["Période", f"{debut:%d/%m/%Y} – {fin:%d/%m/%Y}", ""]))
        feuille.ajouter(ligne(["Produit le", timezone.localtime().strftime("%d/%m/%Y %H:%M"), ""]))
        self._feuilles_des_operations(classeur, debut, fin)
        progress(30, _("Liste des participations"))
        feuille = classeur.feuille(
            "Participations", entetes=[titre for titre, _lus, _cellule in COLONNES_PARTICIPATIONS]
        )
        queryset = participations(rapport.demandeur, debut, fin)
        total = queryset.count() or 1
        personnes = set()
        champs, cellules = valeurs_en_cellules(COLONNES_PARTICIPATIONS)
        rangees = queryset.values_list(*champs, "participant_id").iterator(chunk_size=5000)
        for index, rangee in enumerate(rangees, start=1):
            feuille.ajouter(cellules(rangee))
            personnes.add(rangee[-1])
            if index % 2000 == 0:
                progress(30 + int(60 * index / total), _("Liste des participations"))
        rapport.personnes = sorted(personnes)
        progress(95, _("Enregistrement du classeur"))
        classeur.enregistrer()

    def _feuilles_des_operations(self, classeur, debut, fin):
        from parcours.indicators import LIBELLES, calculer_indicateurs
        from parcours.models import Operation

        operations = Operation.objects.filter(date_debut__lte=fin, date_fin__gte=debut).select_related("structure")
        for operation in operations.order_by("code"):
            feuille = classeur.feuille(nom_de_feuille(operation))
            feuille.ajouter(["Indicateur", "Valeur", "Libellé"])
            for cle, valeur in calculer_indicateurs(debut, fin, operation.parcours.all()).items():
                feuille.ajouter(ligne([cle, valeur, str(LIBELLES[cle])]))
            feuille.ajouter([])
            feuille.ajouter(ligne(["Opération", operation.code, operation.intitule]))
            feuille.ajouter(ligne(["Structure porteuse", operation.structure.nom, ""]))
            feuille.ajouter(ligne(["Période", f"{debut:%d/%m/%Y} – {fin:%d/%m/%Y}", ""]))
