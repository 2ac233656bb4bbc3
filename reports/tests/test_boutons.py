from decimal import Decimal

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse


def rendre(gabarit, user, **contexte):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(gabarit, contexte, request=request)


def test_a_referent_gets_the_parcours_sheet_and_the_notice_buttons_on_a_participant(world):
    html = rendre("reports/includes/boutons_participant.html", world.referent, participant=world.participant)

    assert f'action="{reverse("reports:demander", args=["parcours"])}"' in html
    assert f'action="{reverse("reports:demander", args=["notice"])}"' in html
    assert f'name="participant" value="{world.participant.pk}"' in html
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html


def test_a_partner_gets_only_the_parcours_sheet_button(world):
    html = rendre("reports/includes/boutons_participant.html", world.partenaire, participant=world.participant)

    assert reverse("reports:demander", args=["parcours"]) in html
    assert reverse("reports:demander", args=["notice"]) not in html


def test_a_draft_offers_the_cerfa_but_neither_acknowledgement_nor_decision_letter(world):
    html = rendre("reports/includes/boutons_dossier.html", world.porteur, dossier=world.dossier_brouillon)

    assert reverse("reports:demander", args=["cerfa"]) in html
    assert reverse("reports:demander", args=["accuse"]) not in html
    assert reverse("reports:demander", args=["notification"]) not in html


def test_a_decided_dossier_offers_the_decision_letter_to_its_applicant(world):
    world.dossier_autre.retenir(world.coordination, Decimal("1000"))

    html = rendre("reports/includes/boutons_dossier.html", world.porteur_autre, dossier=world.dossier_autre)

    assert reverse("reports:demander", args=["accuse"]) in html
    assert reverse("reports:demander", args=["notification"]) in html


def test_the_call_buttons_are_for_instruction_only(world):
    html = rendre("reports/includes/boutons_appel.html", world.instructeur, appel=world.appel)

    assert reverse("reports:demander", args=["comite"]) in html
    assert reverse("reports:demander", args=["dossiers"]) in html
    assert rendre("reports/includes/boutons_appel.html", world.porteur, appel=world.appel).strip() == ""


def test_the_request_page_of_a_participant_document_names_the_participant(world, client_of):
    url = reverse("reports:demander", args=["parcours"])

    page = client_of(world.referent).get(url, {"participant": world.participant.pk})
    hors_perimetre = client_of(world.referent).get(url, {"participant": world.participant_autre.pk})

    assert page.status_code == 200 and str(world.participant) in page.content.decode()
    assert hors_perimetre.status_code == 404


def test_the_export_button_carries_the_list_filters_to_the_pipeline(world, client_of):
    request = RequestFactory().get("/participants/", {"q": "helene", "commune": "76540", "page": "2"})
    request.user = world.referent

    html = render_to_string("reports/includes/bouton_export_participants.html", {}, request=request)

    assert 'name="q" value="helene"' in html and 'name="commune" value="76540"' in html
    assert 'name="page"' not in html


def test_the_pages_of_the_other_apps_carry_the_document_buttons(world, client_of):
    participant = client_of(world.referent).get(reverse("participants:detail", args=[world.participant.pk]))
    liste = client_of(world.referent).get(reverse("participants:liste"), {"q": "helene"})
    dossier = client_of(world.porteur).get(reverse("aap_invisibles:dossier", args=[world.dossier_depose.pk]))
    comite = client_of(world.instructeur).get(reverse("aap_invisibles:comite", args=[world.appel.pk]))

    assert reverse("reports:demander", args=["parcours"]) in participant.content.decode()
    html_liste = liste.content.decode()
    assert f'action="{reverse("reports:demander", args=["participants"])}"' in html_liste
    assert 'name="q" value="helene"' in html_liste
    assert reverse("reports:demander", args=["cerfa"]) in dossier.content.decode()
    assert reverse("reports:demander", args=["accuse"]) in dossier.content.decode()
    assert reverse("reports:demander", args=["comite"]) in comite.content.decode()
