"""Letters written by coordination: sandboxed templates, preview, history, used by PDFs and e-mails."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from pypdf import PdfReader

from aap_invisibles import courriers
from aap_invisibles.models import Message, ModeleCourrier
from reports.models import Rapport


def enregistrer(client, nature, texte, **autres):
    return client.post(reverse("aap_invisibles:courrier_modifier", args=[nature]), {"texte": texte, **autres})


@pytest.mark.parametrize(
    "texte",
    [
        "{{ settings.SECRET_KEY }}",
        "{{ dossier.porteur.__class__ }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ dossier.delete() }}",
        "{% for d in dossiers %}{{ d }}{% endfor %}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ champ_inconnu }}",
        "{{ 'a' * 1000000000 }}",
        "{{ 1 / 0 }}",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "{{ lipsum(10000000) }}",
        "{{ 'x'|center(1000000000) }}",
        "{{ '{:>999999999}'.format(1) }}",
        "{% include 'base.html' %}",
        "x" * 10_001,
    ],
)
def test_a_template_reaches_nothing_outside_its_documented_fields(texte):
    with pytest.raises(ValidationError):
        courriers.valider(texte)


def test_a_template_renders_only_strings_even_on_a_real_dossier(world):
    # The context holds text only: no model, no queryset, no method of the code.
    valeurs = courriers.contexte(world.dossier_autre)
    feuilles = [v for bloc in valeurs.values() for v in (bloc.values() if isinstance(bloc, dict) else [bloc])]
    assert all(isinstance(v, str) for v in feuilles)


def test_an_unknown_field_is_refused_on_save_with_the_reason_and_the_text_kept(world, client_of):
    reponse = enregistrer(client_of(world.coordination), "notification_retenu", "Bonjour {{ dossier.iban }}")
    assert reponse.status_code == 400
    page = reponse.content.decode()
    assert "Ce modèle ne peut pas être utilisé" in page and "Bonjour {{ dossier.iban }}" in page
    assert not ModeleCourrier.objects.exists()


def test_the_preview_renders_the_draft_on_a_real_dossier_without_saving_it(world, client_of):
    reponse = enregistrer(
        client_of(world.coordination),
        "convocation",
        "Audition de {{ dossier.porteur }}.",
        dossier=world.dossier_autre.pk,
        apercu="1",
    )
    assert f"Audition de {world.dossier_autre.porteur.nom}." in reponse.content.decode()
    assert not ModeleCourrier.objects.exists()


def test_coordination_edits_the_notification_and_the_next_pdf_uses_it(world, client_of):
    client = client_of(world.coordination)
    enregistrer(client, "notification_retenu", "Bravo {{ dossier.porteur }} : {{ montant_accorde }} accordés.")
    dossier = world.dossier_retenu
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("reports:demander", args=["notification"]), {"dossier": dossier.pk})
    rapport = Rapport.objects.filter(demandeur=world.coordination).latest("id")
    contenu = b"".join(client.get(reverse("reports:telecharger", args=[rapport.pk])).streaming_content)
    texte = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages).split())
    assert f"Bravo {dossier.porteur.nom} : 15 000,00 € accordés." in texte.replace("\u202f", " ").replace("\xa0", " ")


def test_the_convocation_message_uses_the_edited_letter(world, client_of):
    import datetime

    enregistrer(
        client_of(world.coordination), "convocation", "Rendez-vous le {{ audition.date }} à {{ audition.heure }}."
    )
    world.dossier_autre.fixer_audition(world.instructeur, datetime.date(2026, 12, 15), datetime.time(9, 30), "Salle 3")
    message = Message.objects.filter(dossier=world.dossier_autre, objet="Convocation à l'audition").latest("id")
    assert message.texte == "Rendez-vous le 15 décembre 2026 à 09:30."


def test_every_saved_version_is_kept_and_can_be_taken_up_again(world, client_of):
    client = client_of(world.coordination)
    enregistrer(client, "accuse", "Première version.")
    enregistrer(client, "accuse", "Seconde version.")
    modele = ModeleCourrier.objects.get(nature="accuse")
    assert [v.texte for v in modele.history.all()] == ["Seconde version.", "Première version."]
    ancienne = modele.history.last()
    page = client.get(reverse("aap_invisibles:courrier_modifier", args=["accuse"]), {"version": ancienne.history_id})
    assert "Première version." in page.content.decode()


def test_every_default_letter_is_valid():
    for nature in courriers.NATURES.values():
        courriers.valider(str(nature.texte_par_defaut))


def test_the_convention_pdf_of_a_large_grant_uses_the_edited_text(world, client_of):
    from decimal import Decimal

    from aap_invisibles.models import StatutDossier
    from aap_invisibles.tests.factories import dossier_depose
    from partners.tests.factories import StructureFactory

    dossier = dossier_depose(
        world.appel, StructureFactory(partenaire_plie=False), Decimal("30000"), StatutDossier.EN_INSTRUCTION
    )
    dossier.retenir(world.coordination, Decimal("30000"))
    client = client_of(world.coordination)
    enregistrer(client, "convention", "Article unique : {{ montant_accorde }} pour {{ dossier.porteur }}.")
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("reports:demander", args=["convention"]), {"dossier": dossier.pk})
    rapport = Rapport.objects.filter(demandeur=world.coordination, type="convention").latest("id")
    contenu = b"".join(client.get(reverse("reports:telecharger", args=[rapport.pk])).streaming_content)
    texte = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages).split())
    assert f"Article unique : 30 000,00 € pour {dossier.porteur.nom}." in texte.replace("\u202f", " ").replace(
        "\xa0", " "
    )


def test_a_saved_letter_that_fails_on_a_dossier_falls_back_to_the_portal_text(world):
    ModeleCourrier.objects.create(
        nature="accuse", texte="{{ dossier.projet | default('') }}{{ dossier.projet.missing }}"
    )
    assert "Nous accusons réception" in courriers.rendre("accuse", world.dossier_autre)


def test_conditions_and_text_filters_are_allowed():
    courriers.valider("{% if montant_accorde %}Accordé : {{ montant_accorde|upper }}{% endif %}")
