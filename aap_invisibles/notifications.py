"""The notifications of the outside opinions: a request (and its reminders) to the expert, an
answer to the instructors of the call."""

from django.urls import reverse
from django.utils.translation import gettext as _

from notifications.models import Categorie
from notifications.services import notifier
from plie_portal.dates import date_longue


def _lien(demande):
    return reverse("aap_invisibles:avis", args=[demande.pk])


def avis_demande(demande):
    """Tell the expert what is asked of them, about which project, for when."""
    dossier = demande.dossier
    return notifier(
        [demande.expert],
        Categorie.AVIS_DEMANDE,
        _("Avis demandé : %(projet)s") % {"projet": dossier.projet_intitule or dossier.porteur.nom},
        _(
            "%(par)s vous demande votre avis sur le projet de %(porteur)s (appel « %(appel)s »), pour le "
            "%(echeance)s.\n\nQuestion : %(question)s"
        )
        % {
            "par": demande.demandee_par or _("L'équipe d'instruction"),
            "porteur": dossier.porteur.nom,
            "appel": dossier.appel.titre,
            "echeance": date_longue(demande.echeance),
            "question": demande.question,
        },
        _lien(demande),
    )


def rappel_avis(demande, apres):
    """Remind the expert before the due date, or once it has passed."""
    titre = (_("Avis attendu depuis le %(echeance)s") if apres else _("Rappel : avis attendu pour le %(echeance)s")) % {
        "echeance": date_longue(demande.echeance)
    }
    return notifier(
        [demande.expert],
        Categorie.AVIS_DEMANDE,
        titre,
        _("Projet de %(porteur)s, appel « %(appel)s ».\n\nQuestion : %(question)s")
        % {"porteur": demande.dossier.porteur.nom, "appel": demande.dossier.appel.titre, "question": demande.question},
        _lien(demande),
    )


def avis_recu(demande, premiere):
    """Tell whoever asked, and the call's instructors, that the opinion arrived (or changed)."""
    dossier = demande.dossier
    destinataires = {demande.demandee_par, *dossier.appel.instructeurs.filter(is_active=True)} - {None}
    return notifier(
        destinataires,
        Categorie.AVIS_RECU,
        (_("Avis reçu de %(expert)s") if premiere else _("Avis modifié par %(expert)s")) % {"expert": demande.expert},
        _("Avis %(avis)s sur le projet de %(porteur)s.")
        % {"avis": demande.get_avis_display().lower(), "porteur": dossier.porteur.nom},
        dossier.get_absolute_url(),
        peut_voir=lambda u: dossier.peut_instruire(u),
    )
