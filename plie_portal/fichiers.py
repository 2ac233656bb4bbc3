"""The portal's one check of an uploaded file (participant documents, AAP attachments, conventions,
call documents): its size, then its content — a PDF that opens, a JPEG or PNG image that decodes —,
never the name or type the browser sends. And the upload handler that stops storing a file past the
size limit, so that a huge upload is refused without first being written to disk."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
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


def _lisible(fichier, mime):
    """Whether the content really is what its first bytes say (a forged header fails here)."""
    fichier.seek(0)
    contenu = io.BytesIO(fichier.read())
    fichier.seek(0)
    try:
        if mime == "application/pdf":
            from pypdf import PdfReader

            return len(PdfReader(contenu, strict=False).pages) >= 1
        from PIL import Image

        with Image.open(contenu) as image:
            image.verify()
        return True
    except Exception:  # a damaged file may fail anywhere in the parser
        return False


def valider_fichier(fichier):
    """Refuse a file that is empty, over MAX_UPLOAD_SIZE, of another type than PDF/JPEG/PNG, or
    that does not open; returns its MIME type read from the content."""
    limite = settings.MAX_UPLOAD_SIZE
    if getattr(fichier, "trop_gros", False) or fichier.size > limite:
        raise ValidationError(
            _("Le fichier dépasse la taille maximale de %(mo)d Mo.") % {"mo": limite // (1024 * 1024)},
            code="trop_gros",
        )
    if not fichier.size:
        raise ValidationError(_("Le fichier est vide."), code="vide")
    mime = type_reel(fichier)
    if mime is None:
        raise ValidationError(
            _("Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié)."), code="type"
        )
    if not _lisible(fichier, mime):
        message = (
            _("Ce PDF est illisible ou endommagé : il ne peut pas être ouvert.")
            if mime == "application/pdf"
            else _("Cette image est illisible ou endommagée : elle ne peut pas être ouverte.")
        )
        raise ValidationError(message, code="illisible")
    return mime


class LimiteDeTailleUploadHandler(TemporaryFileUploadHandler):
    """Store an uploaded file until MAX_UPLOAD_SIZE, then swallow the rest: the form receives an
    empty file marked `trop_gros`, which `valider_fichier` refuses with its size."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.recu = 0

    def receive_data_chunk(self, raw_data, start):
        self.recu += len(raw_data)
        if self.recu > settings.MAX_UPLOAD_SIZE:
            return None  # nothing more written, and no later handler gets it
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size):
        if self.recu <= settings.MAX_UPLOAD_SIZE:
            return super().file_complete(file_size)
        self.file.close()
        trop_gros = SimpleUploadedFile(self.file_name, b"", content_type=self.content_type)
        trop_gros.size, trop_gros.trop_gros = self.recu, True
        return trop_gros


def telecharger(champ_fichier):
    """An attachment response with a private file's bytes (10 MB at most, read at once so that the
    file is closed before the response leaves), its type read from the content; 404 when it is gone."""
    try:
        with champ_fichier.open("rb") as handle:
            contenu = handle.read()
            mime = type_reel(handle) or "application/octet-stream"
    except FileNotFoundError as exc:
        raise Http404(_("Le fichier n'est plus disponible.")) from exc
    reponse = HttpResponse(contenu, content_type=mime)
    reponse["Content-Disposition"] = content_disposition_header(True, champ_fichier.name.rsplit("/", 1)[-1])
    reponse["X-Content-Type-Options"] = "nosniff"
    return reponse
