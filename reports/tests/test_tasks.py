import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone

from reports import services
from reports.kinds import REGISTRY, get_kind
from reports.kinds.base import ReportKind
from reports.models import Rapport, StatutRapport
from reports.tasks import generer_rapport, purger_rapports_expires, rapport_mensuel
from reports.tests.factories import RapportFactory


class KindQuiEchoue(ReportKind):
    code = "essai_echec"
    label = "Document qui échoue"
    roles = frozenset({"coordination", "referent"})

    def ecrire(self, rapport, progress, sortie):
        progress(30, "À mi-chemin")
        raise ValueError("détail technique qui ne doit pas être montré")


class KindTransitoire(ReportKind):
    code = "essai_transitoire"
    label = "Document dont la base tombe"
    roles = frozenset({"coordination"})
    appels = 0

    def ecrire(self, rapport, progress, sortie):
        type(self).appels += 1
        if type(self).appels == 1:
            raise OperationalError("connexion perdue")
        sortie.write(b"contenu")


@pytest.fixture
def kinds_d_essai():
    get_kind("activite")  # load the registry first
    REGISTRY["essai_echec"] = KindQuiEchoue()
    REGISTRY["essai_transitoire"] = KindTransitoire()
    KindTransitoire.appels = 0
    yield
    REGISTRY.pop("essai_echec")
    REGISTRY.pop("essai_transitoire")


def test_a_kind_that_raises_ends_in_echec_with_a_french_message_and_no_file(
    world, kinds_d_essai, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.demander(world.referent, get_kind("essai_echec"), {})

    rapport.refresh_from_db()
    assert rapport.statut == StatutRapport.ECHEC
    assert rapport.erreur.startswith("Une erreur inattendue a empêché la production du document.")
    assert "détail technique" not in rapport.erreur
    assert not rapport.fichier and rapport.fin_le is not None


def test_the_generation_is_enqueued_only_once_the_transaction_commits(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        rapport = services.demander(
            world.coordination, get_kind("activite"), {"debut": "2026-01-01", "fin": "2026-01-31"}
        )

    assert len(callbacks) == 1
    assert Rapport.objects.get(pk=rapport.pk).statut == StatutRapport.EN_ATTENTE


def test_a_finished_report_is_not_generated_again(world):
    rapport = world.rapport_coordination
    nom = rapport.fichier.name

    assert generer_rapport.apply(args=[rapport.pk]).get() == StatutRapport.TERMINE

    rapport.refresh_from_db()
    assert rapport.fichier.name == nom and rapport.tentatives == 0


def test_a_report_being_generated_by_another_worker_is_left_alone(world):
    rapport = world.rapport_referent_en_cours
    Rapport.objects.filter(pk=rapport.pk).update(debut_le=timezone.now())

    assert services.executer(rapport.pk) == StatutRapport.EN_COURS
    assert Rapport.objects.get(pk=rapport.pk).tentatives == 0


def test_a_report_abandoned_by_a_lost_worker_is_claimed_again(world):
    rapport = RapportFactory(
        demandeur=world.coordination,
        statut=StatutRapport.EN_COURS,
        fichier=None,
        debut_le=timezone.now() - datetime.timedelta(hours=2),
    )

    assert services.executer(rapport.pk) == StatutRapport.TERMINE
    rapport.refresh_from_db()
    assert rapport.fichier.name.startswith("rapports/") and rapport.progression == 100


def test_a_transient_database_error_is_retried_and_the_report_then_finishes(world, kinds_d_essai):
    rapport = Rapport.objects.create(type="essai_transitoire", parametres={}, demandeur=world.coordination)

    generer_rapport.apply(args=[rapport.pk])

    rapport.refresh_from_db()
    assert KindTransitoire.appels == 2
    assert rapport.statut == StatutRapport.TERMINE and rapport.tentatives == 2
    with rapport.fichier.open("rb") as fichier:
        assert fichier.read() == b"contenu"


def test_the_generation_records_progress_as_it_goes(world, kinds_d_essai):
    rapport = Rapport.objects.create(type="essai_echec", parametres={}, demandeur=world.coordination)
    vus = []
    original = services.progression

    def espion(rapport_id):
        progress = original(rapport_id)

        def enregistrer(pourcentage, message=""):
            progress(pourcentage, message)
            vus.append(Rapport.objects.values_list("progression", "message").get(pk=rapport_id))

        return enregistrer

    services.progression = espion
    try:
        services.executer(rapport.pk)
    finally:
        services.progression = original
    assert (30, "À mi-chemin") in vus


def test_expired_reports_and_their_files_are_deleted(world):
    ancien = RapportFactory(demandeur=world.referent, cree_le=timezone.now() - datetime.timedelta(days=31))
    storage, nom = ancien.fichier.storage, ancien.fichier.name
    assert ancien.expire_le < timezone.now() and storage.exists(nom)

    assert purger_rapports_expires() == 1

    assert not Rapport.objects.filter(pk=ancien.pk).exists()
    assert not storage.exists(nom)
    assert Rapport.objects.filter(pk=world.rapport_referent.pk).exists()


def test_a_report_expires_thirty_days_after_it_was_asked_for(world):
    rapport = world.rapport_referent

    assert rapport.expire_le - rapport.cree_le == datetime.timedelta(days=30)


def test_the_monthly_report_is_asked_for_the_previous_month_once(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pk = rapport_mensuel("2026-03-01")
        assert rapport_mensuel("2026-03-15") is None

    rapport = Rapport.objects.get(pk=pk)
    assert rapport.automatique and rapport.type == "activite"
    assert rapport.parametres == {"debut": "2026-02-01", "fin": "2026-02-28"}
    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    assert rapport in Rapport.objects.visible_to(world.coordination)
    assert rapport not in Rapport.objects.visible_to(world.referent)


def test_reports_stuck_waiting_or_running_are_enqueued_again_and_produced(world):
    from reports.tasks import relancer_rapports_bloques

    il_y_a_deux_heures = timezone.now() - datetime.timedelta(hours=2)
    perdu = RapportFactory(demandeur=world.coordination, statut=StatutRapport.EN_ATTENTE, fichier=None)
    Rapport.objects.filter(pk=perdu.pk).update(cree_le=il_y_a_deux_heures)
    Rapport.objects.filter(pk=world.rapport_referent_en_cours.pk).update(debut_le=timezone.now())

    assert relancer_rapports_bloques() == 1

    perdu.refresh_from_db()
    assert perdu.statut == StatutRapport.TERMINE, perdu.erreur
    assert Rapport.objects.get(pk=world.rapport_referent_en_cours.pk).statut == StatutRapport.EN_COURS
