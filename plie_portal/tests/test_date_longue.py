"""Dates written out the same way everywhere: "1er décembre", never "1 décembre" (issue 15)."""

import datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template


def rendre(gabarit, **contexte):
    return Template("{% load dates %}" + gabarit).render(Context(contexte))


def test_the_first_of_the_month_is_written_1er():
    assert rendre("{{ d|date_longue }}", d=datetime.date(2026, 12, 1)) == "1er décembre 2026"


def test_a_date_time_is_written_in_paris_time_with_its_hour():
    moment = datetime.datetime(2026, 7, 1, 10, 30, tzinfo=datetime.UTC)

    assert rendre('{{ m|date_longue:"à H:i" }}', m=moment) == "1er juillet 2026 à 12:30"


def test_the_weekday_can_come_first():
    assert rendre('{{ d|date_longue:"jour" }}', d=datetime.date(2026, 12, 1)) == "mardi 1er décembre 2026"


def test_no_template_writes_a_long_date_without_the_portal_filter():
    from pathlib import Path

    from django.conf import settings

    racine = Path(settings.BASE_DIR)
    fautifs = [
        str(p.relative_to(racine))
        for dossier in ("templates", "rgpd/templates")
        for p in (racine / dossier).rglob("*.html")
        if 'date:"j F' in p.read_text() or 'date:"l j F' in p.read_text()
    ]
    assert fautifs == []


def test_paris_time_is_used_for_an_aware_date_time_in_winter():
    moment = datetime.datetime(2026, 12, 1, 23, 30, tzinfo=ZoneInfo("UTC"))

    assert rendre('{{ m|date_longue:"à H:i" }}', m=moment) == "2 décembre 2026 à 00:30"
