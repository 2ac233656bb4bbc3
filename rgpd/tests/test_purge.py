"""Retention rules of `purge_expired`: participants anonymised, drafts warned then deleted."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from aap_invisibles.tests.factories import DossierFactory
from accounts.models import AccesDonnees
from parcours.choices import DecisionCommission, StatutEntretien
from parcours.models import Entretien, Etape, Parcours
from parcours.tests.factories import EntretienFactory, EtapeFactory, ParcoursFactory
from participants.models import Participant
from participants.tests.factories import DocumentFactory, ParticipantFactory
from partners.tests.factories import StructureFactory
from reports.models import Rapport
from rgpd.purge import fin_audit_fse, purger

pytestmark = pytest.mark.django_db


def moment(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


@pytest.fixture
def ancien(communes, world):
    """A person who left the PLIE on 1 March 2026, with notes, a document, history and a report."""
    participant = ParticipantFactory(nom="Bernard", prenom="Odile", date_naissance=datetime.date(1980, 7, 14))
    parcours = ParcoursFactory(participant=participant, date_sortie=datetime.date(2026, 3, 1), motif_decision="RAS")
    EtapeFactory(parcours=parcours, commentaire_partenaire="Souci de garde d'enfant", objectif="Permis B")
    EntretienFactory(parcours=parcours, statut=StatutEntretien.REALISE, date=moment(2026, 2, 15), note="Confidentiel")
    document = DocumentFactory(participant=participant)
    participant.telephone = "0700000000"
    participant.save()
    rapport = Rapport.objects.create(
        type="parcours",
        parametres={"participant": participant.pk},
        demandeur=world.referent,
        expire_le=timezone.now() + datetime.timedelta(days=30),
    )
    rapport.fichier.save("fiche.pdf", ContentFile(b"%PDF-1.4"))
    return participant, document, rapport


def test_fse_audit_ends_five_years_after_the_end_of_the_year_of_exit():
    assert fin_audit_fse(datetime.date(2026, 3, 1)) == datetime.date(2031, 12, 31)


def test_a_participant_is_anonymised_after_the_audit_period_and_two_years_without_contact(ancien):
    participant, document, rapport = ancien
    storage = document.fichier.storage
    bilan = purger(now=moment(2032, 1, 2))
    assert participant.pk in bilan.participants
    participant.refresh_from_db()
    assert participant.nom == "ANONYME"
    assert "Odile" not in participant.prenom and "bernard" not in participant.recherche
    assert participant.date_naissance == datetime.date(1980, 1, 1)
    assert participant.telephone == participant.email == participant.adresse == ""
    assert participant.anonymise_le is not None
    assert not participant.documents.exists()
    assert not storage.exists(document.fichier.name)
    etape = Etape.objects.get(parcours__participant=participant)
    assert etape.commentaire_partenaire == etape.objectif == ""
    assert Entretien.objects.get(parcours__participant=participant).note == ""
    assert Parcours.objects.get(participant=participant).motif_decision == ""
    assert not participant.history.exists()
    assert not Parcours.history.filter(participant_id=participant.pk).exists()
    assert not Etape.history.filter(parcours__participant=participant).exists()
    assert not Rapport.objects.filter(pk=rapport.pk).exists()
    assert not storage.exists(rapport.fichier.name)
    # Indicators still count the parcours: sex, year of birth and FSE+ situation stay.
    assert Parcours.objects.get(participant=participant).statut_marche_travail


def test_anonymisation_deletes_the_notifications_naming_the_person(ancien, world):
    from notifications.models import Notification
    from participants.notifications import notifier_affectation

    participant, _document, _rapport = ancien
    participant.referent = world.referent
    participant.save()
    notifier_affectation(participant, world.referent)
    autre = notifier_affectation(world.participant, world.referent)

    bilan = purger(now=moment(2032, 1, 2))

    assert bilan.notifications == 1
    assert not Notification.objects.filter(titre__contains="BERNARD").exists()
    assert Notification.objects.filter(pk__in=[n.pk for n in autre]).exists()


def test_nobody_is_anonymised_inside_the_fse_audit_period(ancien):
    participant, _document, _rapport = ancien
    assert participant.pk not in purger(now=moment(2031, 12, 31)).participants


def test_a_recent_contact_postpones_anonymisation(ancien):
    participant, _document, _rapport = ancien
    EntretienFactory(parcours=participant.parcours.get(), statut=StatutEntretien.REALISE, date=moment(2030, 6, 1))
    assert participant.pk not in purger(now=moment(2032, 1, 2)).participants
    assert participant.pk in purger(now=moment(2032, 6, 2)).participants


def test_a_missed_interview_is_not_a_contact(ancien):
    participant, _document, _rapport = ancien
    EntretienFactory(parcours=participant.parcours.get(), statut=StatutEntretien.ABSENT, date=moment(2030, 6, 1))
    assert participant.pk in purger(now=moment(2032, 1, 2)).participants


def test_a_participant_with_an_open_parcours_is_kept(communes):
    participant = ParticipantFactory()
    ParcoursFactory(participant=participant)
    assert participant.pk not in purger(now=moment(2040, 1, 1)).participants


def test_a_refused_orientation_has_no_audit_period(communes):
    participant = ParticipantFactory()
    ParcoursFactory(
        participant=participant,
        decision_commission=DecisionCommission.REFUSEE,
        date_entree=None,
        date_orientation=datetime.date(2026, 1, 5),
    )
    # The record was created today: its creation is the last contact.
    assert participant.pk in purger(now=moment(2029, 1, 1)).participants


def test_dry_run_writes_nothing_and_prints_a_summary(ancien):
    participant, _document, _rapport = ancien
    out = StringIO()
    # The command runs "now": move the person's data back in time instead.
    Parcours.objects.filter(participant=participant).update(
        date_orientation=datetime.date(2015, 1, 5),
        date_entree=datetime.date(2015, 1, 15),
        date_sortie=datetime.date(2016, 3, 1),
    )
    Etape.objects.filter(parcours__participant=participant).update(
        date_debut_prevue=None, date_fin_prevue=None, date_debut=None, date_fin=None
    )
    Entretien.objects.filter(parcours__participant=participant).update(date=moment(2016, 2, 1))
    Participant.objects.filter(pk=participant.pk).update(cree_le=moment(2015, 1, 5))
    call_command("purge_expired", "--dry-run", stdout=out)
    assert "[simulation] Participants à anonymiser : 1" in out.getvalue()
    participant.refresh_from_db()
    assert participant.nom == "Bernard"
    call_command("purge_expired", stdout=out)
    participant.refresh_from_db()
    assert participant.nom == "ANONYME"
    assert "Participants anonymisés : 1" in out.getvalue()


def test_access_log_rows_older_than_a_year_are_purged(world):
    row = AccesDonnees.objects.create(utilisateur_email="x@y.fr", action="consultation", objet_type="t")
    assert purger(now=timezone.now() + datetime.timedelta(days=366)).acces >= 1
    assert not AccesDonnees.objects.filter(pk=row.pk).exists()


def test_an_untouched_draft_is_warned_then_deleted_a_month_later(world, django_capture_on_commit_callbacks):
    from aap_invisibles.models import Dossier

    dossier = world.dossier_brouillon
    Dossier.objects.filter(pk=dossier.pk).update(modifie_le=moment(2026, 1, 10))
    with django_capture_on_commit_callbacks(execute=True):
        bilan = purger(now=moment(2026, 12, 15))
    assert dossier.pk in bilan.brouillons_avertis
    assert [m.to for m in mail.outbox] == [[world.porteur.email]]
    assert "sera supprimé" in mail.outbox[0].subject
    assert dossier.messages.get(automatique=True).objet.endswith("sera supprimé dans un mois")
    assert dossier.pk not in purger(now=moment(2027, 1, 5)).brouillons_supprimes
    bilan = purger(now=moment(2027, 1, 16))
    assert dossier.pk in bilan.brouillons_supprimes
    assert not Dossier.objects.filter(pk=dossier.pk).exists()
    assert len(mail.outbox) == 1


def test_a_draft_edited_after_the_warning_is_kept(world):
    from aap_invisibles.models import Dossier

    dossier = world.dossier_brouillon
    Dossier.objects.filter(pk=dossier.pk).update(modifie_le=moment(2026, 1, 10))
    purger(now=moment(2026, 12, 15))
    Dossier.objects.filter(pk=dossier.pk).update(modifie_le=moment(2026, 12, 20))
    assert dossier.pk not in purger(now=moment(2027, 1, 16)).brouillons_supprimes
    assert Dossier.objects.filter(pk=dossier.pk).exists()


def test_submitted_dossiers_are_never_deleted(world):
    from aap_invisibles.models import Dossier

    autre = DossierFactory(appel=world.appel, porteur=StructureFactory(), statut="depose")
    Dossier.objects.filter(pk=autre.pk).update(modifie_le=moment(2020, 1, 10))
    bilan = purger(now=moment(2027, 1, 16))
    assert autre.pk not in bilan.brouillons_avertis + bilan.brouillons_supprimes


def test_coordination_sees_on_the_record_when_it_will_be_anonymised(ancien, world, client_of):
    participant, _document, _rapport = ancien

    page = client_of(world.coordination).get(reverse("participants:detail", args=[participant.pk]))

    # Exit on 1 March 2026: the FSE+ audit period ends on 31 December 2031, after the two years.
    assert "fiche anonymisée le 1er janvier 2032 sauf nouveau contact" in page.content.decode()


def test_the_anonymisation_date_is_the_first_day_the_purge_anonymises(ancien):
    from rgpd.purge import anonymisation_prevue

    participant, _document, _rapport = ancien
    le = anonymisation_prevue(participant)["le"]

    assert (
        participant.pk
        not in purger(dry_run=True, now=moment(le.year, le.month, le.day) - datetime.timedelta(days=1)).participants
    )
    assert participant.pk in purger(dry_run=True, now=moment(le.year, le.month, le.day)).participants
