"""The whole call as one ZIP: exactly the submitted dossiers, their Cerfa, attachments and opinions."""

import io
import zipfile

from django.test import TestCase
from django.urls import reverse

from aap_invisibles.models import PieceJointe
from aap_invisibles.tests.factories import pdf_upload
from reports.models import Rapport


def archive(client, user, appel):
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("reports:demander", args=["archive_appel"]), {"appel": appel.pk})
    rapport = Rapport.objects.filter(demandeur=user, type="archive_appel").latest("id")
    contenu = b"".join(client.get(reverse("reports:telecharger", args=[rapport.pk])).streaming_content)
    return zipfile.ZipFile(io.BytesIO(contenu))


def test_the_zip_holds_a_folder_per_submitted_dossier_and_no_draft(world, client_of):
    noms = archive(client_of(world.coordination), world.coordination, world.appel).namelist()
    dossiers = {nom.split("/")[0] for nom in noms if "/" in nom}
    # The call has one submitted dossier (asso_autre) and a draft (asso) that stays out.
    assert dossiers == {"01-" + world.dossier_autre.porteur.nom.lower().replace(" ", "-")}
    assert "dossiers.xlsx" in noms
    assert any(nom.endswith("/cerfa.pdf") for nom in noms)


def test_each_attachment_is_copied_whole_under_a_readable_name(world, client_of):
    piece = PieceJointe.objects.create(
        dossier=world.dossier_autre,
        type_piece="rib",
        fichier=pdf_upload("rib-banque.pdf"),
        nom_original="rib-banque.pdf",
    )
    zip_ = archive(client_of(world.coordination), world.coordination, world.appel)
    (nom,) = [n for n in zip_.namelist() if n.endswith("rib-banque.pdf")]
    assert "/pieces/" in nom
    with piece.fichier.open("rb") as original:
        assert zip_.read(nom) == original.read()


def test_the_opinions_are_in_their_dossier_s_folder(world, client_of):
    world.demande_avis.repondre("favorable", "Partenariat EPS réel.")
    zip_ = archive(client_of(world.coordination), world.coordination, world.appel)
    (avis,) = [n for n in zip_.namelist() if "/avis/" in n and n.endswith(".txt")]
    assert "Partenariat EPS réel." in zip_.read(avis).decode()


def test_an_instructor_cannot_export_a_call_they_do_not_instruct(world, client_of):
    client = client_of(world.instructeur)
    reponse = client.post(reverse("reports:demander", args=["archive_appel"]), {"appel": world.appel_non_assigne.pk})
    assert reponse.status_code == 404
