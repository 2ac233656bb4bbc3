from django.urls import path

from .views import actions, avis, comptes, courriers, dossier, gestion, instruction, lot, porteur, public

app_name = "aap_invisibles"

urlpatterns = [
    # Public
    path("", public.liste, name="liste"),
    path("donnees/subventions.csv", public.subventions_csv, name="subventions_csv"),
    path("appels/<slug:slug>/", public.appel, name="appel"),
    path("appels/<slug:slug>/documents/<int:pk>/", public.appel_document, name="appel_document"),
    path("inscription/", comptes.inscription, name="inscription"),
    path("inscription/verifier/<str:uidb64>/<str:token>/", comptes.inscription_verifier, name="inscription_verifier"),
    path("invitation/", comptes.invitation, name="invitation"),
    path("adhesions/", comptes.adhesions, name="adhesions"),
    path("adhesions/<int:pk>/decider/", comptes.adhesion_decider, name="adhesion_decider"),
    path("invitation/<str:uidb64>/<str:token>/", comptes.invitation_accepter, name="invitation_accepter"),
    # Applicant
    path("mes-dossiers/", porteur.mes_dossiers, name="mes_dossiers"),
    path("appels/<slug:slug>/candidater/", porteur.dossier_creer, name="dossier_creer"),
    path("dossiers/<int:pk>/", dossier.dossier, name="dossier"),
    path("dossiers/<int:pk>/sections/<str:code>/", porteur.dossier_section, name="dossier_section"),
    path(
        "dossiers/<int:pk>/pieces/<int:piece_pk>/supprimer/",
        porteur.dossier_piece_supprimer,
        name="dossier_piece_supprimer",
    ),
    path("dossiers/<int:pk>/fichiers/<str:nature>/<int:objet>/", dossier.dossier_fichier, name="dossier_fichier"),
    path("dossiers/<int:pk>/deposer/", porteur.dossier_deposer, name="dossier_deposer"),
    path("dossiers/<int:pk>/bilan/", porteur.bilan, name="bilan"),
    path(
        "dossiers/<int:pk>/correction/reponse/", actions.ReponseCorrection.as_view(), name="dossier_correction_repondre"
    ),
    path("dossiers/<int:pk>/messages/", actions.Ecrire.as_view(), name="dossier_message"),
    path("dossiers/<int:pk>/etiquettes/", actions.Etiqueter.as_view(), name="dossier_etiquettes"),
    path("dossiers/<int:pk>/orienter/", actions.Orienter.as_view(), name="dossier_orienter"),
    path("dossiers/<int:pk>/avis/demander/", actions.DemanderAvis.as_view(), name="dossier_avis_demander"),
    # The expert's pages
    path("avis/", avis.mes_avis, name="mes_avis"),
    path("avis/<int:pk>/", avis.avis, name="avis"),
    path("dossiers/<int:pk>/sans-suite/", actions.SansSuite.as_view(), name="dossier_sans_suite"),
    # Instruction
    path("instruction/", instruction.instruction, name="instruction"),
    path("instruction/lot/", lot.lot, name="instruction_lot"),
    path("dossiers/<int:pk>/recevabilite/", actions.Recevabilite.as_view(), name="dossier_recevabilite"),
    path("dossiers/<int:pk>/correction/", actions.Correction.as_view(), name="dossier_correction"),
    path("dossiers/<int:pk>/notation/", actions.Noter.as_view(), name="dossier_evaluation"),
    path("dossiers/<int:pk>/conflit/", actions.Conflit.as_view(), name="dossier_conflit"),
    path("dossiers/<int:pk>/annotations/", actions.Annoter.as_view(), name="dossier_annotation"),
    path("dossiers/<int:pk>/audition/", actions.Audition.as_view(), name="dossier_audition"),
    path("dossiers/<int:pk>/proposition/", actions.Proposition.as_view(), name="dossier_proposition"),
    path("dossiers/<int:pk>/decision/", actions.Decision.as_view(), name="dossier_decision"),
    path("dossiers/<int:pk>/reouvrir/", actions.Reouvrir.as_view(), name="dossier_reouvrir"),
    path("dossiers/<int:pk>/convention/", actions.ConventionVue.as_view(), name="dossier_convention"),
    path("dossiers/<int:pk>/versements/", actions.VersementVue.as_view(), name="dossier_versement"),
    path("gestion/<int:pk>/comite/", instruction.comite, name="comite"),
    # Calls (coordination)
    path("gestion/", gestion.gestion, name="gestion"),
    path("gestion/nouveau/", gestion.appel_creer, name="appel_creer"),
    path("gestion/<int:pk>/", gestion.appel_modifier, name="appel_modifier"),
    path("gestion/<int:pk>/statut/", gestion.appel_publier, name="appel_publier"),
    path("gestion/<int:pk>/report/", gestion.appel_reporter, name="appel_reporter"),
    path("gestion/<int:pk>/grille/", gestion.appel_grille, name="appel_grille"),
    path("gestion/<int:pk>/questions/", gestion.appel_questions, name="appel_questions"),
    path("gestion/<int:pk>/etiquettes/", gestion.appel_etiquettes, name="appel_etiquettes"),
    path("gestion/<int:pk>/dupliquer/", gestion.appel_dupliquer, name="appel_dupliquer"),
    path("gestion/courriers/", courriers.liste, name="courriers"),
    path("gestion/courriers/<str:nature>/", courriers.modifier, name="courrier_modifier"),
    path("gestion/<int:pk>/documents/", gestion.appel_documents, name="appel_documents"),
    path(
        "gestion/<int:pk>/documents/<int:document_pk>/supprimer/",
        gestion.appel_document_supprimer,
        name="appel_document_supprimer",
    ),
]
