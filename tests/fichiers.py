"""Real files for the tests: uploads are checked by their content (plie_portal.fichiers)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile


def pdf_bytes():
    """A real one-page PDF."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name="piece.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def png_bytes():
    """A real one-pixel PNG."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(buffer, format="PNG")
    return buffer.getvalue()


PNG_1PX = png_bytes()
