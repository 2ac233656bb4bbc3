"""Instruction: the dashboard, the committee view with its simulation, the XLSX export."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from plie_portal.filtres import options_html
from territoire.models import Commune

from ..affichage import valeur_affichee
from ..forms.lot import ACTIONS_LOT
from ..models import AppelAProjets, Dossier, Etiquette, SimulationAllocation, StatutDossier
from ..models.appels import STATUTS_EN_LICE
from .base import ROLES_INSTRUCTION, appel_instruit, exiger_role, paginer

TRIS = {
    "depot": ["date_accuse", "id"],
    "-depot": ["-date_accuse", "-id"],
    "montant": ["montant_demande", "id"],
    "-montant": ["-montant_demande", "-id"],
    "score": ["score", "id"],
    "-score": ["-score", "-id"],
    "organisme": ["porteur__nom", "id"],
    "-organisme": ["-porteur__nom", "-id"],
    # Longest wait first: the oldest entry into the state.
    "attente": ["attente_depuis", "id"],
    "-attente": ["-attente_depuis", "-id"],
}


def _decimal(valeur):
    try:
        return Decimal(valeur) if valeur not in (None, "") else None
    except InvalidOperation:
        return None


@require_GET
def instruction(request):
    """Dossiers the user instructs, by state (tabs with counts), filtered and sorted."""
    exiger_role(request, *ROLES_INSTRUCTION)
    appels = list(AppelAProjets.objects.visible_to(request.user).order_by("-date_cloture", "id"))
    base = Dossier.objects.visible_to(request.user)
    appel_id = request.GET.get("appel", "")
    if appel_id.isdigit():
        base = base.filter(appel_id=int(appel_id))
    commune = request.GET.get("commune", "")
    if commune:
        base = base.filter(communes__code_insee=commune)
    mini, maxi = _decimal(request.GET.get("montant_min")), _decimal(request.GET.get("montant_max"))
    if mini is not None:
        base = base.filter(montant_demande__gte=mini)
    if maxi is not None:
        base = base.filter(montant_demande__lte=maxi)
    etiquette = request.GET.get("etiquette", "")
    if etiquette.isdigit():
        base = base.filter(etiquettes=int(etiquette))
    base = base.avec_score(request.user).avec_attente()
    if request.GET.get("en_retard"):
        base = base.en_attente_trop_longue()
    score_min = _decimal(request.GET.get("score_min"))
    if score_min is not None:
        base = base.filter(score__gte=score_min)
    comptes = dict(base.order_by().values_list("statut").annotate(n=Count("id", distinct=True)))
    statut = request.GET.get("statut", "")
    dossiers = base.filter(statut=statut) if statut in StatutDossier.values else base
    tri = request.GET.get("tri", "-depot")
    dossiers = (
        dossiers.select_related("appel", "porteur")
        .prefetch_related("etiquettes")
        .order_by(*TRIS.get(tri, TRIS["-depot"]))
        .distinct()
    )
    etiquettes = list(Etiquette.objects.filter(appel__in=appels).select_related("appel"))
    onglets = [
        {"code": code, "libelle": libelle, "n": comptes.get(code, 0)}
        for code, libelle in StatutDossier.choices
        if code != StatutDossier.BROUILLON
    ]
    contexte = {
        "page": paginer(request, dossiers),
        "onglets": onglets,
        "total": sum(comptes.values()),
        "statut": statut,
        "appels": appels,
        # The selects' options as one string each (71 communes: a loop of 71 otherwise).
        "options_appels": options_html(
            [("", _("Tous")), *((a.pk, a.titre) for a in appels)], request.GET.get("appel", "")
        ),
        "options_communes": options_html(
            [("", _("Toutes")), *Commune.objects.order_by("nom").values_list("code_insee", "nom")],
            commune,
        ),
        "options_etiquettes": options_html(
            [("", _("Toutes")), *((e.pk, f"{e.nom} ({e.appel.titre})") for e in etiquettes)],
            request.GET.get("etiquette", ""),
        ),
        "etiquettes": etiquettes,
        "actions_lot": ACTIONS_LOT,
        "filtres": {k: request.GET.get(k, "") for k in ("montant_min", "montant_max", "score_min", "en_retard")},
        "tri": tri,
    }
    return render(request, "aap_invisibles/instruction.html", contexte)


def lire_simulation(donnees, classement, en_lice):
    """The simulated amounts typed for the dossiers not yet decided, and the errors in French."""
    montants, erreurs = {}, []
    for d in classement:
        valeur = donnees.get(f"simulation_{d.pk}", "").strip().replace(" ", "").replace(",", ".")
        if not valeur or str(d.pk) not in en_lice:
            continue
        montant = _decimal(valeur)
        if montant is None or montant < 0 or montant > d.montant_demande:
            erreurs.append(
                _("%(o)s : montant entre 0 et %(m)s €.")
                % {"o": d.porteur.nom, "m": valeur_affichee(None, d.montant_demande)}
            )
            continue
        montants[str(d.pk)] = str(montant)
    return montants, erreurs


def message_depassement(bilan):
    return _("Ce scénario dépasse l'enveloppe de %(e)s € : %(a)s € déjà accordés et %(s)s € simulés.") % {
        "e": valeur_affichee(None, -bilan["reste"]),
        "a": valeur_affichee(None, bilan["accorde"]),
        "s": valeur_affichee(None, bilan["simule"]),
    }


@require_http_methods(["GET", "POST"])
def comite(request, pk):
    """Ranking by score with requested/proposed amounts, the remainder to allocate and a stored simulation."""
    appel = appel_instruit(request, pk)
    classement = list(
        appel.classement(request.user)
        .filter(
            statut__in=[
                StatutDossier.EN_INSTRUCTION,
                StatutDossier.AUDITION,
                StatutDossier.RETENU,
                StatutDossier.REFUSE,
            ]
        )
        .prefetch_related("etiquettes")
    )
    simulation = SimulationAllocation.objects.filter(appel=appel).first() or SimulationAllocation(appel=appel)
    en_lice = {str(d.pk) for d in classement if d.statut in STATUTS_EN_LICE}
    if request.method == "POST":
        if not request.user.is_coordination:
            raise PermissionDenied
        montants, erreurs = lire_simulation(request.POST, classement, en_lice)
        if not erreurs:
            simulation.montants = montants
            simulation.modifiee_par = request.user
            simulation.save()
            bilan = simulation.bilan(en_lice)
            if bilan["depasse"]:
                messages.warning(request, message_depassement(bilan))
            messages.success(request, _("Simulation enregistrée (elle n'engage pas l'enveloppe)."))
            return redirect("aap_invisibles:comite", pk=appel.pk)
        for erreur in erreurs:
            messages.error(request, erreur)
    simules = simulation.montants
    # The label filter narrows what is shown; the simulation stays the whole call's (read-only then).
    etiquettes = list(appel.etiquettes.all())
    etiquette = next((e for e in etiquettes if str(e.pk) == request.GET.get("etiquette")), None)
    for rang, d in enumerate(classement, 1):
        d.rang = rang
        d.decide = str(d.pk) not in en_lice
        d.simule = request.POST.get(f"simulation_{d.pk}") if request.method == "POST" else simules.get(str(d.pk), "")
    bilan = simulation.bilan(en_lice)
    contexte = {
        "appel": appel,
        "classement": classement,
        "affiches": [d for d in classement if etiquette is None or etiquette in d.etiquettes.all()],
        "etiquettes": etiquettes,
        "etiquette": etiquette,
        "reste": bilan["reste_a_allouer"],
        "bilan": bilan,
        "depassement": message_depassement(bilan) if bilan["depasse"] else "",
        "simulation": simulation,
    }
    return render(request, "aap_invisibles/comite.html", contexte)
