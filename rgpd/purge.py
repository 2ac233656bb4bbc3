"""Retention of personal data (RGPD): what `purge_expired` anonymises and deletes.

- Participants: anonymised `PLIE_DUREE_CONSERVATION_PARTICIPANT_ANS` years after their last contact
  (last realised interview, step start or end, orientation, entry, exit, six-month follow-up), never
  while a parcours is open, nor before the end of the FSE+ audit period (`PLIE_DUREE_AUDIT_FSE_ANS`
  years after the end of the year of exit).
- Access log: rows older than one year.
- Applicants' drafts untouched for `PLIE_DUREE_BROUILLON_MOIS` months: a warning email one month
  before, then deletion (with their files) if still untouched.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.deletion import Collector
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import AccesDonnees, AvertissementBrouillon
from plie_portal.dates import months_after, months_before


@dataclass
class Bilan:
    """What a purge did (or would do, in a dry run)."""

    participants: list = field(default_factory=list)
    documents: int = 0
    historique: int = 0
    rapports: int = 0
    notifications: int = 0
    acces: int = 0
    brouillons_avertis: list = field(default_factory=list)
    brouillons_supprimes: list = field(default_factory=list)
    rapports_expires: int = 0


def fin_audit_fse(date_sortie):
    """Last day of the FSE+ audit period of a parcours that ended on `date_sortie`."""
    return datetime.date(date_sortie.year + settings.PLIE_DUREE_AUDIT_FSE_ANS, 12, 31)


def dernier_contact(participant):
    """The last date the PLIE was in contact with the person (creation date when nothing else)."""
    dates = [timezone.localdate(participant.cree_le)]
    for parcours in participant.parcours.all():
        dates += [parcours.date_orientation, parcours.date_entree, parcours.date_sortie, parcours.date_suivi_6_mois]
        dates += [d for etape in parcours.etapes.all() for d in (etape.date_debut, etape.date_fin)]
        dates += [timezone.localdate(e.date) for e in parcours.entretiens_realises]
    return max(d for d in dates if d)


def anonymisable(participant, today):
    """True when the retention period is over and no FSE+ audit period nor open parcours keeps the data."""
    from parcours.choices import DecisionCommission

    for parcours in participant.parcours.all():
        if parcours.date_sortie is None and parcours.decision_commission != DecisionCommission.REFUSEE:
            return False
        if parcours.date_sortie is not None and today <= fin_audit_fse(parcours.date_sortie):
            return False
    limite = months_after(dernier_contact(participant), 12 * settings.PLIE_DUREE_CONSERVATION_PARTICIPANT_ANS)
    return today > limite


def participants_a_anonymiser(today):
    from parcours.models import Entretien
    from participants.models import Participant

    realises = models.Prefetch(
        "parcours__entretiens",
        queryset=Entretien.objects.realises().only("id", "parcours_id", "date"),
        to_attr="entretiens_realises",
    )
    queryset = (
        Participant.objects.filter(
            anonymise_le__isnull=True,
            cree_le__date__lt=months_before(today, 12 * settings.PLIE_DUREE_CONSERVATION_PARTICIPANT_ANS),
        )
        .prefetch_related("parcours__etapes", realises)
        .order_by("pk")
    )
    return [p for p in queryset.iterator(chunk_size=500) if anonymisable(p, today)]


def supprimer_fichiers(objets):
    """Delete from storage the files of the FileFields of `objets`."""
    count = 0
    for objet in objets:
        for champ in objet._meta.concrete_fields:
            if isinstance(champ, models.FileField):
                fichier = getattr(objet, champ.name)
                if fichier and fichier.name:
                    fichier.storage.delete(fichier.name)
                    count += 1
    return count


def supprimer_notifications(participant, parcours_ids, formes=()):
    """Delete the notifications (messages naming the person) about the participant or their steps,
    and any other whose title or text names them."""
    from django.urls import reverse

    from notifications.models import Notification
    from parcours.models import Etape

    liens = [reverse("participants:detail", kwargs={"pk": participant.pk})]
    liens += [
        reverse("parcours:etape_detail", kwargs={"pk": pk})
        for pk in Etape.objects.filter(parcours_id__in=parcours_ids).values_list("pk", flat=True)
    ]
    nommees = Q(lien__in=liens)
    for forme in formes:
        nommees |= Q(titre__icontains=forme) | Q(corps__icontains=forme)
    return Notification.objects.filter(nommees).delete()[0]


# Report kinds whose files list people by name (the participant list, the FSE+ workbook): after an
# anonymisation, those produced before it are deleted (they would be regenerated without the person).
RAPPORTS_NOMINATIFS = ("participants", "fse")
ANONYME = "[personne anonymisée]"


def identites(participant):
    """The identities by which records may name the person: theirs and those of the duplicates
    merged into their record (Fusion.absorbe_identite)."""
    from participants.models import Fusion

    champs = ("nom", "prenom", "nom_naissance", "email", "telephone", "identifiant_france_travail")
    propres = {champ: getattr(participant, champ) or "" for champ in champs}
    return [propres, *(f.absorbe_identite or {} for f in Fusion.objects.filter(conserve=participant))]


def formes_du_nom(identites):
    """The texts that name the person in free text: "NOM Prénom" in both orders (the portal's own
    way, str(participant), and a person's), e-mail, phone and France Travail identifier."""
    formes = set()
    for identite in identites:
        prenom = identite.get("prenom") or ""
        for nom in (identite.get("nom") or "", identite.get("nom_naissance") or ""):
            if nom and prenom:
                formes |= {f"{nom} {prenom}", f"{prenom} {nom}"}
        formes |= {identite.get(cle) or "" for cle in ("email", "telephone", "identifiant_france_travail")}
    return sorted((forme for forme in formes if len(forme) >= 4), key=len, reverse=True)


def effacer(texte, formes):
    """`texte` with every form of the name replaced (case and accents of the original kept aside)."""
    for forme in formes:
        texte = re.sub(re.escape(forme), ANONYME, texte, flags=re.IGNORECASE)
    return texte


def effacer_partout(formes, noms_de_famille, objets):
    """The texts outside the person's own rows that may name them: commission minutes, the access
    log (descriptions, and the addresses of searches and exports), Django's admin log. `objets`:
    {model label: ids} of every record about the person, merged duplicates and documents included."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from parcours.models import SessionCommission

    for session in SessionCommission.objects.exclude(compte_rendu="").only("pk", "compte_rendu"):
        # A line of the minutes that names the person goes whole: it also holds the decision's reason.
        texte = "\n".join(
            f"- {ANONYME}" if effacer(ligne, formes) != ligne else ligne for ligne in session.compte_rendu.splitlines()
        )
        if texte != session.compte_rendu:
            SessionCommission.objects.filter(pk=session.pk).update(compte_rendu=texte)

    sur_la_personne = Q(pk__in=[])
    for label, ids in objets.items():
        sur_la_personne |= Q(objet_type=label, objet_id__in=[str(pk) for pk in ids])
    # Their descriptions are names and document titles ("Attestation RQTH MDPH").
    AccesDonnees.objects.filter(sur_la_personne).update(description="")
    # A search for the person (…?q=Normand) names them in the address and the description.
    recherche = Q(pk__in=[])
    for mot in formes:
        recherche |= Q(description__icontains=mot) | Q(chemin__icontains=mot)
    for mot in noms_de_famille:
        recherche |= Q(chemin__contains="?") & (Q(description__icontains=mot) | Q(chemin__icontains=mot))
    for acces in AccesDonnees.objects.filter(recherche).only("pk", "description", "chemin"):
        nomme = any(mot.lower() in acces.description.lower() for mot in noms_de_famille)
        AccesDonnees.objects.filter(pk=acces.pk).update(
            description="" if nomme else effacer(acces.description, formes), chemin=acces.chemin.split("?", 1)[0]
        )

    dans_l_admin = Q(pk__in=[])
    for label, ids in objets.items():
        type_ = ContentType.objects.get_by_natural_key(*label.lower().split("."))
        dans_l_admin |= Q(content_type=type_, object_id__in=[str(pk) for pk in ids])
    LogEntry.objects.filter(dans_l_admin).update(object_repr=ANONYME, change_message="")


def anonymiser(participant, bilan, now):
    """Erase the identity, contact, free texts, documents, history and reports of one participant."""
    from django.apps import apps

    from parcours.models import Entretien, Etape, Parcours, Transition
    from participants.models import Fusion

    with transaction.atomic():
        personnes = identites(participant)
        formes = formes_du_nom(personnes)
        noms_de_famille = sorted(
            {nom for p in personnes for nom in (p.get("nom"), p.get("nom_naissance")) if nom and len(nom) >= 4}
        )
        absorbes = list(Fusion.objects.filter(conserve=participant).values_list("absorbe_numero", flat=True))
        fiches = [participant.pk, *absorbes]
        parcours_ids = list(Parcours.history.filter(participant_id__in=fiches).values_list("id", flat=True))
        parcours_ids = sorted(set(parcours_ids) | set(participant.parcours.values_list("id", flat=True)))
        documents = list(participant.documents.all())
        objets = {
            "participants.Participant": fiches,
            "participants.Document": [d.pk for d in documents],
            "parcours.Parcours": parcours_ids,
            "parcours.Etape": list(Etape.objects.filter(parcours_id__in=parcours_ids).values_list("pk", flat=True)),
            "parcours.Entretien": list(
                Entretien.objects.filter(parcours_id__in=parcours_ids).values_list("pk", flat=True)
            ),
        }
        bilan.documents += len(documents)
        supprimer_fichiers(documents)
        participant.documents.all().delete()

        participant.nom = "ANONYME"
        participant.nom_naissance = ""
        participant.prenom = f"n° {participant.pk}"
        participant.date_naissance = participant.date_naissance.replace(month=1, day=1)
        participant.adresse = participant.telephone = participant.email = ""
        participant.identifiant_france_travail = ""
        participant.anonymise_le = now
        participant.save_without_historical_record()

        Parcours.objects.filter(pk__in=parcours_ids).update(motif_decision="")
        Etape.objects.filter(parcours_id__in=parcours_ids).update(
            objectif="", resultat="", motif_detail="", commentaire_partenaire=""
        )
        Entretien.objects.filter(parcours_id__in=parcours_ids).update(note="")
        Transition.objects.filter(parcours_id__in=parcours_ids).update(motif="")
        Fusion.objects.filter(conserve=participant).update(absorbe_identite={})
        effacer_partout(formes, noms_de_famille, objets)

        bilan.historique += participant.history.all().delete()[0]
        # The history of every record merged into theirs (another spelling, their e-mail, their phone).
        bilan.historique += participant.history.model.objects.filter(id__in=absorbes).delete()[0]
        bilan.historique += Parcours.history.filter(id__in=parcours_ids).delete()[0]
        bilan.historique += Etape.history.filter(parcours_id__in=parcours_ids).delete()[0]

        if apps.is_installed("notifications"):
            bilan.notifications += supprimer_notifications(participant, parcours_ids, formes)

        if apps.is_installed("reports"):
            from reports.models import Rapport

            # Documents about the person, and the lists that name everyone (produced before now).
            rapports = list(
                Rapport.objects.filter(
                    Q(parametres__participant=participant.pk) | Q(type__in=RAPPORTS_NOMINATIFS, cree_le__lte=now)
                )
            )
            supprimer_fichiers(rapports)
            bilan.rapports += len(rapports)
            Rapport.objects.filter(pk__in=[r.pk for r in rapports]).delete()
    bilan.participants.append(participant.pk)


def brouillons(now, bilan, dry_run):
    """Warn about drafts untouched for 11 months; delete those warned a month ago and still untouched."""
    from django.apps import apps

    if not apps.is_installed("aap_invisibles"):
        return
    from aap_invisibles.models import Dossier, StatutDossier

    duree = settings.PLIE_DUREE_BROUILLON_MOIS
    a_avertir = Dossier.objects.filter(
        statut=StatutDossier.BROUILLON, modifie_le__lt=months_before(now, duree - 1)
    ).select_related("appel", "porteur", "avertissement_suppression")
    for dossier in a_avertir.order_by("pk"):
        avertissement = getattr(dossier, "avertissement_suppression", None)
        if avertissement is not None and avertissement.dossier_modifie_le == dossier.modifie_le:
            if dossier.modifie_le < months_before(now, duree) and avertissement.envoye_le <= months_before(now, 1):
                bilan.brouillons_supprimes.append(dossier.pk)
                if not dry_run:
                    supprimer_dossier(dossier)
            continue
        bilan.brouillons_avertis.append(dossier.pk)
        if not dry_run:
            avertir(dossier, now)


def avertir(dossier, now):
    """Warn the applicant, in the dossier's thread and by e-mail (as every automatic message)."""
    from aap_invisibles.models import Message

    contexte = {"dossier": dossier, "suppression_le": months_after(now, 1)}
    Message.ecrire_automatique(
        dossier,
        f"Votre brouillon de dossier « {dossier.appel} » sera supprimé dans un mois",
        render_to_string("accounts/email/brouillon_avertissement.txt", contexte),
    )
    AvertissementBrouillon.objects.update_or_create(
        dossier=dossier, defaults={"envoye_le": now, "dossier_modifie_le": dossier.modifie_le}
    )


def supprimer_dossier(dossier):
    """Delete a draft with everything attached to it, files included."""
    with transaction.atomic():
        collector = Collector(using="default")
        collector.collect([dossier])
        for instances in collector.data.values():
            supprimer_fichiers(instances)
        for queryset in collector.fast_deletes:
            if any(isinstance(f, models.FileField) for f in queryset.model._meta.concrete_fields):
                supprimer_fichiers(queryset)
        dossier.delete()


def purger(dry_run=False, now=None):
    """Run every retention rule; with `dry_run`, only say what would be done."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    bilan = Bilan()
    for participant in participants_a_anonymiser(today):
        if dry_run:
            bilan.participants.append(participant.pk)
        else:
            anonymiser(participant, bilan, now)
    if dry_run:
        bilan.acces = AccesDonnees.objects.expires(now).count()
    else:
        bilan.acces = AccesDonnees.objects.purge(now=now)
    brouillons(now, bilan, dry_run)
    rapports_expires(now, bilan, dry_run)
    return bilan


def rapports_expires(now, bilan, dry_run):
    """Expired reports and their files (the daily reports task does it too; the purge leaves none)."""
    from django.apps import apps

    if not apps.is_installed("reports"):
        return
    from reports.models import Rapport

    expires = Rapport.objects.expires(now)
    bilan.rapports_expires = expires.count()
    if not dry_run:
        for rapport in expires.only("pk", "fichier").iterator():
            rapport.supprimer_fichier()
            rapport.delete()
