from django.db.models import Count

from parcours.choices import MOTIFS_SORTIE_POSITIVE
from parcours.models import Entretien, Etape, Parcours
from participants.models import Participant
from plie_portal.seed import DemoContext, run_seeders


def semer(n=120):
    ctx = DemoContext(participants=n, seed=7)
    run_seeders(ctx)
    return ctx


def test_the_seed_creates_participants_with_parcours_steps_interviews_and_exits(communes):
    ctx = semer()
    assert Participant.objects.count() == 120
    assert any("Participants : 120" in note for note in ctx.notes)
    assert Participant.objects.filter(referent__isnull=True).count() == 0
    assert Participant.history.count() >= 120  # bulk writes still keep the history
    assert Etape.history.count() == Etape.objects.count() > 0
    entres = Parcours.objects.filter(date_entree__isnull=False).annotate(n=Count("etapes"))
    moyenne = sum(p.n for p in entres) / entres.count()
    assert 3 <= moyenne <= 6
    assert Parcours.objects.filter(decision_commission="en_attente").exists()
    sorties = Parcours.objects.filter(date_sortie__isnull=False)
    positives = sorties.filter(motif_sortie__in=MOTIFS_SORTIE_POSITIVE).count()
    assert 0.3 < positives / sorties.count() < 0.65
    assert Parcours.objects.filter(date_suivi_6_mois__isnull=False).exists()
    assert Parcours.objects.filter(entretiens__statut="planifie").exists()
    # Interviews happen on working days: none on a Saturday or a Sunday (week_day 7 and 1).
    assert not Entretien.objects.filter(date__week_day__in=[1, 7]).exists()


def test_the_seed_writes_accented_names_and_fills_the_search_column(communes):
    semer()
    assert Participant.objects.filter(recherche="").count() == 0
    accentues = [
        p
        for p in Participant.objects.all()
        if p.nom + p.prenom != p.nom.encode("ascii", "ignore").decode() + p.prenom.encode("ascii", "ignore").decode()
    ]
    assert accentues


def test_the_seed_is_idempotent(communes):
    semer()
    compte = (Participant.objects.count(), Parcours.objects.count(), Etape.objects.count())
    ctx = semer()
    assert (Participant.objects.count(), Parcours.objects.count(), Etape.objects.count()) == compte
    assert any("déjà présents" in note for note in ctx.notes)


def test_each_demo_referent_follows_someone_with_an_accented_name_to_search_for(communes):
    from accounts.models import Role, User

    semer(40)
    for referent in User.objects.filter(role=Role.REFERENT, pk__in=Participant.objects.values("referent")):
        noms = [f"{p.prenom} {p.nom}" for p in Participant.objects.filter(referent=referent)]
        assert any(nom != nom.encode("ascii", "ignore").decode() for nom in noms), referent.email


def test_the_seed_with_no_participant_builds_the_rest_and_no_person(communes):
    semer(0)

    assert Participant.objects.count() == 0
