"""The whole of a call as one ZIP (issue 19): the dossiers workbook, then a folder per submitted
dossier with its Cerfa PDF, its attachments under readable names, the EPS proof and the experts'
opinions. Written entry by entry into the output file, attachments copied by chunks: the worker
never holds the archive, nor a whole attachment, in memory."""

import shutil
import tempfile
import zipfile

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import register
from .aap import AppelKind, DossierCerfa, appel_visible

# Attachments are PDFs and images, compressed already: stored as they are, which costs no CPU.
STOCKE, COMPRESSE = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
MORCEAU = 1024 * 1024


def nom_de_dossier(rang, dossier):
    """`03-association-tremplin`: the rank and the organisation, readable in any file manager."""
    return f"{rang:02d}-{slugify(dossier.porteur.nom)[:60] or dossier.pk}"


def _copier(archive, champ, nom):
    """Copy a stored file into the archive by chunks; a lost file leaves a note in its place."""
    try:
        with (
            champ.open("rb") as source,
            archive.open(zipfile.ZipInfo(nom, timezone.localtime().timetuple()[:6]), "w") as cible,
        ):
            shutil.copyfileobj(source, cible, MORCEAU)
    except FileNotFoundError:
        archive.writestr(f"{nom}.absent.txt", _("Fichier introuvable dans le stockage."))


def _avis_en_texte(demande):
    lignes = [
        _("Expert·e : %(nom)s") % {"nom": demande.expert.get_full_name() or demande.expert.email},
        _("Question : %(q)s") % {"q": demande.question},
        _("Attendu pour le : %(d)s") % {"d": demande.echeance.isoformat()},
    ]
    if demande.repondu_le:
        lignes += [_("Avis : %(a)s") % {"a": demande.get_avis_display()}, "", demande.texte]
    else:
        lignes.append(_("Avis : pas encore donné"))
    return "\n".join(lignes) + "\n"


@register
class ArchiveAppel(AppelKind):
    code = "archive_appel"
    label = gettext_lazy("Export complet d'un appel (ZIP)")
    description = gettext_lazy(
        "Le classeur des dossiers, puis pour chaque dossier déposé : son Cerfa en PDF, ses pièces, le justificatif "
        "EPS et les avis d'expert·es."
    )
    extension = "zip"
    content_type = "application/zip"

    def ecrire(self, rapport, progress, sortie):
        from aap_invisibles.exports import ecrire_classeur
        from aap_invisibles.models import Dossier

        appel = appel_visible(rapport.demandeur, rapport.parametres)
        dossiers = list(
            Dossier.objects.visible_to(rapport.demandeur)
            .filter(appel=appel)
            .select_related("appel", "porteur", "consultation_eps")
            .prefetch_related("pieces", "demandes_avis__expert")
            .order_by("id")
        )
        cerfa = DossierCerfa()
        with zipfile.ZipFile(sortie, "w", compression=COMPRESSE) as archive:
            # The workbook, written to a temporary file first (its writer seeks in the zip it writes).
            with tempfile.TemporaryFile() as classeur:
                ecrire_classeur(
                    appel,
                    Dossier.objects.filter(pk__in=[d.pk for d in dossiers])
                    .avec_score(rapport.demandeur)
                    .order_by("id"),
                    classeur,
                )
                classeur.seek(0)
                with archive.open("dossiers.xlsx", "w") as cible:
                    shutil.copyfileobj(classeur, cible, MORCEAU)
            for rang, dossier in enumerate(dossiers, start=1):
                dossier_zip = nom_de_dossier(rang, dossier)
                archive.writestr(f"{dossier_zip}/cerfa.pdf", cerfa.rendre(dossier))
                for piece in dossier.pieces.all():
                    # The piece's number keeps two files of the same name apart.
                    nom = f"{piece.pk}-{slugify(piece.get_type_piece_display())}-{piece.nom_original}"
                    _copier(archive, piece.fichier, f"{dossier_zip}/pieces/{nom}")
                eps = getattr(dossier, "consultation_eps", None)
                if eps is not None and eps.justificatif:
                    _copier(
                        archive,
                        eps.justificatif,
                        f"{dossier_zip}/consultation-eps-{eps.justificatif.name.rsplit('/', 1)[-1]}",
                    )
                for demande in dossier.demandes_avis.all():
                    expert = (
                        f"{demande.pk}-{slugify(demande.expert.get_full_name() or demande.expert.email.split('@')[0])}"
                    )
                    archive.writestr(f"{dossier_zip}/avis/{expert}.txt", _avis_en_texte(demande))
                    if demande.piece_jointe:
                        nom = demande.piece_jointe.name.rsplit("/", 1)[-1]
                        _copier(archive, demande.piece_jointe, f"{dossier_zip}/avis/{expert}-{nom}")
                progress(5 + int(90 * rang / max(len(dossiers), 1)), _("Dossiers de l'appel"))
