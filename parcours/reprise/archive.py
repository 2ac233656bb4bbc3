"""The ZIP of a historical import sent from the import page: the four files taken from it,
whatever folder they are in, with limits that refuse a ZIP bomb."""

import io
import zipfile
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from .fichiers import FICHIERS, PARTICIPANTS, FichiersLus

# What the files of a Métropole's ten years weigh, with room: beyond, the ZIP is refused.
TAILLE_DECOMPRESSEE_MAX = 200 * 1024 * 1024


class ArchiveInvalide(ValueError):
    """The ZIP cannot be used; the message says why, in French."""


def lire_archive(contenu):
    """{file name: bytes} of the known files of the ZIP `contenu` (bytes), each decompressed when
    asked for (FichiersLus). The archive stays open on the bytes in memory: nothing to close."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(contenu))
    except zipfile.BadZipFile as exc:
        raise ArchiveInvalide(_("Le fichier n'est pas une archive ZIP lisible.")) from exc
    membres = {}
    for info in archive.infolist():
        nom = PurePosixPath(info.filename).name.lower()
        if info.is_dir() or nom not in FICHIERS:
            continue
        if nom in membres:
            raise ArchiveInvalide(_("L'archive contient deux fichiers « %(nom)s ».") % {"nom": nom})
        membres[nom] = info
    if PARTICIPANTS not in membres:
        raise ArchiveInvalide(_("L'archive ne contient pas de fichier participants.csv (obligatoire)."))
    if sum(info.file_size for info in membres.values()) > TAILLE_DECOMPRESSEE_MAX:
        raise ArchiveInvalide(_("Une fois décompressés, les fichiers dépassent 200 Mo : découpez l'export."))
    return FichiersLus(membres, lambda nom: archive.read(membres[nom]))
