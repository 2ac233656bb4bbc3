"""Helpers of the reports tests: run a report through the task and read its PDF."""

import io

from pypdf import PdfReader

from reports import services
from reports.kinds import get_kind
from reports.models import Rapport


def produire(user, code, django_capture_on_commit_callbacks, **parametres):
    """Ask for a report as `user` and run the enqueued Celery task (eager), like the view does."""
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.demander(user, get_kind(code), parametres)
    return Rapport.objects.get(pk=rapport.pk)


def lire_pdf(rapport):
    with rapport.fichier.open("rb") as fichier:
        reader = PdfReader(io.BytesIO(fichier.read()))
    texte = "\n".join(page.extract_text() for page in reader.pages)
    # French typography groups digits with (narrow) no-break spaces.
    texte = texte.replace("\u202f", " ").replace("\u00a0", " ")
    # Lines wrap anywhere: compare on the text with whitespace collapsed.
    texte = " ".join(texte.split())
    return reader, texte


def est_balise(reader):
    """A tagged PDF: StructTreeRoot in the catalog and MarkInfo/Marked true."""
    catalogue = reader.trailer["/Root"]
    return "/StructTreeRoot" in catalogue and bool(catalogue.get("/MarkInfo", {}).get("/Marked"))
