"""Homes of the referent (caseload with alerts, agenda) and of coordination (PLIE-wide figures)."""

from datetime import date, timedelta

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from aap_invisibles.models import AppelAProjets, entonnoir
from accounts.models import User
from accounts.permissions import role_required
from parcours.indicators import entrees_et_sorties_par_mois, personnes_accompagnees_en, sorties_positives
from parcours.models import Entretien, Objectif, Operation, Parcours
from parcours.operations.views import sans_operation
from parcours.portefeuille import alertes_du_portefeuille, compter_alertes, libelles_alertes, portefeuille

from ..models import Participant, StatutParcours


@role_required("referent")
def accueil_referent(request):
    """The caseload: the referent's participants with an open parcours or a follow-up due."""
    user = request.user
    aujourd_hui = timezone.localdate()
    ordre = ("nom", "prenom", "id")
    suivis = portefeuille(Participant.objects.all(), user, aujourd_hui)
    libelles = libelles_alertes()
    # A caseload is a hundred people or so: their alerts, sorted, in one query, give the counters,
    # the filter on an alert and the page; the page's 25 rows are then read without any subquery.
    du_portefeuille = alertes_du_portefeuille(suivis, ordre, aujourd_hui)
    comptes = compter_alertes(du_portefeuille)
    alerte = request.GET.get("alerte", "")
    if alerte in libelles:
        du_portefeuille = [ligne for ligne in du_portefeuille if alerte in ligne.alertes]
    else:
        alerte = ""
    page = Paginator(du_portefeuille, 25).get_page(request.GET.get("page"))
    de_la_page = {ligne.pk: ligne for ligne in page.object_list}
    lignes = list(Participant.objects.filter(pk__in=list(de_la_page)).select_related("commune").order_by(*ordre))
    for participant in lignes:
        participant.dernier_entretien = de_la_page[participant.pk].dernier_entretien
        participant.alertes = de_la_page[participant.pk].alertes
    maintenant = timezone.now()
    agenda = (
        Entretien.objects.planifies()
        .filter(
            parcours__participant__referent=user,
            date__gte=maintenant,
            date__lt=maintenant + timedelta(days=14),
        )
        .select_related("parcours__participant")
        .order_by("date", "id")
    )
    return render(
        request,
        "participants/accueil_referent.html",
        {
            "page_obj": page,
            "participants": lignes,
            "alertes": libelles,
            "total_suivis": comptes["total"],
            "compteurs": [(cle, libelle, comptes[cle]) for cle, libelle in libelles.items()],
            "alerte": alerte,
            "agenda": list(agenda[:50]),
        },
    )


def chiffres_annee(annee):
    """People accompanied in the year and the exits of complete participations (as the FSE+
    indicators count them): the figures of parcours.indicators, shared with the reports."""
    return (personnes_accompagnees_en(annee), *sorties_positives(date(annee, 1, 1), date(annee, 12, 31)))


@role_required("coordination")
def accueil_coordination(request):
    annee = timezone.localdate().year
    par_referent, par_structure = en_parcours_par_referent()
    accompagnes, sorties, positives, taux = chiffres_annee(annee)
    objectif = Objectif.pour(annee)
    activite, structure_activite = activite_par_mois(request, par_structure)
    return render(
        request,
        "participants/accueil_coordination.html",
        {
            "annee": annee,
            "par_structure": par_structure,
            # Every referent counts in the total; a page of them is listed.
            "referents": Paginator(par_referent, 25).get_page(request.GET.get("page")),
            "total_en_parcours": sum(ligne["n"] for ligne in par_referent),
            "en_attente": Participant.objects.filter(statut_parcours=StatutParcours.EN_ATTENTE).count(),
            "accompagnes": accompagnes,
            "objectif": objectif,
            "sorties": sorties,
            "sorties_positives": positives,
            "taux": taux,
            "taux_pourcent": round(taux * 100, 1),
            "objectif_taux_pourcent": round(float(objectif.taux_sorties_positives) * 100, 1),
            "accompagnes_max": max(objectif.participants_max, accompagnes),
            "activite": activite,
            "structure_activite": structure_activite,
            # The FSE+ operations of the year and their data quality (red above the threshold).
            "operations": list(
                Operation.objects.filter(date_debut__lte=date(annee, 12, 31), date_fin__gte=date(annee, 1, 1))
                .select_related("structure")
                .avec_qualite()
                .order_by("code")[:20]
            ),
            "sans_operation": sans_operation().count(),
            # Each call's funnel: identified → mobilised → oriented → entered (aap_invisibles).
            "entonnoirs": entonnoir(list(AppelAProjets.objects.publies().order_by("-date_cloture", "id")[:5])),
        },
    )


def en_parcours_par_referent():
    """People in parcours (their current one entered, not exited) by referent, and by structure
    (its sums): one indexed count by referent (the kept status column), then their names."""
    structure = "participant__referent__structure__"
    comptes = (
        Participant.objects.filter(statut_parcours=StatutParcours.EN_PARCOURS)
        .order_by()
        .values_list("referent_id")
        .annotate(n=Count("*"))  # the index (statut_parcours, referent) answers alone
    )
    comptes = dict(comptes)
    # Values, not users: a national PLIE has over a thousand referents, of whom a page is shown.
    referents = {
        ligne[0]: ligne[1:]
        for ligne in User.objects.filter(pk__in=[pk for pk in comptes if pk]).values_list(
            "pk", "first_name", "last_name", "structure_id", "structure__nom"
        )
    }
    par_referent = []
    for pk, n in comptes.items():
        prenom, nom, structure_id, structure_nom = referents.get(pk, (None, None, None, None))
        par_referent.append(
            {
                "participant__referent__id": pk,
                "participant__referent__first_name": prenom,
                "participant__referent__last_name": nom,
                f"{structure}id": structure_id,
                f"{structure}nom": structure_nom,
                "n": n,
            }
        )
    par_referent.sort(
        key=lambda ligne: (
            -ligne["n"],
            ligne["participant__referent__last_name"] or "",
            ligne["participant__referent__id"] or 0,
        )
    )
    totaux = {}
    for ligne in par_referent:
        total = totaux.setdefault(
            ligne[f"{structure}id"],
            {f"{structure}id": ligne[f"{structure}id"], f"{structure}nom": ligne[f"{structure}nom"], "n": 0},
        )
        total["n"] += ligne["n"]
    par_structure = sorted(
        totaux.values(), key=lambda t: (-t["n"], t[f"{structure}nom"] is None, t[f"{structure}nom"] or "")
    )
    return par_referent, par_structure


def activite_par_mois(request, par_structure):
    """Entries and exits of each month of the last twelve, for the PLIE or for the structure
    chosen in `?structure=` among those of the dashboard; the choice kept ("" for the PLIE)."""
    aujourd_hui = timezone.localdate()
    debut = date(aujourd_hui.year - (aujourd_hui.month < 12), aujourd_hui.month % 12 + 1, 1)
    structures = {str(ligne["participant__referent__structure__id"]) for ligne in par_structure}
    choisie = request.GET.get("structure", "")
    parcours = None
    if choisie in structures and choisie != "None":
        parcours = Parcours.objects.filter(participant__referent__structure_id=choisie)
    else:
        choisie = ""
    return entrees_et_sorties_par_mois(debut, aujourd_hui, parcours), choisie
