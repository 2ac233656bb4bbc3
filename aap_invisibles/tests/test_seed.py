"""seed_demo for the calls app: the invisibles call as described, every state, idempotent."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core import mail
from django.utils.module_loading import import_string

from aap_invisibles.models import AppelAProjets, Dossier, StatutDossier
from aap_invisibles.seed import SLUG_INVISIBLES, SLUG_OUVERT
from plie_portal.seed import DemoContext


def semer(ctx):
    for chemin in ("partners.seed.seed", "accounts.seed.seed", "aap_invisibles.seed.seed"):
        import_string(chemin)(ctx)


def test_the_demo_has_the_invisibles_call_an_open_call_and_dossiers_in_every_state(communes, db):
    ctx = DemoContext()
    semer(ctx)
    invisibles = AppelAProjets.objects.get(slug=SLUG_INVISIBLES)
    assert invisibles.budget_total == Decimal("154000")
    assert invisibles.date_cloture == datetime.datetime(2020, 7, 1, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
    assert invisibles.reports.get().ancienne_date < invisibles.date_cloture
    assert invisibles.date_audition is None
    assert not invisibles.accepte_les_depots()
    assert AppelAProjets.objects.get(slug=SLUG_OUVERT).accepte_les_depots()
    statuts = set(Dossier.objects.values_list("statut", flat=True))
    assert statuts == set(StatutDossier.values)
    # A real campaign's size on the invisibles call (issue 15: 20 to 30 dossiers).
    assert 20 <= Dossier.objects.filter(appel=invisibles).count() <= 30
    assert invisibles.reste_a_allouer() >= 0
    assert invisibles.instructeurs.filter(email="instructeur@metropole-rouen-normandie.fr").exists()
    assert not mail.outbox
    avant = Dossier.objects.count()
    semer(DemoContext())
    assert Dossier.objects.count() == avant
    assert AppelAProjets.objects.count() == 2
