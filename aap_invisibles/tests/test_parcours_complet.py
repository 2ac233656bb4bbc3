"""The whole journey with the test client: sign-up, dossier, submission, instruction, decision, report."""

import datetime
import re
from decimal import Decimal

from django.core import mail
from django.urls import reverse

from aap_invisibles.models import Bilan, Dossier, StatutDossier
from accounts.models import User

from .factories import pdf_upload

MOT_DE_PASSE = "Un-mot-de-passe-solide-2020"


def url(name, **kwargs):
    return reverse(f"aap_invisibles:{name}", kwargs=kwargs)


def test_an_applicant_signs_up_submits_is_instructed_funded_and_reports(
    world, client_of, django_capture_on_commit_callbacks
):
    appel = world.appel
    # 1. Sign-up of a new association, email verification.
    client = client_of(None)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            url("inscription"),
            {
                "prenom": "Inès",
                "nom": "Morel",
                "email": "ines@jeunes-seine.fr",
                "password1": MOT_DE_PASSE,
                "password2": MOT_DE_PASSE,
                "structure_nom": "Jeunes en Seine",
                "rna": "W763001234",
                "commune": "76540",
            },
        )
    assert reponse.status_code == 200, reponse.content
    porteur = User.objects.get(email="ines@jeunes-seine.fr")
    assert not porteur.is_active and porteur.structure is None  # the organisation waits for the address
    lien = re.search(r"https?://[^\s]+", mail.outbox[-1].body).group(0)
    chemin = lien.split("testserver", 1)[1]
    assert client.get(chemin).status_code == 200
    client.post(chemin)
    porteur.refresh_from_db()
    assert porteur.structure.type == "association" and not porteur.structure.partenaire_plie
    assert porteur.is_active

    # 2. The dossier, section by section.
    client = client_of(porteur)
    assert client.post(url("dossier_creer", slug=appel.slug)).status_code == 302
    dossier = Dossier.objects.get(appel=appel, porteur=porteur.structure)
    sections = {
        "1": {
            "nom": "Jeunes en Seine",
            "adresse_siege": "2 quai de Paris, Rouen",
            "telephone": "0235000001",
            "email": "contact@jeunes-seine.fr",
            "representant_nom": "Paul Martin",
            "representant_qualite": "Président",
            "responsable_nom": "Inès Morel",
            "responsable_email": "ines@jeunes-seine.fr",
        },
        "2": {"aides_publiques": "Aucune"},
        "3": {"reseaux": "Aucun"},
        "4": {
            "nb_adherents": 30,
            "nb_benevoles": 12,
            "nb_volontaires": 2,
            "nb_salaries": 4,
            "etp_salaries": "3.5",
            "nb_emplois_aides": 0,
        },
        "5": {"budget_annee": 2020, "budget_total_charges": "150000", "budget_total_produits": "150000"},
        "6": {
            "projet_intitule": "Maraudes numériques",
            "projet_objectifs": "Repérer les invisibles",
            "projet_description": "Aller vers les jeunes",
            "projet_public": "NEET 16-29 ans",
            "nb_jeunes_a_reperer": 80,
            "nb_jeunes_a_mobiliser": 50,
            "communes": ["76540", "76231"],
            "date_debut": "2020-09-01",
            "date_fin": "2021-06-30",
            "moyens_humains": "Deux animateurs",
            "indicateurs_evaluation": "Jeunes repérés",
        },
        "7": {
            "signataire_nom": "Paul Martin",
            "signataire_qualite": "Président",
            "atteste_contrat_engagement": "on",
            "atteste_exactitude": "on",
            "titulaire_compte": "Jeunes en Seine",
            "iban": "FR7630006000011234567890189",
            "bic": "AGRIFRPP",
        },
    }
    for code, data in sections.items():
        reponse = client.post(url("dossier_section", pk=dossier.pk, code=code), data)
        assert reponse.status_code == 302, (code, reponse.context["form"].errors if reponse.context else "")
        dossier.refresh_from_db()
        assert not dossier.manquants_section(code), code
    budget = {
        "montant_demande": "40000",
        "lignes-TOTAL_FORMS": "3",
        "lignes-INITIAL_FORMS": "0",
        "lignes-MIN_NUM_FORMS": "0",
        "lignes-MAX_NUM_FORMS": "1000",
        "lignes-0-compte": "64",
        "lignes-0-libelle": "Salaires",
        "lignes-0-montant": "45000",
        "lignes-1-compte": "86",
        "lignes-1-libelle": "Bénévolat",
        "lignes-1-montant": "5000",
        "lignes-2-compte": "87",
        "lignes-2-libelle": "Bénévolat",
        "lignes-2-montant": "10000",
    }
    assert client.post(url("dossier_section", pk=dossier.pk, code="6bis"), budget).status_code == 302
    assert dossier.manquants_section("6bis") == []
    dossier.refresh_from_db()
    assert dossier.montant_demande == Decimal("40000")
    eps = {"communes": ["76540"], "date_consultation": "2020-05-20", "justificatif": pdf_upload("eps.pdf")}
    assert client.post(url("dossier_section", pk=dossier.pk, code="eps"), eps).status_code == 302
    piece = {"type_piece": "rib", "fichier": pdf_upload("rib.pdf")}
    assert client.post(url("dossier_section", pk=dossier.pk, code="pieces"), piece).status_code == 302

    # 3. Submission: dated acknowledgement and frozen copy.
    assert client.get(url("dossier_deposer", pk=dossier.pk)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("dossier_deposer", pk=dossier.pk)).status_code == 302
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.DEPOSE and dossier.numero_accuse and dossier.copie_deposee
    assert client.post(url("dossier_section", pk=dossier.pk, code="1"), sections["1"]).status_code == 403

    # 4. Instruction: admissibility, correction, score, hearing, proposal.
    client = client_of(world.instructeur)
    reponse = client.post(
        url("dossier_recevabilite", pk=dossier.pk),
        {"eps_consultees": "on", "pieces_presentes": "on", "public_conforme": "on", "decision": "recevable"},
    )
    assert reponse.status_code == 302
    client.post(url("dossier_correction", pk=dossier.pk), {"sections": ["6"], "message": "Précisez les moyens."})
    assert dossier.correction_en_attente()
    client = client_of(porteur)
    corrige = {**sections["6"], "moyens_humains": "Deux animateurs et une psychologue"}
    assert client.post(url("dossier_section", pk=dossier.pk, code="6"), corrige).status_code == 302
    assert client.post(url("dossier_section", pk=dossier.pk, code="1"), sections["1"]).status_code == 403
    client.post(url("dossier_correction_repondre", pk=dossier.pk), {"reponse": "Moyens précisés."})
    assert dossier.correction_en_attente() is None
    client = client_of(world.instructeur)
    notes = {f"critere_{c.pk}": 4 for c in appel.criteres.all()}
    client.post(url("dossier_evaluation", pk=dossier.pk), {**notes, "soumettre": "on"})
    assert dossier.notes_pour(world.instructeur) == (True, Decimal("80"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("dossier_audition", pk=dossier.pk), {"date": "2020-07-15", "heure": "10:30", "lieu": "Métropole"}
        )
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.AUDITION
    convocation = mail.outbox[-1]
    assert (
        convocation.attachments[0][0] == "audition.ics" and "DTSTART:20200715T083000Z" in convocation.attachments[0][1]
    )
    client.post(url("dossier_proposition", pk=dossier.pk), {"avis": "favorable", "montant": "35000", "motif": "Solide"})

    # 5. Coordination records the decision within the envelope (25,000 € already granted on another call: not counted).
    client = client_of(world.coordination)
    reponse = client.post(url("dossier_decision", pk=dossier.pk), {"decision": "retenu", "montant_accorde": "45000"})
    assert reponse.status_code == 200 and "dépasser" in reponse.content.decode()
    client.post(url("dossier_decision", pk=dossier.pk), {"decision": "retenu", "montant_accorde": "35000"})
    dossier.refresh_from_db()
    assert dossier.statut == StatutDossier.RETENU and dossier.montant_accorde == Decimal("35000")
    assert appel.reste_a_allouer() == Decimal("119000")
    reponse = client.post(
        url("dossier_versement", pk=dossier.pk), {"nature": "avance", "montant": "10000", "date": "2020-09-01"}
    )
    assert "convention" in reponse.content.decode()
    client.post(
        url("dossier_convention", pk=dossier.pk), {"date_signature": "2020-08-20", "fichier": pdf_upload("c.pdf")}
    )
    client.post(url("dossier_versement", pk=dossier.pk), {"nature": "avance", "montant": "10000", "date": "2020-09-01"})
    assert dossier.versements.count() == 1
    reponse = client.post(url("dossier_reouvrir", pk=dossier.pk), {"motif": "Erreur"})
    assert "versement" in reponse.content.decode()

    # 6. The funded organisation reports.
    client = client_of(porteur)
    realise = {f"ligne_{ligne.pk}": str(ligne.montant) for ligne in dossier.lignes_budget.all()}
    salaires = dossier.lignes_budget.get(compte="64")
    realise[f"ligne_{salaires.pk}"] = "40500"
    reponse = client.post(
        url("bilan", pk=dossier.pk), {"jeunes_reperes": 85, "jeunes_mobilises": 44, "deposer": "1", **realise}
    )
    assert reponse.status_code == 302
    bilan = Bilan.objects.get(dossier=dossier)
    assert bilan.depose_le is not None
    ligne = next(item for item in bilan.lignes_financieres() if item["ligne"] == salaires)
    assert (ligne["ecart"], ligne["ecart_pct"]) == (Decimal("-4500"), Decimal("-10.0"))
    page = client.get(url("bilan", pk=dossier.pk)).content.decode()
    assert "-10,0 %" in page
    assert datetime.date(2021, 12, 30) == dossier.echeance_bilan()
