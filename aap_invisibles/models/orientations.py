"""From funded action to the PLIE (issue 19): the organisation of a retained dossier orients a
young person it reached, with their consent; the orientation lands in the entry commission's
queue, its prescriber the funded organisation, and counts in the call's funnel
(repéré → mobilisé → orienté → entré)."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrientationPLIE(models.Model):
    """A young person oriented towards the PLIE by a funded action; consent recorded."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.PROTECT, related_name="orientations")
    parcours = models.ForeignKey("parcours.Parcours", on_delete=models.CASCADE, related_name="orientations_aap")
    consentement_le = models.DateTimeField(_("accord de la personne recueilli le"))
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    cree_le = models.DateTimeField(_("transmise le"), auto_now_add=True)

    class Meta:
        verbose_name = _("orientation vers le PLIE")
        verbose_name_plural = _("orientations vers le PLIE")
        ordering = ["-cree_le", "-id"]
        constraints = [models.UniqueConstraint(fields=["dossier", "parcours"], name="aap_orientation_unique")]

    def __str__(self):
        return f"Orientation {self.pk} – {self.dossier}"

    @classmethod
    @transaction.atomic
    def orienter(cls, dossier, par, nom, prenom, date_naissance, commune, telephone="", email=""):
        """Create the person (or find them by identity) and a parcours awaiting the entry commission."""
        from parcours.models import Parcours
        from participants.models import Participant, identity_key

        dossier.exiger("orienter", par)
        participant = Participant.objects.filter(cle_identite=identity_key(nom, prenom, date_naissance)).first()
        if participant is None:
            participant = Participant.objects.create(
                nom=nom,
                prenom=prenom,
                date_naissance=date_naissance,
                commune=commune,
                telephone=telephone,
                email=email,
                cree_par=par,
            )
        # A person already on the PLIE's way keeps their parcours: the orientation is tied to it.
        parcours = Parcours.objects.ouverts().filter(participant=participant).first() or Parcours.objects.create(
            participant=participant, date_orientation=timezone.localdate(), prescripteur=dossier.porteur
        )
        orientation, _cree = cls.objects.get_or_create(
            dossier=dossier, parcours=parcours, defaults={"consentement_le": timezone.now(), "par": par}
        )
        return orientation


def entonnoir(appels):
    """Per call: young people identified and mobilised (the funded organisations' final reports),
    oriented towards the PLIE, entered. Two grouped queries, whatever the number of calls."""
    from .suivi import Bilan

    ids = [a.pk for a in appels]
    bilans = {
        ligne["dossier__appel"]: ligne
        for ligne in Bilan.objects.filter(dossier__appel__in=ids, depose_le__isnull=False)
        .values("dossier__appel")
        .annotate(reperes=Sum("jeunes_reperes"), mobilises=Sum("jeunes_mobilises"))
        .order_by()
    }
    orientations = {
        ligne["dossier__appel"]: ligne
        for ligne in OrientationPLIE.objects.filter(dossier__appel__in=ids)
        .values("dossier__appel")
        .annotate(
            orientes=Count("parcours", distinct=True),
            # Entered after being oriented: a person already in a parcours does not count as brought by the call.
            entres=Count("parcours", filter=Q(parcours__date_entree__gte=TruncDate("cree_le")), distinct=True),
        )
        .order_by()
    }
    return [
        {
            "appel": appel,
            "reperes": (bilans.get(appel.pk) or {}).get("reperes") or 0,
            "mobilises": (bilans.get(appel.pk) or {}).get("mobilises") or 0,
            "orientes": (orientations.get(appel.pk) or {}).get("orientes") or 0,
            "entres": (orientations.get(appel.pk) or {}).get("entres") or 0,
        }
        for appel in appels
    ]
