"""Outside opinions: asked by the instruction, answered by an expert who sees that dossier only."""

import datetime

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from aap_invisibles.models import DemandeAvis, Dossier
from aap_invisibles.tasks import relancer_avis
from aap_invisibles.tests.factories import pdf_upload
from accounts.models import Role, User
from notifications.models import Notification


def demander(client, dossier, email="eps.commune@exemple.fr", echeance=None, **autres):
    echeance = echeance or (timezone.localdate() + datetime.timedelta(days=10))
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("aap_invisibles:dossier_avis_demander", args=[dossier.pk]),
            {
                "email": email,
                "prenom": "Inès",
                "nom": "Morel",
                "question": "Le repérage est-il réaliste ?",
                "echeance": echeance.isoformat(),
                **autres,
            },
        )


def test_an_instructor_asks_an_opinion_and_an_expert_account_is_opened(world, client_of):
    mail.outbox = []
    reponse = demander(client_of(world.instructeur), world.dossier_autre)
    assert reponse.status_code == 302
    expert = User.objects.get(email="eps.commune@exemple.fr")
    assert expert.role == Role.EXPERT and not expert.has_usable_password()
    assert DemandeAvis.objects.filter(
        dossier=world.dossier_autre, expert=expert, demandee_par=world.instructeur
    ).exists()
    sujets = [m.subject for m in mail.outbox if m.to == ["eps.commune@exemple.fr"]]
    assert any("Votre compte" in s for s in sujets) and any("Avis demandé" in s for s in sujets)


def test_an_address_of_another_role_is_refused_with_the_reason(world, client_of):
    reponse = demander(client_of(world.instructeur), world.dossier_autre, email=world.referent.email)
    assert "un·e expert·e a un compte à part" in reponse.content.decode()
    assert not DemandeAvis.objects.filter(expert=world.referent).exists()


def test_a_past_due_date_is_refused(world, client_of):
    reponse = demander(
        client_of(world.instructeur), world.dossier_autre, echeance=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert "ne peut pas être passée" in reponse.content.decode()


def test_the_expert_opens_only_the_dossiers_they_were_asked_about(world):
    assert list(Dossier.objects.visible_to(world.expert)) == [world.dossier_autre]


def test_the_expert_never_opens_the_dossier_page_of_the_instruction(world, client_of):
    assert client_of(world.expert).get(world.dossier_autre.get_absolute_url()).status_code == 403


def test_the_expert_answers_and_the_instructors_are_told(world, client_of):
    with TestCase.captureOnCommitCallbacks(execute=True):
        reponse = client_of(world.expert).post(
            reverse("aap_invisibles:avis", args=[world.demande_avis.pk]),
            {
                "avis": "reserve",
                "texte": "Le repérage suppose l'accord des EPS.",
                "piece_jointe": pdf_upload("note.pdf"),
            },
        )
    assert reponse.status_code == 302
    world.demande_avis.refresh_from_db()
    assert (world.demande_avis.avis, world.demande_avis.repondu_le is not None) == ("reserve", True)
    assert Notification.objects.filter(utilisateur=world.instructeur, titre__startswith="Avis reçu").exists()


def test_the_opinion_shows_on_the_dossier_for_the_instruction(world, client_of):
    world.demande_avis.repondre("favorable", "Partenariat EPS réel.")
    page = client_of(world.coordination).get(world.dossier_autre.get_absolute_url()).content.decode()
    assert "Avis Favorable" in page and "Partenariat EPS réel." in page


def test_the_expert_cannot_download_a_message_attachment_of_the_thread(world, client_of):
    client = client_of(world.expert)
    assert (
        client.get(reverse("aap_invisibles:dossier_fichier", args=[world.dossier_autre.pk, "message", 1])).status_code
        == 404
    )


def test_a_wrong_attachment_is_refused_and_the_answer_kept(world, client_of):
    reponse = client_of(world.expert).post(
        reverse("aap_invisibles:avis", args=[world.demande_avis.pk]),
        {"avis": "favorable", "texte": "Mon avis", "piece_jointe": SimpleUploadedFile("x.exe", b"MZ...")},
    )
    assert reponse.status_code == 400
    assert "Mon avis" in reponse.content.decode()
    world.demande_avis.refresh_from_db()
    assert world.demande_avis.repondu_le is None


def test_reminders_are_sent_once_before_and_once_after_the_due_date(world):
    aujourd_hui = timezone.localdate()
    DemandeAvis.objects.filter(pk=world.demande_avis.pk).update(echeance=aujourd_hui + datetime.timedelta(days=1))
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert relancer_avis() == 1
        assert relancer_avis() == 0
    DemandeAvis.objects.filter(pk=world.demande_avis.pk).update(echeance=aujourd_hui - datetime.timedelta(days=1))
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert relancer_avis() == 1
        assert relancer_avis() == 0
    titres = list(Notification.objects.filter(utilisateur=world.expert).values_list("titre", flat=True))
    assert len(titres) == 2 and titres[0].startswith(("Rappel", "Avis attendu"))


def test_an_answered_request_is_never_reminded(world):
    world.demande_avis.repondre("favorable", "OK")
    DemandeAvis.objects.filter(pk=world.demande_avis.pk).update(
        echeance=timezone.localdate() - datetime.timedelta(days=3)
    )
    assert relancer_avis() == 0


def test_the_committee_pdf_carries_the_opinions(world, client_of):
    import io

    from pypdf import PdfReader

    from reports.models import Rapport

    world.demande_avis.repondre("favorable", "Partenariat EPS réel.")
    client = client_of(world.coordination)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("reports:demander", args=["comite"]), {"appel": world.appel.pk})
    rapport = Rapport.objects.filter(demandeur=world.coordination).latest("id")
    contenu = b"".join(client.get(reverse("reports:telecharger", args=[rapport.pk])).streaming_content)
    texte = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages)
    assert "Avis d'expert" in texte and "Partenariat EPS réel." in " ".join(texte.split())


def test_the_expert_never_reads_the_bank_details_nor_the_rib(world, client_of):
    world.dossier_autre.iban = "FR7630006000011234567890189"
    world.dossier_autre.save()
    client = client_of(world.expert)
    page = client.get(reverse("aap_invisibles:avis", args=[world.demande_avis.pk])).content.decode()
    assert "FR7630006000011234567890189" not in page and "7. Attestations" not in page
    from aap_invisibles.models import PieceJointe

    rib = PieceJointe.objects.create(
        dossier=world.dossier_autre, type_piece="rib", fichier=pdf_upload("rib.pdf"), nom_original="rib.pdf"
    )
    adresse = reverse("aap_invisibles:dossier_fichier", args=[world.dossier_autre.pk, "piece", rib.pk])
    assert client.get(adresse).status_code == 404


def test_the_expert_loses_access_once_the_committee_decides(world, client_of):
    from decimal import Decimal

    world.dossier_autre.retenir(world.coordination, Decimal("20000"))
    assert client_of(world.expert).get(reverse("aap_invisibles:avis", args=[world.demande_avis.pk])).status_code == 404


def test_a_deactivated_expert_account_is_refused_with_the_reason(world, client_of):
    world.expert.is_active = False
    world.expert.save()
    reponse = demander(client_of(world.instructeur), world.dossier_autre, email=world.expert.email)
    assert "désactivé" in reponse.content.decode()
