import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from accounts.models import AccesDonnees
from participants.models import Participant
from reports.kinds import REGISTRY, get_kind
from reports.models import Rapport, StatutRapport
from reports.tests.factories import RapportFactory
from reports.tests.test_tasks import KindQuiEchoue
from rgpd.droit_acces import donnees_participant

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_each_person_sees_only_the_reports_they_asked_for(world, client_of):
    page = client_of(world.referent).get(reverse("reports:liste"))

    assert list(page.context["rapports"]) == [world.rapport_referent_en_cours, world.rapport_referent]
    assert world.rapport_coordination.libelle not in page.content.decode()


def test_coordination_does_not_see_the_reports_of_referents(world, client_of):
    page = client_of(world.coordination).get(reverse("reports:liste"))

    assert list(page.context["rapports"]) == [world.rapport_coordination]


def test_the_list_shows_progress_polled_every_two_seconds_only_while_the_report_runs(world, client_of):
    html = client_of(world.referent).get(reverse("reports:liste")).content.decode()

    en_cours = reverse("reports:etat", args=[world.rapport_referent_en_cours.pk])
    termine = reverse("reports:etat", args=[world.rapport_referent.pk])
    assert f'hx-get="{en_cours}" hx-trigger="every 2s"' in html
    assert f'hx-get="{termine}"' not in html
    assert '<progress id="progression-' in html and 'value="40"' in html
    assert "style=" not in html and "hx-on" not in html


def test_the_list_has_an_empty_state(world, client_of):
    html = client_of(world.instructeur).get(reverse("reports:liste")).content.decode()

    assert "Vous n'avez demandé aucun document pour le moment." in html


@pytest.mark.parametrize("nombre", [1, 30])
def test_the_list_runs_a_constant_number_of_queries(world, client_of, django_assert_num_queries, nombre):
    RapportFactory.create_batch(nombre, demandeur=world.instructeur, fichier=None)
    client = client_of(world.instructeur)

    # Session, user, second-factor devices, notifications badge, structure in the menu, session save
    # (middleware and base template), then the count and the page of reports: the same for 1 or 30 rows.
    with django_assert_num_queries(9):
        page = client.get(reverse("reports:liste"))
    assert page.context["page_obj"].paginator.count == nombre


def test_the_list_is_sorted_and_paginated_by_25(world, client_of):
    RapportFactory.create_batch(26, demandeur=world.instructeur, fichier=None)

    page = client_of(world.instructeur).get(reverse("reports:liste"), {"tri": "date", "page": 2})

    assert len(page.context["rapports"]) == 1
    assert page.context["tri"] == "date"


def test_the_polling_fragment_does_not_extend_the_session(world, client_of):
    client = client_of(world.referent)
    client.get(reverse("reports:liste"))
    cle = client.session.session_key
    expire = Session.objects.get(session_key=cle).expire_date

    reponse = client.get(reverse("reports:etat", args=[world.rapport_referent_en_cours.pk]), **HTMX)

    assert reponse.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in reponse.cookies
    assert Session.objects.get(session_key=cle).expire_date == expire


def test_the_fragment_of_a_finished_report_stops_polling_and_offers_the_download(world, client_of):
    html = (
        client_of(world.referent)
        .get(reverse("reports:etat", args=[world.rapport_referent.pk]), **HTMX)
        .content.decode()
    )

    assert "hx-trigger" not in html
    assert reverse("reports:telecharger", args=[world.rapport_referent.pk]) in html


def test_a_failed_report_shows_its_french_message_on_the_list(world, client_of, django_capture_on_commit_callbacks):
    get_kind("activite")
    REGISTRY["essai_echec"] = KindQuiEchoue()
    try:
        client = client_of(world.referent)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("reports:demander", args=["essai_echec"]), {})
        html = client.get(reverse("reports:liste")).content.decode()
    finally:
        REGISTRY.pop("essai_echec")

    assert "Échec" in html
    assert "Une erreur inattendue a empêché la production du document." in html


def test_asking_for_a_parcours_sheet_produces_it_and_leads_to_its_page(
    world, client_of, django_capture_on_commit_callbacks
):
    client = client_of(world.referent)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(reverse("reports:demander", args=["parcours"]), {"participant": world.participant.pk})

    rapport = Rapport.objects.filter(demandeur=world.referent).latest("cree_le")
    assert reponse.status_code == 302 and reponse["Location"] == rapport.get_absolute_url()
    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    assert rapport.parametres == {"participant": world.participant.pk}


def test_asking_for_a_sheet_of_a_participant_outside_the_scope_answers_404_and_creates_nothing(world, client_of):
    reponse = client_of(world.referent).post(
        reverse("reports:demander", args=["parcours"]), {"participant": world.participant_autre.pk}
    )

    assert reponse.status_code == 404
    assert not Rapport.objects.filter(type="parcours", parametres__participant=world.participant_autre.pk).exists()


def test_a_kind_the_role_never_asks_for_answers_403(world, client_of):
    reponse = client_of(world.referent).post(
        reverse("reports:demander", args=["activite"]), {"debut": "2026-01-01", "fin": "2026-01-31"}
    )

    assert reponse.status_code == 403


def test_an_invalid_period_is_refused_in_french_and_the_form_keeps_what_was_typed(world, client_of):
    reponse = client_of(world.coordination).post(
        reverse("reports:demander", args=["activite"]), {"debut": "2026-06-30", "fin": "2026-01-01"}
    )

    html = reponse.content.decode()
    assert reponse.status_code == 200
    assert "La fin de la période ne peut pas précéder son début." in html
    assert 'value="2026-06-30"' in html
    assert (
        not Rapport.objects.filter(type="activite", demandeur=world.coordination)
        .exclude(pk=world.rapport_coordination.pk)
        .exists()
    )


def test_downloading_streams_the_file_counts_and_logs_the_access(world, client_of):
    reponse = client_of(world.referent).get(reverse("reports:telecharger", args=[world.rapport_referent.pk]))

    assert reponse.status_code == 200
    assert b"".join(reponse.streaming_content) == b"%PDF-1.7 rapport de test"
    assert reponse["Content-Disposition"].startswith("attachment")
    assert reponse["Content-Type"] == "application/pdf"
    world.rapport_referent.refresh_from_db()
    assert world.rapport_referent.telechargements == 1
    acces = AccesDonnees.objects.get(utilisateur=world.referent, action="telechargement")
    # Recorded against the participant the document is about: it shows in their right of access.
    assert acces.objet_type == "participants.Participant" and acces.objet_id == str(world.participant.pk)
    assert acces.description == world.rapport_referent.libelle
    lignes = donnees_participant(world.participant)["acces"]
    assert any(world.rapport_referent.libelle in map(str, ligne.values()) for ligne in lignes)


def test_downloading_a_report_about_no_participant_is_logged_against_the_report(world, client_of):
    client_of(world.coordination).get(reverse("reports:telecharger", args=[world.rapport_coordination.pk]))
    acces = AccesDonnees.objects.get(utilisateur=world.coordination, action="telechargement")
    assert acces.objet_type == "reports.Rapport" and acces.objet_id == str(world.rapport_coordination.pk)


def test_another_users_report_cannot_be_downloaded(world, client_of):
    for user in (world.referent_collegue, world.coordination, world.admin, world.partenaire):
        reponse = client_of(user).get(reverse("reports:telecharger", args=[world.rapport_referent.pk]))
        assert reponse.status_code == 404, user
    assert not AccesDonnees.objects.filter(action="telechargement").exists()


def test_generated_files_are_not_under_a_public_url(world):
    assert settings.MEDIA_URL is None
    assert world.rapport_referent.fichier.name.startswith("rapports/")
    with pytest.raises(ValueError):
        world.rapport_referent.fichier.url  # noqa: B018


def test_the_dashboard_shows_the_years_figures_against_the_objectives(world, client_of):
    html = client_of(world.coordination).get(reverse("reports:tableau_de_bord")).content.decode()
    html = html.replace("\u202f", " ").replace("\xa0", " ")

    assert "Entrées dans l'année" in html and "2 300 – 2 500" in html
    assert "Taux de sorties positives" in html and "50,0 %" in html
    assert "<svg" in html and 'role="img"' in html
    assert "Aucun rapport mensuel n'a encore été produit." in html


def test_the_dashboard_counts_young_people_mobilised_in_submitted_aap_final_reports(world, client_of):
    from django.utils import timezone

    from aap_invisibles.models import Bilan

    Bilan.objects.create(dossier=world.dossier_autre, jeunes_reperes=80, jeunes_mobilises=57, depose_le=timezone.now())
    Bilan.objects.create(dossier=world.dossier_depose, jeunes_reperes=30, jeunes_mobilises=20)  # not submitted

    html = client_of(world.coordination).get(reverse("reports:tableau_de_bord")).content.decode()

    assert "Jeunes mobilisés par les actions AAP (bilans)" in html
    assert '<td class="text-end">57</td><td>200 – 250</td><td>objectif non atteint</td>' in html


def test_the_participants_export_asked_from_the_list_keeps_its_filters(
    world, client_of, django_capture_on_commit_callbacks
):
    from openpyxl import load_workbook

    from participants.tests.factories import ParticipantFactory

    ParticipantFactory(nom="Zidane", referent=world.referent, commune_id="76451")
    client = client_of(world.referent)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:demander", args=["participants"]), {"commune": "76451", "page": "3"})

    rapport = Rapport.objects.filter(demandeur=world.referent, type="participants").get()
    assert rapport.parametres == {"commune": "76451"}
    with rapport.fichier.open("rb") as fichier:
        lignes = list(load_workbook(fichier, read_only=True)["Participants"].iter_rows(values_only=True))
    assert [ligne[0] for ligne in lignes[1:]] == ["Zidane"]


def test_every_kind_of_document_has_a_case_in_the_permission_matrix():
    from reports.kinds import all_kinds
    from reports.tests.matrix import MATRIX

    types = {case.kwargs(None)["type"] for case in MATRIX["reports:demander"]}
    assert {kind.code for kind in all_kinds()} <= types


def test_the_dashboard_runs_a_fixed_number_of_queries(world, client_of, django_assert_num_queries):
    from parcours.tests.factories import ParcoursFactory
    from participants.tests.factories import ParticipantFactory

    client = client_of(world.coordination)
    client.get(reverse("reports:tableau_de_bord"))
    # session, user, second factor; entries and exits per month (the daily counters); FSE+ indicators (2);
    # objectives, people in parcours, entries of the year, people accompanied in the period and in
    # the year (each: does anyone enter after it? then the count); monthly reports; AAP reports; bell
    with django_assert_num_queries(16):
        client.get(reverse("reports:tableau_de_bord"))
    for _ in range(5):
        ParcoursFactory(participant=ParticipantFactory())
    with django_assert_num_queries(16):
        client.get(reverse("reports:tableau_de_bord"))


def test_a_document_the_object_does_not_allow_yet_is_refused_on_the_page(world, client_of):
    reponse = client_of(world.porteur).post(
        reverse("reports:demander", args=["notification"]), {"dossier": world.dossier_depose.pk}
    )
    assert reponse.status_code == 200
    assert "Aucune décision n&#x27;a encore été prise sur ce dossier." in reponse.content.decode()
    assert not Rapport.objects.filter(type="notification").exists()


def _produit(user, code, django_capture_on_commit_callbacks, **parametres):
    from reports.tests.helpers import produire

    rapport = produire(user, code, django_capture_on_commit_callbacks, **parametres)
    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    return rapport


def test_a_sheet_is_no_longer_downloaded_once_the_participant_is_followed_elsewhere(
    world, client_of, django_capture_on_commit_callbacks
):
    rapport = _produit(world.referent, "parcours", django_capture_on_commit_callbacks, participant=world.participant.pk)
    Participant.objects.filter(pk=world.participant.pk).update(referent=world.referent_autre)

    assert client_of(world.referent).get(reverse("reports:telecharger", args=[rapport.pk])).status_code == 404


def test_a_list_is_no_longer_downloaded_once_one_of_its_people_is_followed_elsewhere(
    world, client_of, django_capture_on_commit_callbacks
):
    rapport = _produit(world.referent, "participants", django_capture_on_commit_callbacks)
    assert set(rapport.personnes) == {world.participant.pk, world.participant_collegue.pk}
    client = client_of(world.referent)
    assert client.get(reverse("reports:telecharger", args=[rapport.pk])).status_code == 200

    Participant.objects.filter(pk=world.participant_collegue.pk).update(referent=world.referent_autre)

    assert client.get(reverse("reports:telecharger", args=[rapport.pk])).status_code == 404


def test_a_document_is_no_longer_downloaded_after_a_change_of_role(
    world, client_of, django_capture_on_commit_callbacks
):
    rapport = _produit(world.referent, "parcours", django_capture_on_commit_callbacks, participant=world.participant.pk)
    type(world.referent).objects.filter(pk=world.referent.pk).update(role="porteur")

    assert client_of(world.referent).get(reverse("reports:telecharger", args=[rapport.pk])).status_code == 404
