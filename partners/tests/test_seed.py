"""The partner network of seed_demo (partners/seed.py)."""

import pytest

from accounts.models import Role, User
from partners.models import Contact, Structure, TypeStructure
from plie_portal.seed import DemoContext

pytestmark = pytest.mark.django_db


def semer():
    from accounts.seed import seed as seed_comptes
    from partners.seed import seed, seed_utilisateurs

    ctx = DemoContext(participants=0)
    seed(ctx)
    seed_comptes(ctx)
    seed_utilisateurs(ctx)
    return ctx


def test_the_demo_network_has_about_a_hundred_structures_with_contacts_and_coherent_offers(communes):
    ctx = semer()
    assert 90 <= Structure.objects.count() <= 110
    assert Structure.objects.values("commune").distinct().count() >= 20
    for structure in Structure.objects.filter(type=TypeStructure.SIAE_ACI):
        assert "contrat-aci" in {t.code for t in structure.offres.all()}
    for structure in Structure.objects.filter(type=TypeStructure.SIAE_ETTI):
        assert {t.code for t in structure.offres.all()} == {"mission-etti"}
    assert not Structure.objects.partenaires_plie().filter(contacts__isnull=True).exists()
    assert len([login for login in ctx.logins if login[0].startswith("Partenaire (")]) == 4


def test_some_partner_structures_have_no_portal_account(communes):
    semer()
    structures = Structure.objects.partenaires_plie().avec_portail()
    assert structures.filter(a_portail=True).count() > 40
    assert structures.filter(a_portail=False).count() > 20


def test_seeding_twice_duplicates_nothing(communes):
    semer()
    compteurs = (Structure.objects.count(), Contact.objects.count(), User.objects.filter(role=Role.PARTENAIRE).count())
    semer()
    assert (Structure.objects.count(), Contact.objects.count(), User.objects.filter(role=Role.PARTENAIRE).count()) == (
        compteurs
    )
