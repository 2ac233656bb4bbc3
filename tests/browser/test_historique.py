"""The record's history is read when its section opens: the browser asks for it once, under the
real CSP, and the table replaces the link (which stays the way in without JavaScript)."""

import pytest

from accounts.tests.factories import PASSWORD

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_opening_the_changes_section_of_a_record_shows_its_history(world, visite):
    world.participant.telephone = "07 00 00 00 01"
    world.participant.save()
    v = visite()
    page = v.page
    login(page, world.referent.email, PASSWORD)
    page.goto(f"/participants/{world.participant.pk}/")

    page.get_by_text("Modifications de la fiche, du parcours et des étapes").click()

    historique = page.locator("#historique table")
    historique.wait_for()
    assert "07 00 00 00 01" in historique.inner_text()
    v.axe()
