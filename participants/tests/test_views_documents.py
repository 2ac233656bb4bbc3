from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import AccesDonnees
from participants.models import Document
from tests.fichiers import PNG_1PX as PNG
from tests.fichiers import pdf_bytes

PDF = pdf_bytes()


def ajouter(client, participant, contenu, nom="piece.pdf"):
    return client.post(
        reverse("participants:document_ajouter", args=[participant.pk]),
        {"type": "cv", "titre": "Pièce", "date": "2026-03-01", "fichier": SimpleUploadedFile(nom, contenu)},
    )


def test_the_referent_adds_a_pdf_kept_in_private_storage(world, client_of, settings):
    response = ajouter(client_of(world.referent), world.participant, PDF)
    assert response.status_code == 302
    document = Document.objects.get(titre="Pièce")
    assert document.auteur == world.referent
    assert document.fichier.path.startswith(str(settings.MEDIA_ROOT))
    assert settings.MEDIA_URL is None  # no public URL ever serves the media directory


def test_a_png_is_accepted_by_its_content(world, client_of):
    assert ajouter(client_of(world.referent), world.participant, PNG, "photo.png").status_code == 302


def test_a_file_whose_content_is_not_pdf_jpeg_or_png_is_refused_in_french(world, client_of):
    response = ajouter(client_of(world.referent), world.participant, b"MZ\x90\x00 executable", "faux.pdf")
    assert response.status_code == 200
    assert "n&#x27;est ni un PDF, ni une image JPEG ou PNG" in response.content.decode()
    assert not Document.objects.filter(titre="Pièce").exists()


def test_a_file_over_10_mb_is_refused(world, client_of):
    response = ajouter(client_of(world.referent), world.participant, PDF + b"0" * (10 * 1024 * 1024))
    assert "Le fichier dépasse la taille maximale de 10 Mo" in response.content.decode()


def test_a_fake_pdf_whose_first_bytes_only_look_right_is_refused(world, client_of):
    response = ajouter(client_of(world.referent), world.participant, b"%PDF-1.7\n pas un PDF du tout")
    assert "Ce PDF est illisible ou endommagé" in response.content.decode()
    assert not Document.objects.filter(titre="Pièce").exists()


def test_a_fake_png_is_refused(world, client_of):
    response = ajouter(client_of(world.referent), world.participant, b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "x.png")
    assert "Cette image est illisible ou endommagée" in response.content.decode()


def test_the_download_checks_access_and_is_logged(world, client_of):
    url = reverse("participants:document_telecharger", args=[world.document.pk])
    response = client_of(world.referent_collegue).get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    acces = AccesDonnees.objects.get(action="telechargement")
    assert acces.utilisateur == world.referent_collegue
    assert acces.objet_type == "participants.Document"


def test_a_partner_who_sees_the_participant_cannot_download_their_documents(world, client_of):
    url = reverse("participants:document_telecharger", args=[world.document.pk])
    assert client_of(world.partenaire).get(url).status_code == 404
    assert not AccesDonnees.objects.filter(action="telechargement").exists()


def test_deleting_a_document_asks_for_confirmation_then_removes_the_file(
    world, client_of, django_capture_on_commit_callbacks
):
    client = client_of(world.referent)
    url = reverse("participants:document_supprimer", args=[world.document.pk])
    page = client.get(url).content.decode()
    assert "data-confirm=" in page and 'method="post"' in page
    nom, storage = world.document.fichier.name, world.document.fichier.storage
    assert storage.exists(nom)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert not Document.objects.filter(pk=world.document.pk).exists()
    assert not storage.exists(nom)


def test_a_colleague_cannot_delete_a_document(world, client_of):
    url = reverse("participants:document_supprimer", args=[world.document.pk])
    assert client_of(world.referent_collegue).post(url).status_code == 404
    assert Document.objects.filter(pk=world.document.pk).exists()
