"""Home of a partner: the steps their structure carries, by status, with the participant's
identity and contact only (DESIGN §1)."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from participants.filters import filtre_recherche
from participants.models import Participant

from ..choices import StatutEtape
from ..models import Etape

ONGLETS = [
    ("a_traiter", _("À traiter"), (StatutEtape.PROPOSEE,)),
    ("acceptees", _("Acceptées"), (StatutEtape.ACCEPTEE,)),
    ("en_cours", _("En cours"), (StatutEtape.EN_COURS,)),
    ("terminees", _("Terminées"), (StatutEtape.TERMINEE,)),
    ("abandonnees", _("Abandonnées"), (StatutEtape.ABANDONNEE,)),
]
TRIS = {
    "debut": ("date_debut_prevue", "id"),
    "-debut": ("-date_debut_prevue", "-id"),
    "participant": ("parcours__participant__nom", "parcours__participant__prenom", "id"),
    "recent": ("-modifie_le", "-id"),
}


def accueil(request):
    """The partner's home page (HOME_VIEWS["partenaire"])."""
    user = request.user
    if not user.is_partenaire:
        raise PermissionDenied
    etapes = Etape.objects.visible_to(user)
    compteurs = etapes.aggregate(
        tout=Count("id"), **{cle: Count("id", filter=Q(statut__in=statuts)) for cle, _libelle, statuts in ONGLETS}
    )
    onglet = request.GET.get("onglet", "a_traiter")
    statuts = {cle: s for cle, _libelle, s in ONGLETS}.get(onglet)
    if statuts is None:
        onglet = "tout"
    else:
        etapes = etapes.filter(statut__in=statuts)
    recherche = request.GET.get("q", "").strip()
    if recherche:
        # The participant list's search, as a partner may use it (identity and e-mail only).
        trouves = filtre_recherche(Participant.objects.all(), recherche, identite_seulement=True)
        etapes = etapes.filter(parcours__participant__in=trouves.values("pk"))
    tri = request.GET.get("tri", "debut")
    etapes = etapes.select_related("parcours__participant__commune", "type").order_by(*TRIS.get(tri, TRIS["debut"]))
    page = Paginator(etapes, 25).get_page(request.GET.get("page"))
    onglets = [(cle, libelle, compteurs[cle]) for cle, libelle, _s in ONGLETS]
    return render(
        request,
        "parcours/etapes/espace_partenaire.html",
        {
            "page_obj": page,
            "etapes": page.object_list,
            "onglets": onglets,
            "par_statut": [(libelle, nombre) for _cle, libelle, nombre in onglets],
            "onglet": onglet,
            "total": compteurs["tout"],
            "nombre": page.paginator.count,
            "tri": tri,
            "recherche": recherche,
        },
    )
