"""The FSE+ workbook of a period: indicators and the participations they count."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from plie_portal.xlsx import ligne, oui_non

from . import register
from .activite import PeriodeKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

COLONNES_PARTICIPATIONS = [
    ("Parcours", lambda p: p.pk),
    ("Nom", lambda p: p.participant.nom),
    ("Prénom", lambda p: p.participant.prenom),
    ("Sexe", lambda p: p.participant.sexe),
    ("Date de naissance", lambda p: p.participant.date_naissance),
    ("Âge à l'entrée", lambda p: p.age_entree()),
    ("Commune", lambda p: p.participant.commune.nom),
    ("Date d'entrée", lambda p: p.date_entree),
    ("Situation sur le marché du travail", lambda p: p.statut_marche_travail),
    ("Chômeur de longue durée", lambda p: oui_non(p.chomeur_longue_duree)),
    ("Niveau de formation", lambda p: p.niveau_formation),
    ("RQTH", lambda p: oui_non(p.rqth)),
    ("Nationalité", lambda p: p.nationalite),
    ("Origine étrangère", lambda p: oui_non(p.origine_etrangere)),
    ("Sans domicile", lambda p: oui_non(p.sans_domicile)),
    ("Zone rurale", lambda p: oui_non(p.zone_rurale)),
    ("QPV", lambda p: oui_non(p.qpv)),
    ("Date de sortie", lambda p: p.date_sortie),
    ("Motif de sortie", lambda p: p.motif_sortie),
    ("Situation à la sortie", lambda p: p.situation_sortie),
    ("Qualification obtenue", lambda p: oui_non(p.qualification_obtenue)),
    ("En emploi à 6 mois", lambda p: oui_non(p.emploi_6_mois)),
    ("Situation améliorée à 6 mois", lambda p: oui_non(p.situation_amelioree_6_mois)),
    ("Données FSE+ complètes", lambda p: oui_non(p.fse_complet)),
    ("Opération", lambda p: p.operation.code if p.operation else ""),
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
        .select_related("participant__commune", "operation")
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
        classeur = Workbook(write_only=True)
        feuille = classeur.create_sheet("Indicateurs")
        feuille.append(["Indicateur", "Valeur", "Libellé"])
        for cle, valeur in indicateurs.items():
            feuille.append(ligne([cle, valeur, str(LIBELLES[cle])]))
        feuille.append([])
        feuille.append(ligne(["Période", f"{debut:%d/%m/%Y} – {fin:%d/%m/%Y}", ""]))
        feuille.append(ligne(["Produit le", timezone.localtime().strftime("%d/%m/%Y %H:%M"), ""]))
        self._feuilles_des_operations(classeur, debut, fin)
        progress(30, _("Liste des participations"))
        feuille = classeur.create_sheet("Participations")
        feuille.append([titre for titre, _valeur in COLONNES_PARTICIPATIONS])
        queryset = participations(rapport.demandeur, debut, fin)
        total = queryset.count() or 1
        personnes = set()
        for index, parcours in enumerate(queryset.iterator(chunk_size=2000), start=1):
            feuille.append(ligne([valeur(parcours) for _titre, valeur in COLONNES_PARTICIPATIONS]))
            personnes.add(parcours.participant_id)
            if index % 2000 == 0:
                progress(30 + int(60 * index / total), _("Liste des participations"))
        rapport.personnes = sorted(personnes)
        progress(95, _("Enregistrement du classeur"))
        classeur.save(sortie)

    def _feuilles_des_operations(self, classeur, debut, fin):
        from parcours.indicators import LIBELLES, calculer_indicateurs
        from parcours.models import Operation

        operations = Operation.objects.filter(date_debut__lte=fin, date_fin__gte=debut).select_related("structure")
        for operation in operations.order_by("code"):
            feuille = classeur.create_sheet(nom_de_feuille(operation))
            feuille.append(["Indicateur", "Valeur", "Libellé"])
            for cle, valeur in calculer_indicateurs(debut, fin, operation.parcours.all()).items():
                feuille.append(ligne([cle, valeur, str(LIBELLES[cle])]))
            feuille.append([])
            feuille.append(ligne(["Opération", operation.code, operation.intitule]))
            feuille.append(ligne(["Structure porteuse", operation.structure.nom, ""]))
            feuille.append(ligne(["Période", f"{debut:%d/%m/%Y} – {fin:%d/%m/%Y}", ""]))
