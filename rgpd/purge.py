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
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction
from django.db.models.deletion import Collector
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import AccesDonnees, JetonPersonnel
from parcours.models import SessionCommission
from plie_portal.dates import months_after, months_before

from .inventaire import ANONYME, TRAITEMENT, Fiche, Traces, effacer, nomme, recherche_de
from .models import AvertissementBrouillon


@dataclass
class Bilan:
    """What a purge did (or would do, in a dry run)."""

    participants: list = field(default_factory=list)
    documents: int = 0
    historique: int = 0
    rapports: int = 0
    notifications: int = 0
    acces: int = 0
    jetons: int = 0
    brouillons_avertis: list = field(default_factory=list)
    brouillons_supprimes: list = field(default_factory=list)
    rapports_expires: int = 0
    imports_oublies: int = 0
    inscriptions_abandonnees: int = 0
    # In a dry run: {(table, what would happen): rows or files}, for every participant to anonymise.
    prevu: dict = field(default_factory=dict)


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


def anonymisation_prevue(participant):
    """The first day the daily purge anonymises `participant` unless a new contact happens, with
    the last contact it counts from; None while a parcours is open (shown to coordination)."""
    from parcours.choices import DecisionCommission
    from parcours.models import Entretien
    from participants.models import Participant

    realises = models.Prefetch(
        "parcours__entretiens",
        queryset=Entretien.objects.realises().only("id", "parcours_id", "date"),
        to_attr="entretiens_realises",
    )
    participant = Participant.objects.prefetch_related("parcours__etapes", realises).get(pk=participant.pk)
    sorties = []
    for parcours in participant.parcours.all():
        if parcours.date_sortie is None and parcours.decision_commission != DecisionCommission.REFUSEE:
            return None
        if parcours.date_sortie is not None:
            sorties.append(parcours.date_sortie)
    contact = dernier_contact(participant)
    un_jour = datetime.timedelta(days=1)
    jours = [months_after(contact, 12 * settings.PLIE_DUREE_CONSERVATION_PARTICIPANT_ANS) + un_jour]
    jours += [fin_audit_fse(sortie) + un_jour for sortie in sorties]
    return {"le": max(jours), "dernier_contact": contact}


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


def anonymiser(participant, bilan, now):
    """Erase the identity, contact, free texts, documents and history of one participant, and every
    trace of them elsewhere (rgpd.inventaire.Traces: the same inventory as the right of access)."""
    from django.apps import apps

    from parcours.models import Etape, Parcours
    from participants.models import Fusion

    with transaction.atomic():
        traces = Traces(participant)
        formes = traces.formes
        parcours_ids = traces.objets["parcours.Parcours"]
        documents = list(participant.documents.all())
        bilan.documents += len(documents)
        supprimer_fichiers(documents)

        # The traces first, while the records they point to still say who the person was.
        for session in traces.comptes_rendus():
            # A line of the minutes that names the person goes whole: it also holds the decision's reason.
            texte = "\n".join(
                f"- {ANONYME}" if nomme(ligne, formes) else ligne for ligne in session.compte_rendu.splitlines()
            )
            SessionCommission.objects.filter(pk=session.pk).update(compte_rendu=texte)
        for acces in traces.acces_qui_la_nomment():
            # The name goes from the description; the search that named them goes from the address.
            chemin = acces.chemin.split("?", 1)[0] if recherche_de(acces.chemin) else acces.chemin
            AccesDonnees.objects.filter(pk=acces.pk).update(
                description=effacer(acces.description, formes), chemin=effacer(chemin, formes)
            )
        traces.acces_sur_la_personne().update(description="")
        traces.journal_admin().update(object_repr=ANONYME, change_message="")
        if apps.is_installed("notifications"):
            bilan.notifications += traces.notifications().delete()[0]
        if apps.is_installed("reports"):
            from reports.models import Rapport

            rapports = list(traces.rapports(nominatifs=True)) + list(traces.listes_sans_personnes_connues())
            supprimer_fichiers(rapports)
            bilan.rapports += len(rapports)
            Rapport.objects.filter(pk__in=[r.pk for r in rapports]).delete()
        bilan.historique += traces.historique_des_doublons().delete()[0]
        Fusion.objects.filter(conserve=participant).update(absorbe_identite={})

        participant.documents.all().delete()
        participant.nom = "ANONYME"
        for champ in TRAITEMENT["participants.Participant"].vider:
            setattr(participant, champ, "")
        participant.prenom = f"n° {participant.pk}"
        participant.date_naissance = participant.date_naissance.replace(month=1, day=1)
        participant.anonymise_le = now
        participant.save_without_historical_record()

        # The free texts of the records kept for the FSE+ figures, as the inventory declares them.
        for label, traitement in TRAITEMENT.items():
            if isinstance(traitement, Fiche) and traitement.par != "pk":
                apps.get_model(label).objects.filter(**{traitement.par: parcours_ids}).update(
                    **dict.fromkeys(traitement.vider, "")
                )

        bilan.historique += participant.history.all().delete()[0]
        bilan.historique += Parcours.history.filter(id__in=parcours_ids).delete()[0]
        bilan.historique += Etape.history.filter(parcours_id__in=parcours_ids).delete()[0]
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
            prevoir(participant, bilan.prevu)
        else:
            anonymiser(participant, bilan, now)
    if dry_run:
        bilan.acces = AccesDonnees.objects.expires(now).count()
    else:
        bilan.acces = AccesDonnees.objects.purge(now=now)
    # Personal tokens dead (expired or revoked) for as long as the access log that names their use.
    bilan.jetons = (
        JetonPersonnel.objects.expires(now).count() if dry_run else JetonPersonnel.objects.purge(maintenant=now)
    )
    brouillons(now, bilan, dry_run)
    rapports_expires(now, bilan, dry_run)
    imports_oublies(now, bilan, dry_run)
    inscriptions_abandonnees(now, bilan, dry_run)
    return bilan


def prevoir(participant, prevu):
    """Count, table by table and file kind by file kind, what anonymising `participant` would change."""
    from parcours.models import Entretien, Etape, Parcours

    traces = Traces(participant)
    objets = traces.objets
    documents = participant.documents.exclude(fichier="")
    rapports = traces.rapports(nominatifs=True) | traces.listes_sans_personnes_connues()
    comptes = {
        ("participants_participant", "identité effacée"): 1,
        ("participants_document", "lignes supprimées"): len(objets["participants.Document"]),
        ("fichiers des documents", "supprimés"): documents.count(),
        ("parcours_parcours", "motifs vidés"): len(objets["parcours.Parcours"]),
        ("parcours_etape", "textes vidés"): len(objets["parcours.Etape"]),
        ("parcours_entretien", "notes vidées"): Entretien.objects.filter(pk__in=objets["parcours.Entretien"]).count(),
        ("historiques (participant, doublons, parcours, étapes)", "lignes supprimées"): (
            participant.history.count()
            + traces.historique_des_doublons().count()
            + Parcours.history.filter(id__in=objets["parcours.Parcours"]).count()
            + Etape.history.filter(parcours_id__in=objets["parcours.Parcours"]).count()
        ),
        ("parcours_sessioncommission", "lignes de compte rendu effacées"): len(traces.lignes_des_comptes_rendus()),
        ("accounts_accesdonnees", "descriptions et adresses effacées"): (
            traces.acces_sur_la_personne().count() + traces.acces_qui_la_nomment().count()
        ),
        ("django_admin_log", "entrées effacées"): traces.journal_admin().count(),
        ("notifications_notification", "lignes supprimées"): traces.notifications().count(),
        ("reports_rapport", "lignes supprimées"): rapports.count(),
        ("fichiers des rapports", "supprimés"): rapports.exclude(fichier="").count(),
    }
    for cle, nombre in comptes.items():
        prevu[cle] = prevu.get(cle, 0) + nombre


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


# A CSV checked but neither confirmed nor abandoned (personal data of people not yet accompanied):
# kept one day for the coordination to confirm it, then deleted.
DELAI_IMPORT = datetime.timedelta(days=1)
# A sign-up whose address was never verified: the account and its request go after 30 days.
DELAI_INSCRIPTION = datetime.timedelta(days=30)


def imports_oublies(now, bilan, dry_run):
    """The uploaded files of imports left at the preview past DELAI_IMPORT (their result stays)."""
    from django.core.files.storage import default_storage

    from parcours.models import Importation

    chemins = set(
        Importation.objects.filter(cree_le__lt=now - DELAI_IMPORT).values_list("chemin", flat=True).order_by()
    )
    oublies = [chemin for chemin in sorted(chemins) if chemin and default_storage.exists(chemin)]
    bilan.imports_oublies = len(oublies)
    if not dry_run:
        for chemin in oublies:
            default_storage.delete(chemin)


def inscriptions_abandonnees(now, bilan, dry_run):
    """Applicants' accounts never activated, whose address was never verified, past DELAI_INSCRIPTION."""
    from aap_invisibles.models import DemandeAdhesion, StatutDemande

    demandes = DemandeAdhesion.objects.filter(
        statut=StatutDemande.A_VERIFIER, cree_le__lt=now - DELAI_INSCRIPTION, utilisateur__is_active=False
    )
    bilan.inscriptions_abandonnees = demandes.count()
    if not dry_run:
        for demande in demandes.select_related("utilisateur"):
            demande.utilisateur.delete()  # the request goes with it (CASCADE)
