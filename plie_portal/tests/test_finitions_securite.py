"""Low findings of the red team (issue 14), each with its reproduction."""

import pytest
from django.urls import reverse

from participants.models import Participant
from participants.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db

INVERSION = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


def test_a_name_with_a_right_to_left_override_is_refused_and_the_form_comes_back(world, client_of):
    donnees = {
        "sexe": "F",
        "nom": f"MAR{INVERSION}NITRAM",
        "prenom": "Zoé",
        "date_naissance": "1992-03-04",
        "commune": "76540",
    }
    reponse = client_of(world.referent).post(reverse("participants:creer"), donnees)
    assert reponse.status_code == 200
    assert "caractère invisible" in reponse.content.decode()
    assert not Participant.objects.filter(prenom="Zoé", date_naissance="1992-03-04").exists()


def test_an_import_line_with_a_right_to_left_override_is_an_error_of_its_column():
    from parcours.importation import importer

    contenu = f"nom;prenom;date_naissance;commune_insee;date_entree\nA{INVERSION}B;Jean;1980-01-02;76540;2026-02-01\n"
    rapport = importer(contenu.encode(), ecrire=False)
    assert [(e.ligne, e.colonne) for e in rapport.erreurs] == [(2, "nom")]


def test_an_invalid_filter_value_gives_no_row_and_says_so(world, client_of):
    ParticipantFactory(referent=world.referent)
    reponse = client_of(world.coordination).get(reverse("participants:liste"), {"referent": "999999"})
    assert reponse.context["paginator"].count == 0
    assert "Un filtre n'est pas valide" in reponse.content.decode()


def test_an_export_asked_with_an_invalid_filter_holds_no_row(world):
    from participants.filters import participants_filtres

    queryset, filtre, _tri = participants_filtres(world.coordination, {"referent": "999999"})
    assert filtre.errors and not queryset.exists()


def test_a_password_only_coordinator_cannot_download_a_draft_calls_document(world, client_password_only):
    from aap_invisibles.models import StatutAppel

    appel, document = world.appel, world.document_appel
    appel.statut = StatutAppel.BROUILLON
    appel.save(update_fields=["statut"])
    url = reverse("aap_invisibles:appel_document", kwargs={"slug": appel.slug, "pk": document.pk})
    assert client_password_only(world.coordination).get(url).status_code == 404


def test_a_step_closed_at_the_exit_tells_the_partner_only_that_it_is_closed(world):
    import datetime

    from parcours.choices import MotifSortie

    world.parcours.sortir(world.coordination, datetime.date(2026, 6, 30), MotifSortie.ABANDON, clore_etapes=True)
    world.etape.refresh_from_db()
    assert world.etape.motif_detail == "Étape close"
    assert not world.etape.transitions.filter(motif__icontains="sortie").exists()
