"""The dossier pages: scoping, uploads, private annotations, blind scoring, messages."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aap_invisibles.models import Annotation, Evaluation, NoteCritere, StatutDossier

from .factories import PNG_1PX


def url(name, **kwargs):
    return reverse(f"aap_invisibles:{name}", kwargs=kwargs)


def test_an_applicant_sees_only_its_organisations_dossiers(world, client_of):
    client = client_of(world.porteur)
    page = client.get(url("mes_dossiers")).content.decode()
    assert world.appel.titre in page and world.appel_bis.titre in page
    assert client.get(url("dossier", pk=world.dossier_autre.pk)).status_code == 404
    assert client.get(url("dossier", pk=world.dossier_brouillon.pk)).status_code == 200


def test_instructors_never_see_drafts_and_only_their_calls(world, client_of):
    client = client_of(world.instructeur)
    page = client.get(url("instruction")).content.decode()
    assert world.asso_autre.nom in page
    assert client.get(url("dossier", pk=world.dossier_brouillon.pk)).status_code == 404
    assert client.get(url("dossier", pk=world.dossier_non_assigne.pk)).status_code == 404
    ids = {d.pk for d in client.get(url("instruction")).context["page"].object_list}
    assert world.dossier_brouillon.pk not in ids and world.dossier_non_assigne.pk not in ids


def piece(nom, contenu):
    return {"type_piece": "statuts", "fichier": SimpleUploadedFile(nom, contenu)}


def test_uploads_of_the_wrong_type_or_a_fake_pdf_are_refused_with_a_french_reason(world, client_of):
    client = client_of(world.porteur)
    adresse = url("dossier_section", pk=world.dossier_brouillon.pk, code="pieces")
    reponse = client.post(adresse, piece("virus.pdf", b"MZ\x90\x00"))
    assert "ni un PDF" in reponse.content.decode()
    reponse = client.post(adresse, piece("faux.pdf", b"%PDF-1.4 n'importe quoi"))
    assert "illisible" in reponse.content.decode()
    assert not world.dossier_brouillon.pieces.exists()
    assert client.post(adresse, piece("photo.png", PNG_1PX)).status_code == 302
    assert world.dossier_brouillon.pieces.get().type_mime == "image/png"


def test_an_upload_over_the_limit_is_refused(world, client_of, settings):
    settings.MAX_UPLOAD_SIZE = 100
    reponse = client_of(world.porteur).post(
        url("dossier_section", pk=world.dossier_brouillon.pk, code="pieces"), piece("gros.png", PNG_1PX + b"0" * 200)
    )
    assert "taille maximale" in reponse.content.decode()


def test_private_annotations_are_never_shown_to_the_applicant(world, client_of):
    dossier = world.dossier_depose
    client_of(world.instructeur).post(url("dossier_annotation", pk=dossier.pk), {"texte": "Trésorerie fragile"})
    assert Annotation.objects.filter(dossier=dossier).exists()
    assert "Trésorerie fragile" in client_of(world.coordination).get(url("dossier", pk=dossier.pk)).content.decode()
    page = client_of(world.porteur).get(url("dossier", pk=dossier.pk)).content.decode()
    assert "Trésorerie fragile" not in page and "Annotations privées" not in page
    assert client_of(world.porteur).post(url("dossier_annotation", pk=dossier.pk), {"texte": "x"}).status_code == 403


def test_an_instructor_does_not_see_others_scores_until_theirs_is_submitted(world, client_of):
    dossier = world.dossier_autre
    autre = Evaluation.objects.create(dossier=dossier, instructeur=world.coordination, commentaire="Très bon")
    for critere in dossier.appel.criteres.all():
        NoteCritere.objects.create(evaluation=autre, critere=critere, note=5)
    autre.soumettre()
    client = client_of(world.instructeur)
    page = client.get(url("dossier", pk=dossier.pk)).content.decode()
    assert "Très bon" not in page and "100,00 / 100" not in page
    notes = {f"critere_{c.pk}": 2 for c in dossier.appel.criteres.all()}
    client.post(url("dossier_evaluation", pk=dossier.pk), {**notes, "soumettre": "on"})
    page = client.get(url("dossier", pk=dossier.pk)).content.decode()
    assert "Très bon" in page
    assert dossier.notes_pour(world.instructeur) == (True, Decimal("70"))


def test_an_instructor_with_a_conflict_of_interest_cannot_score(world, client_of):
    dossier = world.dossier_autre
    client = client_of(world.instructeur)
    client.post(url("dossier_conflit", pk=dossier.pk), {"motif": "Membre du bureau"})
    notes = {f"critere_{c.pk}": 2 for c in dossier.appel.criteres.all()}
    reponse = client.post(url("dossier_evaluation", pk=dossier.pk), notes)
    assert "conflit" in reponse.content.decode()
    assert not Evaluation.objects.filter(dossier=dossier).exists()


def test_messages_go_both_ways_with_attachments_and_the_applicant_is_emailed(
    world, client_of, mailoutbox, django_capture_on_commit_callbacks
):
    dossier = world.dossier_depose
    with django_capture_on_commit_callbacks(execute=True):
        client_of(world.instructeur).post(
            url("dossier_message", pk=dossier.pk),
            {
                "objet": "Question",
                "texte": "Pouvez-vous préciser ?",
                "piece_jointe": SimpleUploadedFile("a.png", PNG_1PX),
            },
        )
    assert world.porteur.email in mailoutbox[-1].to
    message = dossier.messages.get(objet="Question")
    client = client_of(world.porteur)
    fichier = client.get(url("dossier_fichier", pk=dossier.pk, nature="message", objet=message.pk))
    assert fichier.content == PNG_1PX
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("dossier_message", pk=dossier.pk), {"objet": "Réponse", "texte": "Voici."})
    assert world.instructeur.email in mailoutbox[-1].to


def test_bad_input_on_an_action_shows_the_page_again_with_the_message(world, client_of):
    reponse = client_of(world.instructeur).post(
        url("dossier_recevabilite", pk=world.dossier_depose.pk), {"decision": "irrecevable"}
    )
    assert reponse.status_code == 200
    assert "irrecevabilité est obligatoire" in reponse.content.decode()
    world.dossier_depose.refresh_from_db()
    assert world.dossier_depose.statut == StatutDossier.DEPOSE


def test_the_applicant_withdraws_after_confirmation(world, client_of):
    client_of(world.porteur).post(url("dossier_sans_suite", pk=world.dossier_depose.pk), {"motif": ""})
    world.dossier_depose.refresh_from_db()
    assert world.dossier_depose.statut == StatutDossier.SANS_SUITE


def test_submission_after_the_deadline_is_refused_on_the_page(world, client_of):
    import datetime

    from django.utils import timezone

    from .factories import remplir

    dossier = remplir(world.dossier_brouillon)
    dossier.appel.date_cloture = timezone.now() - datetime.timedelta(minutes=1)
    dossier.appel.save()
    reponse = client_of(world.porteur).post(url("dossier_deposer", pk=dossier.pk))
    assert reponse.status_code == 200
    assert "date limite est passée" in reponse.content.decode()
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.BROUILLON


def donnees_section_1(client, dossier):
    form = client.get(url("dossier_section", pk=dossier.pk, code="1")).context["form"]
    return {name: form[name].value() or "" for name in form.fields}


def test_a_draft_is_saved_automatically_while_the_applicant_types(world, client_of):
    client = client_of(world.porteur)
    dossier = world.dossier_brouillon
    data = {**donnees_section_1(client, dossier), "representant_nom": "Camille Lévêque"}

    reponse = client.post(url("dossier_section", pk=dossier.pk, code="1"), data, headers={"X-Requested-With": "fetch"})

    assert reponse.status_code == 200 and reponse.json()["version"] == 1
    dossier.refresh_from_db()
    assert dossier.representant_nom == "Camille Lévêque"


def test_an_invalid_autosave_answers_400_and_saves_nothing(world, client_of):
    client = client_of(world.porteur)
    dossier = world.dossier_brouillon
    data = {**donnees_section_1(client, dossier), "representant_nom": "Autre nom", "email": "pas-un-email"}

    reponse = client.post(url("dossier_section", pk=dossier.pk, code="1"), data, headers={"X-Requested-With": "fetch"})

    assert reponse.status_code == 400
    assert "email" in reponse.json()["erreurs"]
    dossier.refresh_from_db()
    assert dossier.representant_nom != "Autre nom"


def test_the_section_form_carries_the_autosave_address(world, client_of):
    page = client_of(world.porteur).get(url("dossier_section", pk=world.dossier_brouillon.pk, code="1"))

    assert (
        f'data-autosave-url="{url("dossier_section", pk=world.dossier_brouillon.pk, code="1")}"'
        in page.content.decode()
    )


def test_the_copy_frozen_at_submission_reads_as_the_form_with_labels_budget_and_eps(world, client_of):
    dossier = world.dossier_depose
    page = client_of(world.instructeur).get(url("dossier", pk=dossier.pk)).content.decode()
    assert "Copie figée au dépôt" in page
    assert "1. Identification de l&#x27;association" in page
    assert '<dt class="col-sm-4">Intitulé du projet</dt>' in page
    assert '<dd class="col-sm-8 text-break">Aller vers les jeunes invisibles</dd>' in page
    assert "01/09/2020" in page  # dates as the French read them, not ISO
    assert "projet_intitule" not in page  # no raw field names
    assert 'Métropole Rouen Normandie</td><td class="text-end">20\xa0000,00 €' in page
    assert page.index("6 bis. Budget du projet") < page.index("7. Attestations")
    assert '<dt class="col-sm-4">SIRET</dt>' in page
    assert "15/05/2020" in page  # the EPS consultation


def test_an_action_refused_while_its_form_is_not_on_the_page_still_says_why(world, client_of):
    reponse = client_of(world.porteur).post(
        url("dossier_message", pk=world.dossier_brouillon.pk), {"objet": "Question", "texte": "Bonjour"}
    )
    assert reponse.status_code == 200
    assert "La messagerie avec les instructeurs s&#x27;ouvre au dépôt du dossier." in reponse.content.decode()


def test_the_dossier_page_shows_dates_and_amounts_as_the_french_read_them(world, client_of):
    page = client_of(world.porteur).get(url("dossier", pk=world.dossier_depose.pk)).content.decode()
    assert "2020-09-01" not in page and "120000.00" not in page
    assert "01/09/2020" in page and "120\xa0000,00" in page


def deposer_entre_temps(dossier):
    """A colleague deposits the dossier between the applicant's page load and their autosave."""
    from aap_invisibles.models import Dossier
    from aap_invisibles.tests.factories import remplir

    remplir(dossier)
    Dossier.objects.filter(pk=dossier.pk).update(
        statut=StatutDossier.DEPOSE, numero_accuse="AAP001-00042", copie_deposee={"projet_intitule": "figé"}
    )


def test_an_autosave_after_the_deposit_is_refused_and_the_dossier_stays_deposited(world, client_of):
    client = client_of(world.porteur)
    dossier = world.dossier_brouillon
    data = {**donnees_section_1(client, dossier), "representant_nom": "Trop tard"}
    deposer_entre_temps(dossier)

    reponse = client.post(url("dossier_section", pk=dossier.pk, code="1"), data, headers={"X-Requested-With": "fetch"})

    assert reponse.status_code == 409
    assert reponse.json()["erreur"] == "Cette section ne peut plus être modifiée."
    dossier.refresh_from_db()
    assert (dossier.statut, dossier.numero_accuse, dossier.representant_nom) == (
        StatutDossier.DEPOSE,
        "AAP001-00042",
        dossier.representant_nom,
    )
    assert dossier.representant_nom != "Trop tard"


def test_a_section_save_writes_only_its_own_fields_even_from_a_stale_dossier(world):
    from aap_invisibles.forms import formulaire_section
    from aap_invisibles.models import SECTIONS_PAR_CODE, Dossier
    from aap_invisibles.views.porteur import _enregistrer_champs

    perime = Dossier.objects.get(pk=world.dossier_brouillon.pk)  # read while still a draft
    deposer_entre_temps(world.dossier_brouillon)
    form = formulaire_section("1")(
        {**{nom: getattr(perime, nom) or "" for nom in SECTIONS_PAR_CODE["1"].champs}, "representant_nom": "Ok"},
        instance=perime,
    )
    assert form.is_valid(), form.errors

    _enregistrer_champs(form, SECTIONS_PAR_CODE["1"])

    frais = Dossier.objects.get(pk=perime.pk)
    assert (frais.statut, frais.numero_accuse, frais.copie_deposee) == (
        StatutDossier.DEPOSE,
        "AAP001-00042",
        {"projet_intitule": "figé"},
    )


def test_a_budget_line_autosaved_then_saved_with_its_id_is_updated_not_created_again(world, client_of):
    from aap_invisibles.models import LigneBudget

    client = client_of(world.porteur)
    dossier = world.dossier_brouillon
    adresse = url("dossier_section", pk=dossier.pk, code="6bis")
    page = client.get(adresse).context
    formset = page["formset"]
    donnees = {
        "montant_demande": "4000",
        "lignes-TOTAL_FORMS": str(formset.total_form_count()),
        "lignes-INITIAL_FORMS": str(formset.initial_form_count()),
        "lignes-MIN_NUM_FORMS": "0",
        "lignes-MAX_NUM_FORMS": "1000",
    }
    for form in formset.forms:
        for nom in ("id", "compte", "libelle", "montant"):
            valeur = form[nom].value()
            donnees[f"{form.prefix}-{nom}"] = "" if valeur is None else valeur
    nouvelle = formset.extra_forms[0].prefix
    donnees.update({f"{nouvelle}-compte": "64", f"{nouvelle}-libelle": "Équipe mobile", f"{nouvelle}-montant": "38000"})

    auto = client.post(adresse, donnees, headers={"X-Requested-With": "fetch"}).json()
    donnees.update(auto["champs"])  # what static/js/autosave.js fills in
    assert client.post(adresse, {**donnees, f"{nouvelle}-montant": "38500"}).status_code == 302

    lignes = LigneBudget.objects.filter(dossier=dossier, libelle="Équipe mobile")
    assert [str(ligne.montant) for ligne in lignes] == ["38500.00"]


def test_an_empty_budget_is_not_called_balanced(world, client_of):
    dossier = world.dossier_brouillon
    dossier.lignes_budget.all().delete()

    page = client_of(world.porteur).get(url("dossier_section", pk=dossier.pk, code="6bis")).content.decode()

    assert "budget vide" in page and ">équilibré<" not in page
