"""Frictions a case worker met many times a day (issue 15, item 7), each with its reproduction."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_communes_are_listed_in_alphabetical_order_accents_included():
    from territoire.models import Commune

    noms = list(Commune.objects.values_list("nom", flat=True))
    assert noms.index("Elbeuf") < noms.index("Épinay-sur-Duclair") < noms.index("Franqueville-Saint-Pierre")


def test_an_iban_with_a_wrong_check_digit_is_refused(world):
    from aap_invisibles.forms import formulaire_section

    form = formulaire_section("7")({"iban": "FR7630006000011234567890188"}, instance=world.dossier_brouillon)
    form.is_valid()
    assert "clé de contrôle" in str(form.errors.get("iban"))


def test_a_partner_answer_is_not_prefilled_with_the_previous_comment(world):
    from parcours.etapes.forms import DemarrerForm

    world.etape.commentaire_partenaire = "Premier entretien le 3 mars."
    form = DemarrerForm(etape=world.etape)
    assert not form["commentaire"].value()
    assert "Premier entretien le 3 mars." in str(form.fields["commentaire"].help_text)


def test_planned_interviews_leave_the_agenda_at_the_exit(world):
    from parcours.choices import MotifSortie, StatutEntretien
    from parcours.tests.factories import EntretienFactory

    apres = EntretienFactory(
        parcours=world.parcours,
        auteur=world.referent,
        statut=StatutEntretien.PLANIFIE,
        date=timezone.make_aware(datetime.datetime(2026, 7, 15, 10, 0)),
    )
    world.parcours.sortir(world.coordination, datetime.date(2026, 6, 30), MotifSortie.ABANDON, clore_etapes=True)
    apres.refresh_from_db()
    assert apres.statut == StatutEntretien.ANNULE


def test_logging_in_before_activating_the_account_says_so(world, client):
    from accounts.tests.factories import PASSWORD, UserFactory

    UserFactory(email="nouvelle@asso.fr", is_active=False, password=PASSWORD)
    reponse = client.post(reverse("accounts:login"), {"username": "nouvelle@asso.fr", "password": PASSWORD})
    assert "pas encore actif" in reponse.content.decode()
    mauvais = client.post(reverse("accounts:login"), {"username": "nouvelle@asso.fr", "password": "pas-le-bon-1234"})
    assert "pas encore actif" not in mauvais.content.decode()


def test_no_template_abbreviates_a_month():
    """ "19 Jui 2020" is juin or juillet: months are written out, or dates are numeric."""
    fautes = [
        f"{chemin.relative_to(settings.BASE_DIR)}"
        for chemin in (Path(settings.BASE_DIR) / "templates").rglob("*.html")
        if re.search(r'date:"[^"]*(?<![\\\\])M', chemin.read_text(encoding="utf-8"))
    ]
    assert fautes == []
