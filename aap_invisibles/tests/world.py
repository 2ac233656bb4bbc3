"""Objects of the calls app in the shared test world (tests/world.py)."""

import datetime
from decimal import Decimal

from aap_invisibles.models import DemandeAvis, DocumentAppel, Etiquette, StatutDossier

from .factories import AppelFactory, DossierFactory, dossier_depose, pdf_upload


def build(world):
    w = world
    # An open call, with the world's instructor assigned: a draft of the applicant (asso) and an
    # application of another organisation (asso_autre) under instruction.
    w.appel = AppelFactory(titre="Repérer et mobiliser les publics invisibles", slug="invisibles")
    w.appel.instructeurs.add(w.instructeur)
    w.dossier_brouillon = DossierFactory(appel=w.appel, porteur=w.asso)
    w.dossier_autre = dossier_depose(w.appel, w.asso_autre, Decimal("25000"), StatutDossier.EN_INSTRUCTION)
    # A second call, also assigned, where the applicant's dossier is submitted.
    w.appel_bis = AppelFactory(titre="Deuxième appel", slug="deuxieme-appel")
    w.appel_bis.instructeurs.add(w.instructeur)
    w.dossier_depose = dossier_depose(w.appel_bis, w.asso, Decimal("20000"))
    # A call the instructor is not assigned to.
    w.appel_non_assigne = AppelFactory(titre="Appel non assigné", slug="non-assigne")
    w.dossier_non_assigne = dossier_depose(w.appel_non_assigne, w.asso_autre, Decimal("10000"))
    # The expert was asked for an opinion on the other organisation's dossier, and on nothing else.
    w.demande_avis = DemandeAvis.objects.create(
        dossier=w.dossier_autre,
        expert=w.expert,
        question="Le repérage prévu s'appuie-t-il sur l'EPS de la commune ?",
        echeance=datetime.date.today() + datetime.timedelta(days=7),
        demandee_par=w.instructeur,
    )
    # Labels on the first call and the unassigned one (the second has none: labelling not offered).
    w.etiquette = Etiquette.objects.create(appel=w.appel, nom="EPS consultée", couleur="vert")
    Etiquette.objects.create(appel=w.appel_non_assigne, nom="À relancer", couleur="orange")
    # A dossier retained on the second call (another organisation), and a public document.
    w.dossier_retenu = dossier_depose(w.appel_bis, w.asso_autre, Decimal("15000"), StatutDossier.EN_INSTRUCTION)
    w.dossier_retenu.retenir(w.coordination, Decimal("15000"))
    w.document_appel = DocumentAppel.objects.create(
        appel=w.appel, titre="Règlement", fichier=pdf_upload("reglement.pdf")
    )
    w.piece = w.dossier_depose.pieces.first()
    w.piece_non_assignee = w.dossier_non_assigne.pieces.first()
