"""Steps: list and detail through `Etape.objects.visible_to`, and the named transitions a partner
takes on its structure's steps, with the page's forms, checks and messages
(`parcours.etapes.actions`)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from accounts.audit import log_access
from accounts.models import Role
from parcours.choices import StatutEtape
from parcours.etapes import actions
from parcours.models import Etape

from ..schemas import AbandonnerIn, AccepterIn, DemarrerIn, Erreur, EtapeOut, RefuserIn, TerminerIn

router = Router(tags=["Étapes"])

ROLES_ETAPES = (Role.COORDINATION, Role.REFERENT, Role.PARTENAIRE)


def _etapes(request):
    if not request.user.has_role(*ROLES_ETAPES):
        raise PermissionDenied
    return actions.avec_portail(Etape.objects.visible_to(request.user).select_related(*actions.CHARGEES))


@router.get("", response=list[EtapeOut], url_name="etapes", summary="Étapes")
@paginate(LimitOffsetPagination)
def liste(request, statut: StatutEtape | None = None, participant: int | None = None):
    """The steps you may open (a partner: its structure's), soonest planned first."""
    etapes = _etapes(request)
    if statut:
        etapes = etapes.filter(statut=statut)
    if participant is not None:
        etapes = etapes.filter(parcours__participant_id=participant)
    log_access(request, "consultation", objet_type="parcours.Etape", description="API : liste des étapes")
    return etapes.order_by("date_debut_prevue", "id")


@router.get("/{int:pk}", response=EtapeOut, url_name="etape", summary="Une étape")
def detail(request, pk: int):
    etape = get_object_or_404(_etapes(request), pk=pk)
    log_access(
        request, "consultation", etape.parcours.participant, description=f"API : étape {etape.pk} ({etape.type})"[:255]
    )
    return etape


def _transition(request, pk, action, corps):
    """Take `action` on step `pk` with the page's form; 409 with the page's message when refused."""
    if not request.user.has_role(*ROLES_ETAPES):
        raise PermissionDenied
    etape = get_object_or_404(actions.etapes_actionnables(request.user), pk=pk)
    refus = actions.refus_de_l_action(etape, request.user, action)
    if refus:
        raise HttpError(409, refus)
    donnees = {cle: ("" if valeur is None else str(valeur)) for cle, valeur in corps.dict().items()}
    form = actions.formulaire_de_l_action(etape, action, donnees, prefixe=False)
    if not (form.is_valid() and actions.appliquer(form, etape, request.user, action)):
        messages = [m for erreurs in form.errors.values() for m in erreurs]
        raise HttpError(422, " ".join(messages))
    log_access(request, "modification", etape.parcours.participant, description=f"API : étape {etape.pk} {action}")
    # The step as it now stands, even when its new end date takes it out of the partner's window.
    etape.refresh_from_db()
    return etape


REPONSES = {200: EtapeOut, 403: Erreur, 404: Erreur, 409: Erreur, 422: Erreur}


@router.post("/{int:pk}/accepter", response=REPONSES, url_name="etape_accepter", summary="Accepter une étape")
def accepter(request, pk: int, corps: AccepterIn):
    return _transition(request, pk, "accepter", corps)


@router.post("/{int:pk}/refuser", response=REPONSES, url_name="etape_refuser", summary="Refuser une étape")
def refuser(request, pk: int, corps: RefuserIn):
    """Refuse a proposed step; `motif` is one of the page's reasons (MotifRefusEtape codes)."""
    return _transition(request, pk, "refuser", corps)


@router.post("/{int:pk}/demarrer", response=REPONSES, url_name="etape_demarrer", summary="Démarrer une étape")
def demarrer(request, pk: int, corps: DemarrerIn):
    return _transition(request, pk, "demarrer", corps)


@router.post("/{int:pk}/terminer", response=REPONSES, url_name="etape_terminer", summary="Terminer une étape")
def terminer(request, pk: int, corps: TerminerIn):
    return _transition(request, pk, "terminer", corps)


@router.post("/{int:pk}/abandonner", response=REPONSES, url_name="etape_abandonner", summary="Abandonner une étape")
def abandonner(request, pk: int, corps: AbandonnerIn):
    return _transition(request, pk, "abandonner", corps)
