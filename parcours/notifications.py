"""The notifications of the parcours: steps proposed, answered or updated; a caseload moved."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from notifications.models import Categorie
from notifications.services import notifier


def _referent_de(etape):
    return etape.parcours.referent or etape.parcours.participant.referent


def _voit_l_etape(etape):
    from .models import Etape

    return lambda user: Etape.objects.visible_to(user).filter(pk=etape.pk).exists()


def notifier_etape_proposee(etape):
    """A step was proposed to a structure: its active partner users are told."""
    from accounts.models import Role, User

    partenaires = User.objects.filter(structure_id=etape.structure_id, role=Role.PARTENAIRE, is_active=True)
    participant = etape.parcours.participant
    return notifier(
        partenaires,
        Categorie.ETAPE_PROPOSEE,
        _("Nouvelle proposition : %(type)s pour %(personne)s") % {"type": etape.type, "personne": participant},
        _("%(referent)s propose à %(structure)s l'étape « %(type)s » pour %(personne)s.")
        % {
            "referent": etape.proposee_par or _("Le PLIE"),
            "structure": etape.structure,
            "type": etape.type,
            "personne": participant,
        },
        reverse("parcours:etape_detail", kwargs={"pk": etape.pk}),
        peut_voir=_voit_l_etape(etape),
    )


def notifier_suivi_etape(etape, par):
    """A partner answered or updated a step: the participant's referent is told (not the author)."""
    referent = _referent_de(etape)
    if referent is None or referent == par:
        return []
    participant = etape.parcours.participant
    return notifier(
        [referent],
        Categorie.ETAPE_SUIVI,
        _("%(structure)s : étape « %(type)s » %(statut)s")
        % {"structure": etape.structure, "type": etape.type, "statut": etape.get_statut_display().lower()},
        _("Étape « %(type)s » de %(personne)s, portée par %(structure)s : %(statut)s.%(commentaire)s")
        % {
            "type": etape.type,
            "personne": participant,
            "structure": etape.structure,
            "statut": etape.get_statut_display().lower(),
            "commentaire": f"\n{etape.commentaire_partenaire}" if etape.commentaire_partenaire else "",
        },
        reverse("parcours:etape_detail", kwargs={"pk": etape.pk}),
        peut_voir=_voit_l_etape(etape),
    )


def notifier_reaffectation(referent, nombre, ancien):
    """A whole caseload was moved to `referent`: one summary notification."""
    return notifier(
        [referent],
        Categorie.AFFECTATION,
        ngettext("%(n)d participant vous a été réaffecté", "%(n)d participants vous ont été réaffectés", nombre)
        % {"n": nombre},
        ngettext(
            "La coordination vous a confié le portefeuille de %(ancien)s : %(n)d participant.",
            "La coordination vous a confié le portefeuille de %(ancien)s : %(n)d participants.",
            nombre,
        )
        % {"ancien": ancien, "n": nombre},
        reverse("notifications:liste"),
    )
