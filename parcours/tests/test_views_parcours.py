"""Parcours pages: orientation, FSE+ questionnaire, exit, follow-up and journal, as persona stories."""

import datetime

from django.urls import reverse
from django.utils import timezone

from parcours.choices import DecisionCommission, MotifSortie, StatutEntretien, StatutEtape
from parcours.models import Entretien, Parcours, Transition
from parcours.tests.factories import EntretienFactory, ParcoursFactory
from participants.tests.factories import ParticipantFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_referent_orients_a_participant_without_open_parcours(world, client_of):
    participant = ParticipantFactory(referent=world.referent)
    response = client_of(world.referent).post(
        reverse("parcours:creer", kwargs={"participant_pk": participant.pk}),
        {"date_orientation": "2026-03-02", "prescripteur": world.ccas.pk, "referent": world.referent.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("participants:detail", kwargs={"pk": participant.pk}) + "#parcours"
    parcours = participant.parcours.get()
    assert parcours.decision_commission == DecisionCommission.EN_ATTENTE
    assert parcours.prescripteur == world.ccas
    assert Transition.objects.get(parcours=parcours).vers == DecisionCommission.EN_ATTENTE


def test_an_orientation_is_refused_in_french_while_a_parcours_is_open(world, client_of):
    client = client_of(world.referent)
    url = reverse("parcours:creer", kwargs={"participant_pk": world.participant.pk})
    assert "déjà un parcours ouvert" in client.get(url).content.decode()
    response = client.post(url, {"date_orientation": "2026-03-02"})
    assert response.status_code == 200
    assert "déjà un parcours ouvert" in response.content.decode()
    assert world.participant.parcours.count() == 1


def test_an_orientation_in_the_future_is_refused_and_the_form_keeps_what_was_typed(world, client_of):
    participant = ParticipantFactory(referent=world.referent)
    demain = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client_of(world.referent).post(
        reverse("parcours:creer", kwargs={"participant_pk": participant.pk}), {"date_orientation": demain}
    )
    assert "ne peut pas être dans le futur" in response.content.decode()
    assert demain in response.content.decode()
    assert not participant.parcours.exists()


def test_the_questionnaire_stores_yes_no_and_unknown_and_shows_what_is_missing(world, client_of):
    parcours = ParcoursFactory(participant__referent=world.referent, niveau_formation="")
    client = client_of(world.referent)
    url = reverse("parcours:situation", kwargs={"pk": parcours.pk})
    assert "niveau de formation" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "statut_marche_travail": "chomeur",
            "date_debut_chomage": "2024-01-01",
            "niveau_formation": "aucun",
            "rsa": "True",
            "ass": "False",
            "aah": "",
            "rqth": "True",
            "nationalite": "",
        },
    )
    assert response.status_code == 302
    parcours.refresh_from_db()
    assert (parcours.rsa, parcours.ass, parcours.aah, parcours.rqth, parcours.qpv) == (True, False, None, True, None)
    assert parcours.niveau_formation == "aucun"
    assert parcours.fse_complet


def test_an_unemployment_start_for_someone_not_unemployed_is_refused(world, client_of):
    response = client_of(world.referent).post(
        reverse("parcours:situation", kwargs={"pk": world.parcours.pk}),
        {"statut_marche_travail": "inactif", "date_debut_chomage": "2024-01-01", "niveau_formation": "niveau_3"},
    )
    assert response.status_code == 200
    assert "Uniquement pour une personne demandeuse d" in response.content.decode()
    world.parcours.refresh_from_db()
    assert world.parcours.statut_marche_travail == "chomeur"


def test_a_colleague_reads_but_cannot_change_the_situation(world, client_of):
    response = client_of(world.referent_collegue).post(
        reverse("parcours:situation", kwargs={"pk": world.parcours.pk}),
        {"statut_marche_travail": "inactif", "niveau_formation": "niveau_3"},
    )
    assert response.status_code == 403
    world.parcours.refresh_from_db()
    assert world.parcours.statut_marche_travail == "chomeur"


def test_the_exit_form_marks_positive_reasons(world, client_of):
    content = client_of(world.referent).get(reverse("parcours:sortie", kwargs={"pk": world.parcours.pk})).content
    texte = content.decode()
    assert texte.count("sortie positive") == 5
    assert "3 étapes sont encore ouvertes" in texte


def test_an_exit_with_open_steps_needs_them_abandoned(world, client_of):
    client = client_of(world.referent)
    url = reverse("parcours:sortie", kwargs={"pk": world.parcours.pk})
    donnees = {"date_sortie": "2026-04-30", "motif_sortie": MotifSortie.EMPLOI_CDI, "situation_sortie": "emploi"}
    response = client.post(url, donnees)
    assert response.status_code == 200
    assert "encore ouvertes" in response.content.decode()
    world.parcours.refresh_from_db()
    assert world.parcours.date_sortie is None

    response = client.post(url, {**donnees, "clore_etapes": "on", "qualification_obtenue": "True"})
    assert response.status_code == 302
    world.parcours.refresh_from_db()
    world.etape.refresh_from_db()
    assert world.parcours.date_sortie == datetime.date(2026, 4, 30)
    assert world.parcours.qualification_obtenue is True
    assert world.etape.statut == StatutEtape.ABANDONNEE
    assert world.etape.motif_detail == "Étape close"  # the partner is not told of the exit


def test_an_exit_before_the_entry_is_refused(world, client_of):
    response = client_of(world.referent).post(
        reverse("parcours:sortie", kwargs={"pk": world.parcours.pk}),
        {"date_sortie": "2025-12-31", "motif_sortie": MotifSortie.ABANDON, "clore_etapes": "on"},
    )
    assert "postérieure ou égale à la date" in response.content.decode()
    world.parcours.refresh_from_db()
    assert world.parcours.date_sortie is None


def test_the_six_month_follow_up_is_recorded_after_the_exit(world, client_of):
    sorti = ParcoursFactory(
        participant__referent=world.referent,
        date_sortie=datetime.date(2025, 6, 30),
        motif_sortie=MotifSortie.EMPLOI_CDI,
        date_entree=datetime.date(2025, 1, 15),
        date_orientation=datetime.date(2025, 1, 5),
    )
    response = client_of(world.referent).post(
        reverse("parcours:suivi", kwargs={"pk": sorti.pk}),
        {"date_suivi_6_mois": "2026-01-05", "emploi_6_mois": "True", "situation_amelioree_6_mois": ""},
    )
    assert response.status_code == 302
    sorti.refresh_from_db()
    assert (sorti.emploi_6_mois, sorti.situation_amelioree_6_mois) == (True, None)
    assert sorti.date_suivi_6_mois == datetime.date(2026, 1, 5)


def test_no_follow_up_on_a_parcours_not_exited(world, client_of):
    client = client_of(world.referent)
    url = reverse("parcours:suivi", kwargs={"pk": world.parcours.pk})
    assert "ne concerne qu'un parcours sorti" in client.get(url).content.decode()
    client.post(url, {"date_suivi_6_mois": "2026-01-05", "emploi_6_mois": "True"})
    world.parcours.refresh_from_db()
    assert world.parcours.emploi_6_mois is None


def test_an_interview_is_added_without_javascript(world, client_of):
    response = client_of(world.referent).post(
        reverse("parcours:entretien_ajouter", kwargs={"pk": world.parcours.pk}),
        {
            "entretien-date": "2026-03-03T09:30",
            "entretien-type": "telephone",
            "entretien-statut": "realise",
            "entretien-note": "Point CV",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#journal")
    entretien = world.parcours.entretiens.get(note="Point CV")
    assert entretien.auteur == world.referent


def test_an_interview_is_added_inline_with_htmx_and_the_journal_comes_back(world, client_of):
    response = client_of(world.referent).post(
        reverse("parcours:entretien_ajouter", kwargs={"pk": world.parcours.pk}),
        {
            "entretien-date": "2026-03-03T09:30",
            "entretien-type": "presentiel",
            "entretien-statut": "realise",
            "entretien-note": "Atelier mobilité",
        },
        **HTMX,
    )
    assert response.status_code == 200
    texte = response.content.decode()
    assert 'id="journal"' in texte and "Atelier mobilité" in texte
    assert "<html" not in texte


def test_a_realised_interview_in_the_future_is_refused(world, client_of):
    demain = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client_of(world.referent).post(
        reverse("parcours:entretien_ajouter", kwargs={"pk": world.parcours.pk}),
        {"entretien-date": demain, "entretien-type": "presentiel", "entretien-statut": "realise"},
        **HTMX,
    )
    assert "ne peut être que planifié" in response.content.decode()
    assert world.parcours.entretiens.count() == 1


def test_a_planned_interview_is_marked_realised_or_absent(world, client_of):
    planifie = EntretienFactory(parcours=world.parcours, statut=StatutEntretien.PLANIFIE)
    response = client_of(world.referent).post(
        reverse("parcours:entretien_modifier", kwargs={"pk": planifie.pk}), {"marquer": "absent"}
    )
    assert response.status_code == 302
    planifie.refresh_from_db()
    assert planifie.statut == StatutEntretien.ABSENT


def test_an_interview_to_come_cannot_be_marked_realised(world, client_of):
    futur = EntretienFactory(
        parcours=world.parcours, statut=StatutEntretien.PLANIFIE, date=timezone.now() + datetime.timedelta(days=2)
    )
    client_of(world.referent).post(
        reverse("parcours:entretien_modifier", kwargs={"pk": futur.pk}), {"marquer": "realise"}
    )
    futur.refresh_from_db()
    assert futur.statut == StatutEntretien.PLANIFIE


def test_an_interview_is_edited(world, client_of):
    response = client_of(world.referent).post(
        reverse("parcours:entretien_modifier", kwargs={"pk": world.entretien.pk}),
        {
            "entretien-date": "2026-02-03T10:00",
            "entretien-type": "visio",
            "entretien-statut": "realise",
            "entretien-note": "Note corrigée",
        },
    )
    assert response.status_code == 302
    world.entretien.refresh_from_db()
    assert (world.entretien.type, world.entretien.note) == ("visio", "Note corrigée")


def test_a_colleague_cannot_mark_an_interview(world, client_of):
    response = client_of(world.referent).post(
        reverse("parcours:entretien_modifier", kwargs={"pk": world.entretien_collegue.pk}), {"marquer": "realise"}
    )
    assert response.status_code == 403
    assert Entretien.objects.get(pk=world.entretien_collegue.pk).statut == StatutEntretien.PLANIFIE


def test_the_participant_record_shows_the_parcours_journal_completeness_and_actions(world, client_of):
    incomplet = ParcoursFactory(participant__referent=world.referent, niveau_formation="")
    EntretienFactory(parcours=incomplet, note="Premier contact")
    texte = client_of(world.referent).get(reverse("participants:detail", kwargs={"pk": incomplet.participant_id}))
    texte = texte.content.decode()
    assert "Participation incomplète pour le FSE+" in texte and "niveau de formation" in texte
    assert "Premier contact" in texte
    assert reverse("parcours:situation", kwargs={"pk": incomplet.pk}) in texte
    assert reverse("parcours:sortie", kwargs={"pk": incomplet.pk}) in texte
    assert reverse("parcours:entretien_ajouter", kwargs={"pk": incomplet.pk}) in texte


def test_a_colleague_sees_the_journal_without_the_action_buttons(world, client_of):
    texte = (
        client_of(world.referent_collegue)
        .get(reverse("participants:detail", kwargs={"pk": world.participant.pk}))
        .content.decode()
    )
    assert "Point sur la recherche d" in texte
    assert reverse("parcours:situation", kwargs={"pk": world.parcours.pk}) not in texte
    assert reverse("parcours:entretien_ajouter", kwargs={"pk": world.parcours.pk}) not in texte


def test_earlier_parcours_show_the_positive_exit_and_the_follow_up_link(world, client_of):
    participant = ParticipantFactory(referent=world.referent)
    ancien = ParcoursFactory(
        participant=participant,
        date_sortie=datetime.date(2026, 2, 1),
        motif_sortie=MotifSortie.ALTERNANCE,
    )
    texte = client_of(world.referent).get(reverse("participants:detail", kwargs={"pk": participant.pk}))
    texte = texte.content.decode()
    assert "sortie positive" in texte
    assert reverse("parcours:suivi", kwargs={"pk": ancien.pk}) in texte
    assert reverse("parcours:creer", kwargs={"participant_pk": participant.pk}) in texte
    assert "Journal du dernier parcours" in texte
    assert Parcours.objects.filter(participant=participant).count() == 1


def test_opening_and_changing_the_questionnaire_is_written_to_the_access_log(world, client_of):
    from accounts.models import AccesDonnees

    client = client_of(world.referent)
    url = reverse("parcours:situation", kwargs={"pk": world.parcours.pk})
    client.get(url)
    client.post(url, {"statut_marche_travail": "inactif", "niveau_formation": "niveau_3"})
    actions = list(
        AccesDonnees.objects.filter(utilisateur=world.referent, objet_id=str(world.participant.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["consultation", "modification"]


def test_the_record_shows_the_transition_log_of_the_parcours_and_its_steps(world, client_of):
    world.etape_proposee.annuler(world.referent, "Plus d'actualité")
    texte = client_of(world.referent).get(reverse("participants:detail", kwargs={"pk": world.participant.pk}))
    texte = texte.content.decode()
    assert "Journal des transitions" in texte
    assert f"Étape « {world.etape_proposee.type} » : Proposée" in texte
    assert "Plus d&#x27;actualité" in texte


def test_the_orientation_offers_only_the_referents_who_may_follow_the_person(world, client_of):
    from parcours.models import Parcours

    Parcours.objects.filter(participant=world.participant_collegue).delete()
    page = client_of(world.coordination).get(
        reverse("parcours:creer", kwargs={"participant_pk": world.participant_collegue.pk})
    )

    choix = set(page.context["form"].fields["referent"].queryset)
    assert world.referent_collegue in choix and world.referent in choix
    assert world.referent_autre not in choix
