"""Labels of a call, bulk actions of the instruction dashboard, waiting times of instruction."""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from aap_invisibles.models import (
    AppelAProjets,
    CouleurEtiquette,
    Dossier,
    Etiquette,
    Message,
    StatutDossier,
    TransitionDossier,
)
from aap_invisibles.tests.factories import dossier_depose
from partners.tests.factories import StructureFactory


def lot(client, action, dossiers, **donnees):
    corps = {"action": action, "dossiers": [d.pk for d in dossiers], **donnees}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("aap_invisibles:instruction_lot"), corps)


def luminance(hexa):
    canaux = [int(hexa[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lineaires = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in canaux]
    return 0.2126 * lineaires[0] + 0.7152 * lineaires[1] + 0.0722 * lineaires[2]


def test_every_label_colour_reaches_the_aa_contrast_with_its_white_text():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "portail.css").read_text()
    for couleur in CouleurEtiquette.values:
        fond = re.search(rf"\.etiquette-{couleur} {{ background-color: (#[0-9a-f]{{6}}); }}", css).group(1)
        assert (1.05) / (luminance(fond) + 0.05) >= 4.5, couleur


def test_coordination_defines_the_labels_of_a_call(world, client_of):
    client = client_of(world.coordination)
    reponse = client.post(
        reverse("aap_invisibles:appel_etiquettes", args=[world.appel.pk]),
        {
            "lignes-TOTAL_FORMS": "1",
            "lignes-INITIAL_FORMS": "0",
            "lignes-0-nom": "Partenariat à vérifier",
            "lignes-0-couleur": "rouge",
        },
    )
    assert reponse.status_code == 302
    assert ("Partenariat à vérifier", "rouge") in world.appel.etiquettes.values_list("nom", "couleur")


def test_an_instructor_labels_a_dossier_and_the_dashboard_filters_on_it(world, client_of):
    eps = world.etiquette
    client = client_of(world.instructeur)
    client.post(reverse("aap_invisibles:dossier_etiquettes", args=[world.dossier_autre.pk]), {"etiquettes": [eps.pk]})
    assert list(world.dossier_autre.etiquettes.all()) == [eps]
    page = client.get(reverse("aap_invisibles:instruction"), {"etiquette": eps.pk})
    assert [d.pk for d in page.context["page"].object_list] == [world.dossier_autre.pk]


def test_a_label_of_another_call_cannot_be_put_on_a_dossier(world, client_of):
    autre = Etiquette.objects.create(appel=world.appel_bis, nom="À relancer")
    client_of(world.instructeur).post(
        reverse("aap_invisibles:dossier_etiquettes", args=[world.dossier_autre.pk]), {"etiquettes": [autre.pk]}
    )
    assert not world.dossier_autre.etiquettes.exists()


def test_the_committee_page_shows_only_the_labelled_dossiers_when_filtered(world, client_of):
    eps = world.etiquette
    world.dossier_autre.etiquettes.add(eps)
    autre = dossier_depose(world.appel, StructureFactory(partenaire_plie=False), statut=StatutDossier.EN_INSTRUCTION)
    page = client_of(world.coordination).get(
        reverse("aap_invisibles:comite", args=[world.appel.pk]), {"etiquette": eps.pk}
    )
    assert [d.pk for d in page.context["affiches"]] == [world.dossier_autre.pk]
    assert autre.pk in [d.pk for d in page.context["classement"]]


def test_the_bulk_message_asks_for_confirmation_with_the_count_first(world, client_of):
    autre = dossier_depose(world.appel, StructureFactory(partenaire_plie=False), statut=StatutDossier.EN_INSTRUCTION)
    reponse = lot(client_of(world.instructeur), "ecrire", [world.dossier_autre, autre])
    assert "2 dossiers concernés" in reponse.content.decode()
    assert not Message.objects.filter(objet="Pièce manquante").exists()


def test_a_bulk_message_reaches_each_selected_thread_and_no_other(world, client_of):
    autre = dossier_depose(world.appel, StructureFactory(partenaire_plie=False), statut=StatutDossier.EN_INSTRUCTION)
    tiers = dossier_depose(world.appel, StructureFactory(partenaire_plie=False), statut=StatutDossier.EN_INSTRUCTION)
    mail.outbox = []
    reponse = lot(
        client_of(world.instructeur),
        "ecrire",
        [world.dossier_autre, autre],
        objet="Pièce manquante",
        texte="Merci de joindre le RIB.",
        confirmer="1",
    )
    assert reponse.status_code == 302
    recus = Message.objects.filter(objet="Pièce manquante")
    assert sorted(recus.values_list("dossier_id", flat=True)) == sorted([world.dossier_autre.pk, autre.pk])
    assert not recus.filter(dossier=tiers).exists()
    assert all(m.auteur_id == world.instructeur.pk for m in recus)


def test_a_dossier_outside_the_instructor_s_calls_is_never_reached(world, client_of):
    lot(
        client_of(world.instructeur),
        "ecrire",
        [world.dossier_autre, world.dossier_non_assigne],
        objet="Pièce manquante",
        texte="…",
        confirmer="1",
    )
    assert not Message.objects.filter(objet="Pièce manquante", dossier=world.dossier_non_assigne).exists()


def test_a_bulk_message_left_empty_comes_back_with_the_reason_and_sends_nothing(world, client_of):
    reponse = lot(client_of(world.instructeur), "ecrire", [world.dossier_autre], objet="Objet", texte="", confirmer="1")
    assert reponse.status_code == 400
    assert "Ce champ est obligatoire" in reponse.content.decode()
    assert not Message.objects.filter(objet="Objet").exists()


def test_bulk_hearings_give_consecutive_slots_and_convoke_each_applicant(world, client_of):
    autre = dossier_depose(world.appel, StructureFactory(partenaire_plie=False), statut=StatutDossier.EN_INSTRUCTION)
    lot(
        client_of(world.instructeur),
        "audition",
        [world.dossier_autre, autre],
        date="2026-12-15",
        debut="09:00",
        duree="45",
        lieu="Métropole, salle 3",
        confirmer="1",
    )
    heures = [Dossier.objects.get(pk=d.pk).audition.heure for d in (world.dossier_autre, autre)]
    assert heures == [datetime.time(9, 0), datetime.time(9, 45)]
    assert (
        Message.objects.filter(objet="Convocation à l'audition", dossier__in=[world.dossier_autre, autre]).count() == 2
    )


def test_a_bulk_label_is_put_on_the_dossiers_of_its_call_only(world, client_of):
    eps = world.etiquette
    lot(
        client_of(world.coordination),
        "etiqueter",
        [world.dossier_autre, world.dossier_depose],
        etiquette=eps.pk,
        confirmer="1",
    )
    assert list(eps.dossiers.all()) == [world.dossier_autre]


def test_a_dossier_waiting_past_its_call_s_delay_is_flagged_and_filtered(world, client_of):
    world.appel.delai_instruction_jours = 10
    world.appel.save()
    Dossier.objects.filter(pk=world.dossier_autre.pk).update(statut_le=timezone.now() - datetime.timedelta(days=11))
    client = client_of(world.coordination)
    page = client.get(reverse("aap_invisibles:instruction"), {"en_retard": "1"})
    (dossier,) = page.context["page"].object_list
    assert dossier.pk == world.dossier_autre.pk and dossier.attente_depassee
    assert "délai dépassé" in page.content.decode()


def test_the_dashboard_sorts_the_longest_wait_first(world, client_of):
    Dossier.objects.filter(pk=world.dossier_autre.pk).update(statut_le=timezone.now() - datetime.timedelta(days=40))
    page = client_of(world.coordination).get(reverse("aap_invisibles:instruction"), {"tri": "attente"})
    assert page.context["page"].object_list[0].pk == world.dossier_autre.pk


def test_a_transition_dates_the_new_state(world):
    world.dossier_autre.fixer_audition(world.instructeur, datetime.date(2026, 12, 15), datetime.time(9, 0), "Salle 3")
    world.dossier_autre.refresh_from_db()
    derniere = TransitionDossier.objects.filter(dossier=world.dossier_autre).latest("le")
    assert world.dossier_autre.statut_le == derniere.le


def test_the_applicant_sees_the_hearing_as_next_step_with_date_not_fixed(world, client_of):
    world.appel.date_audition = None
    world.appel.save()
    porteur = world.porteur_autre
    page = client_of(porteur).get(reverse("aap_invisibles:dossier", args=[world.dossier_autre.pk])).content.decode()
    assert (
        "Prochaine étape :" in page
        and "Audition devant le comité de lecture et de validation – date non définie" in page
    )


def test_the_applicant_sees_the_hearing_date_once_the_slot_is_set(world, client_of):
    world.dossier_autre.fixer_audition(world.instructeur, datetime.date(2026, 12, 15), datetime.time(9, 30), "Salle 3")
    page = client_of(world.porteur_autre).get(reverse("aap_invisibles:dossier", args=[world.dossier_autre.pk]))
    assert "15 décembre 2026 à 09:30" in page.content.decode()


def test_a_duplicated_call_keeps_its_texts_grid_and_labels_and_no_dossier(world, client_of):
    reponse = client_of(world.coordination).post(reverse("aap_invisibles:appel_dupliquer", args=[world.appel.pk]))
    copie = AppelAProjets.objects.exclude(pk=world.appel.pk).get(titre__startswith=world.appel.titre)
    assert reponse["Location"] == reverse("aap_invisibles:appel_modifier", args=[copie.pk])
    assert copie.statut == "brouillon" and copie.description == world.appel.description
    assert copie.date_cloture.year == world.appel.date_cloture.year + 1
    assert timezone.localtime(copie.date_cloture).time() == timezone.localtime(world.appel.date_cloture).time()
    assert list(copie.criteres.values_list("libelle", "poids")) == list(
        world.appel.criteres.values_list("libelle", "poids")
    )
    assert list(copie.etiquettes.values_list("nom", flat=True)) == ["EPS consultée"]
    assert set(copie.instructeurs.all()) == set(world.appel.instructeurs.all())
    assert not copie.dossiers.exists()
    (document,) = copie.documents.all()
    assert document.fichier.name != world.document_appel.fichier.name
    with document.fichier.open("rb") as fichier:
        assert fichier.read().startswith(b"%PDF")


def test_the_public_page_gives_the_results_of_a_decided_call(world, client):
    world.appel_bis.statut = "decide"
    world.appel_bis.date_cloture = timezone.now() - datetime.timedelta(days=1)
    world.appel_bis.date_ouverture = timezone.now() - datetime.timedelta(days=60)
    world.appel_bis.save()
    page = client.get(reverse("aap_invisibles:liste")).content.decode().replace("\u202f", " ").replace("\xa0", " ")
    assert "2 dossiers déposés" in page and "1 projet financé pour 15 000 €" in page
