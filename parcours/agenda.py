"""What parcours put in a staff member's calendar feed (plie_portal.agenda): their planned
interviews and the group sessions they or their structure lead. A name and a time, never a note."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from participants.models import Participant
from plie_portal.agenda import Evenement, calendrier
from plie_portal.dates import date_longue

from .models import Atelier, Entretien

# An interview has no end time in the journal: it takes this long in a calendar.
DUREE_ENTRETIEN = datetime.timedelta(hours=1)


def evenement_entretien(entretien):
    """A planned interview as an event: the person's name, the kind, the time."""
    return Evenement(
        uid=f"entretien-{entretien.pk}",
        titre=_("Entretien – %(personne)s (%(type)s)")
        % {"personne": entretien.parcours.participant, "type": entretien.get_type_display().lower()},
        debut=entretien.date,
        fin=entretien.date + DUREE_ENTRETIEN,
    )


def entretiens(user, debut, fin):
    """The planned interviews of the people `user` follows, or that they wrote down."""
    planifies = (
        Entretien.objects.planifies()
        .filter(date__range=(debut, fin), parcours__participant__in=Participant.objects.visible_to(user))
        .filter(Q(auteur=user) | Q(parcours__referent=user))
        .select_related("parcours__participant")
    )
    return [evenement_entretien(e) for e in planifies]


def ateliers(user, debut, fin):
    """The group sessions `user` created or their structure leads."""
    propres = Q(cree_par=user) | (Q(structure_id=user.structure_id) if user.structure_id else Q(pk__in=[]))
    sessions = Atelier.objects.visible_to(user).filter(propres, debut__range=(debut, fin))
    return [
        Evenement(
            uid=f"atelier-{a.pk}",
            titre=_("Atelier – %(intitule)s") % {"intitule": a.intitule},
            debut=a.debut,
            fin=a.debut + datetime.timedelta(minutes=a.duree_minutes),
            lieu=a.lieu,
        )
        for a in sessions
    ]


def invitation_rendez_vous(entretien):
    """The e-mail telling a participant their next appointment: subject, text and the `.ics`.
    The event is titled from their side (who they meet), the journal's note never in it."""
    conseiller = entretien.parcours.referent or entretien.auteur
    nom = (conseiller.get_full_name() or conseiller.email) if conseiller else _("votre référent·e PLIE")
    evenement = Evenement(
        uid=f"rendez-vous-{entretien.pk}",
        titre=_("Rendez-vous PLIE avec %(nom)s") % {"nom": nom},
        debut=entretien.date,
        fin=entretien.date + DUREE_ENTRETIEN,
    )
    quand = timezone.localtime(entretien.date)
    sujet = _("Votre rendez-vous du %(jour)s") % {"jour": date_longue(quand.date())}
    corps = _(
        "Bonjour %(prenom)s,\n\nVotre prochain rendez-vous PLIE avec %(nom)s : le %(jour)s à %(heure)s (%(type)s).\n"
        "Le fichier joint l'ajoute à votre agenda.\n\nEn cas d'empêchement, prévenez votre référent·e."
    ) % {
        "prenom": entretien.parcours.participant.prenom,
        "nom": nom,
        "jour": date_longue(quand.date()),
        "heure": quand.strftime("%H:%M"),
        "type": entretien.get_type_display().lower(),
    }
    return sujet, corps, calendrier([evenement], methode="REQUEST")
