"""Sending notifications: in the portal and by email, as each recipient chose per category."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Canal, Categorie, Notification, Preference


def notifier(utilisateurs, categorie, titre, corps="", lien=""):
    """Notify active `utilisateurs` in the portal and by email; emails leave after commit."""
    destinataires = {u.pk: u for u in utilisateurs if u is not None and u.is_active}
    if not destinataires:
        return []
    hors_portail = Preference.objects.desactivees(destinataires, Canal.APPLICATION)
    hors_email = Preference.objects.desactivees(destinataires, Canal.EMAIL)
    notifications = Notification.objects.bulk_create(
        Notification(utilisateur_id=pk, categorie=categorie, titre=titre[:200], corps=corps, lien=lien)
        for pk in destinataires
        if (pk, categorie) not in hors_portail
    )
    for pk in destinataires:
        if (pk, categorie) not in hors_email:
            transaction.on_commit(lambda pk=pk: _envoyer(pk, titre, corps, lien))
    return notifications


def _envoyer(user_id, titre, corps, lien):
    from .tasks import envoyer_email

    envoyer_email.delay(user_id, titre, corps, lien)


def _referent_de(etape):
    return etape.parcours.referent or etape.parcours.participant.referent


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
    )


def notifier_affectation(participant, referent):
    """`participant` was assigned to `referent`: the new referent is told."""
    if referent is None:
        return []
    return notifier(
        [referent],
        Categorie.AFFECTATION,
        _("Nouveau participant suivi : %(personne)s") % {"personne": participant},
        _("%(personne)s vous a été affecté·e comme référent·e de parcours.") % {"personne": participant},
        _lien_participant(participant),
    )


def notifier_reaffectation(referent, nombre, ancien):
    """A whole caseload was moved to `referent`: one summary notification."""
    return notifier(
        [referent],
        Categorie.AFFECTATION,
        _("%(n)d participant(s) vous ont été réaffecté(s)") % {"n": nombre},
        _("La coordination vous a confié le portefeuille de %(ancien)s : %(n)d participant(s).")
        % {"ancien": ancien, "n": nombre},
        reverse("notifications:liste"),
    )


def _lien_participant(participant):
    from django.urls import NoReverseMatch

    try:
        return reverse("participants:detail", kwargs={"pk": participant.pk})
    except NoReverseMatch:
        return ""
