"""Attachments are checked by their content: PDF that parses, JPEG or PNG, 10 MB."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from aap_invisibles.validators import valider_piece

from .factories import PNG_1PX, pdf_bytes


def test_a_real_pdf_and_a_png_are_accepted():
    assert valider_piece(SimpleUploadedFile("a.pdf", pdf_bytes())) == "application/pdf"
    assert valider_piece(SimpleUploadedFile("a.png", PNG_1PX)) == "image/png"


def test_a_file_of_another_type_is_refused_whatever_its_name():
    with pytest.raises(ValidationError, match="ni un PDF"):
        valider_piece(SimpleUploadedFile("faux.pdf", b"MZ\x90\x00 executable"))


def test_a_fake_pdf_with_a_pdf_header_but_garbage_is_refused():
    with pytest.raises(ValidationError, match="illisible"):
        valider_piece(SimpleUploadedFile("faux.pdf", b"%PDF-1.7\n garbage garbage garbage"))


def test_a_file_over_10_mb_is_refused(settings):
    settings.MAX_UPLOAD_SIZE = 1024
    with pytest.raises(ValidationError, match="taille maximale"):
        valider_piece(SimpleUploadedFile("gros.pdf", b"%PDF-" + b"0" * 2048))
