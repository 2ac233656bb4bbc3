"""The PDFs carry the portal's identity: its logo mark in the running header, its blue."""

import logging

import pytest
from django.utils import timezone

from reports.pdf import FEUILLE_IMPRESSION, rendre_pdf

pytestmark = pytest.mark.django_db


def test_the_logo_of_the_running_header_is_found_and_drawn(caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = rendre_pdf("reports/pdf/base.html", {"titre": "Essai", "genere_le": timezone.now()})

    assert pdf.startswith(b"%PDF")
    assert not [r for r in caplog.records if "image" in r.getMessage().lower()]


def test_the_print_stylesheet_uses_the_portal_blue():
    assert "#1f3a93" in FEUILLE_IMPRESSION.read_text()
