"""The participant page in sections (issue 15): a summary with the sections' menu, the journal's
"Ajouter un entretien" above the interviews, the history folded, one "Documents" heading."""

import re

import pytest
from django.urls import reverse

from parcours.tests.factories import EntretienFactory

pytestmark = pytest.mark.django_db


def page_de(client, participant):
    return client.get(reverse("participants:detail", args=[participant.pk])).content.decode()


def test_the_summary_links_each_section_of_the_record(world, client_of):
    page = page_de(client_of(world.referent), world.participant)

    for ancre in ("identite", "parcours", "etapes", "journal", "documents", "historique"):
        assert f'href="#{ancre}"' in page
        assert f'id="{ancre}"' in page


def test_the_add_interview_button_comes_before_the_interviews(world, client_of):
    EntretienFactory(parcours=world.parcours, auteur=world.referent, note="Point sur le CV")
    page = page_de(client_of(world.referent), world.participant)

    assert page.index("Ajouter un entretien") < page.index("Point sur le CV")


def test_the_record_has_a_single_documents_heading(world, client_of):
    page = page_de(client_of(world.referent), world.participant)

    assert len(re.findall(r"<h2[^>]*>Documents</h2>", page)) == 1


def test_the_history_is_folded_until_opened(world, client_of):
    page = page_de(client_of(world.referent), world.participant)
    historique = page[page.index('id="historique"') :]

    assert "<details" in historique
    assert '<details class="replie" open' not in historique


def test_the_summary_shows_the_alerts_of_the_person(world, client_of):
    # The world's participant entered a parcours without any interview: the 30-day alert.
    page = page_de(client_of(world.referent), world.participant)
    resume = page[page.index('class="fiche-resume"') : page.index('id="identite"')]

    assert "Sans entretien ni atelier depuis" in resume


def test_a_partner_sees_neither_the_journal_nor_the_history_sections(world, client_of):
    page = page_de(client_of(world.partenaire), world.participant)

    assert 'href="#journal"' not in page
    assert 'id="historique"' not in page
