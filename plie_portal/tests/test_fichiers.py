"""The one upload check and the handler that stops storing a file past the size limit."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participants.models import Document
from plie_portal.fichiers import valider_fichier
from tests.fichiers import PNG_1PX, pdf_bytes


def test_a_real_pdf_and_a_real_png_are_accepted_with_their_type():
    assert valider_fichier(SimpleUploadedFile("a.pdf", pdf_bytes())) == "application/pdf"
    assert valider_fichier(SimpleUploadedFile("a.png", PNG_1PX)) == "image/png"


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="vide"):
        valider_fichier(SimpleUploadedFile("vide.pdf", b""))


@pytest.mark.django_db
def test_an_upload_past_the_limit_is_refused_without_being_stored(world, client_of, settings, tmp_path):
    settings.MAX_UPLOAD_SIZE = 4096
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # through the temporary file handler
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    gros = SimpleUploadedFile("gros.pdf", pdf_bytes() + b"0" * 200_000)
    response = client_of(world.referent).post(
        reverse("participants:document_ajouter", args=[world.participant.pk]),
        {"type": "cv", "titre": "Trop gros", "date": "2026-03-01", "fichier": gros},
    )
    assert response.status_code == 200
    assert "Le fichier dépasse la taille maximale" in response.content.decode()
    assert response.context["form"].data["titre"] == "Trop gros"  # what was typed comes back
    assert not Document.objects.filter(titre="Trop gros").exists()
    assert sum(f.stat().st_size for f in tmp_path.iterdir()) <= 4096 + 65536  # at most one chunk past
