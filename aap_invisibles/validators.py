"""Checks of uploaded files by their content (DESIGN §2: PDF, JPEG or PNG, 10 MB each)."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}


def type_reel(fichier):
    """The MIME type read from the first bytes of the file, or None."""
    fichier.seek(0)
    debut = fichier.read(16)
    fichier.seek(0)
    for signature, mime in SIGNATURES.items():
        if debut.startswith(signature):
            return mime
    return None


def valider_piece(fichier):
    """Refuse a file over the size limit, of another type than PDF/JPEG/PNG, or a PDF that does not parse."""
    limite = getattr(settings, "MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
    if fichier.size > limite:
        raise ValidationError(
            _("Le fichier dépasse la taille maximale de %(mo)d Mo.") % {"mo": limite // (1024 * 1024)},
            code="trop_gros",
        )
    mime = type_reel(fichier)
    if mime is None:
        raise ValidationError(
            _("Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié)."), code="type"
        )
    if mime == "application/pdf":
        from pypdf import PdfReader

        try:
            fichier.seek(0)
            lecteur = PdfReader(io.BytesIO(fichier.read()), strict=False)
            if len(lecteur.pages) < 1:
                raise ValueError("aucune page")
        except Exception as exc:  # a damaged PDF may fail anywhere in the parser
            raise ValidationError(
                _("Ce PDF est illisible ou endommagé : il ne peut pas être ouvert."), code="pdf"
            ) from exc
        finally:
            fichier.seek(0)
    return mime
