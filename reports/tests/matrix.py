"""Permission matrix of the reports: every URL × every persona (tests/test_permission_matrix.py)."""

from tests.matrix import Case, expect

HTMX = {"HTTP_HX_REQUEST": "true"}


def rapport(attribut):
    return lambda w: {"pk": getattr(w, attribut).pk}


def dossier(attribut):
    return lambda w: {"dossier": getattr(w, attribut).pk}


def appel(attribut):
    return lambda w: {"appel": getattr(w, attribut).pk}


AAP_DEMANDEURS = {"coordination": 302, "admin": 302, "instructeur": 302}


def participant(attribut):
    return lambda w: {"participant": getattr(w, attribut).pk}


MATRIX = {
    "reports:liste": [Case(expect(200))],
    "reports:tableau_de_bord": [Case(expect(403, coordination=200, admin=200))],
    "reports:detail": [
        Case(expect(404, referent=200), kwargs=rapport("rapport_referent"), label="rapport du référent"),
        Case(expect(404, coordination=200), kwargs=rapport("rapport_coordination"), label="rapport de la coordination"),
    ],
    "reports:etat": [
        Case(
            expect(404, referent=200, anonyme=204),
            kwargs=rapport("rapport_referent_en_cours"),
            extra=HTMX,
            label="fragment HTMX (anonyme : HX-Redirect)",
        ),
        Case(expect(404, referent=302), kwargs=rapport("rapport_referent_en_cours"), label="hors HTMX : redirigé"),
    ],
    "reports:telecharger": [
        Case(expect(404, referent=200), kwargs=rapport("rapport_referent"), label="fichier du référent"),
        Case(expect(404, coordination=200), kwargs=rapport("rapport_coordination"), label="fichier de la coordination"),
        Case(expect(404), kwargs=rapport("rapport_referent_en_cours"), label="pas encore produit"),
    ],
    "reports:demander": [
        Case(expect(403, coordination=200, admin=200), kwargs=lambda w: {"type": "activite"}, label="activité"),
        Case(expect(403, coordination=200, admin=200), kwargs=lambda w: {"type": "fse"}, label="classeur FSE+"),
        Case(
            expect(403, coordination=302, admin=302, dpo=302),
            kwargs=lambda w: {"type": "journal_acces"},
            method="post",
            label="export du journal des accès (POST)",
        ),
        Case(
            expect(403, coordination=200, admin=200, referent=200, referent_autre=200, partenaire=200),
            kwargs=lambda w: {"type": "participants"},
            label="export des participants",
        ),
        Case(expect(404), kwargs=lambda w: {"type": "inconnu"}, label="type inconnu"),
        Case(
            expect(403, coordination=302, admin=302, referent=302, partenaire=302, referent_autre=404),
            kwargs=lambda w: {"type": "parcours"},
            method="post",
            data=participant("participant"),
            label="fiche de parcours (POST)",
        ),
        Case(
            expect(403, coordination=302, admin=302, referent=404, partenaire=404, referent_autre=302),
            kwargs=lambda w: {"type": "parcours"},
            method="post",
            data=participant("participant_autre"),
            label="fiche de parcours d'un participant d'une autre structure (POST)",
        ),
        Case(
            expect(403, coordination=404, admin=404, referent=404, partenaire=404, referent_autre=404),
            kwargs=lambda w: {"type": "parcours"},
            label="fiche de parcours sans participant",
        ),
        Case(
            expect(403, coordination=302, admin=302, referent=302, referent_autre=404),
            kwargs=lambda w: {"type": "notice"},
            method="post",
            data=participant("participant"),
            label="notice d'information (POST)",
        ),
        Case(
            expect(403, coordination=302, admin=302, referent=302, referent_autre=404),
            kwargs=lambda w: {"type": "questionnaire"},
            method="post",
            data=participant("participant"),
            label="questionnaire d'entrée FSE+ (POST)",
        ),
        Case(
            expect(403, coordination=302, admin=302, referent=302, partenaire=302, referent_autre=404),
            kwargs=lambda w: {"type": "emargement"},
            method="post",
            data=lambda w: {"atelier": w.atelier.pk},
            label="feuille d'émargement d'un atelier animé par le partenaire (POST)",
        ),
        Case(
            expect(403, coordination=200, admin=200),
            kwargs=lambda w: {"type": "bilan"},
            label="bilan d'exécution : le formulaire",
        ),
        Case(
            expect(403, coordination=302, admin=302),
            kwargs=lambda w: {"type": "csf"},
            method="post",
            data=lambda w: {"controle": w.controle.pk},
            label="dossier ZIP d'un contrôle de service fait (POST)",
        ),
        Case(
            expect(403, coordination=302, admin=302),
            kwargs=lambda w: {"type": "bilan_pdf"},
            method="post",
            data=lambda w: {"operation": w.operation.pk, "debut": "2026-01-01", "fin": "2026-12-31"},
            label="bilan d'exécution en PDF (POST)",
        ),
        Case(
            expect(403, porteur=302, **AAP_DEMANDEURS),
            kwargs=lambda w: {"type": "cerfa"},
            method="post",
            data=dossier("dossier_depose"),
            label="Cerfa d'un dossier déposé (POST)",
        ),
        Case(
            expect(403, porteur=404, coordination=302, admin=302, instructeur=404),
            kwargs=lambda w: {"type": "cerfa"},
            method="post",
            data=dossier("dossier_non_assigne"),
            label="Cerfa d'un dossier d'un autre organisme et d'un appel non assigné (POST)",
        ),
        Case(
            expect(403, porteur=302, coordination=404, admin=404, instructeur=404),
            kwargs=lambda w: {"type": "cerfa"},
            method="post",
            data=dossier("dossier_brouillon"),
            label="Cerfa d'un brouillon : son porteur seulement (POST)",
        ),
        Case(
            expect(403, porteur=302, **AAP_DEMANDEURS),
            kwargs=lambda w: {"type": "accuse"},
            method="post",
            data=dossier("dossier_depose"),
            label="accusé de réception d'un dossier déposé (POST)",
        ),
        Case(
            expect(403, porteur=404, coordination=302, admin=302, instructeur=404),
            kwargs=lambda w: {"type": "accuse"},
            method="post",
            data=dossier("dossier_non_assigne"),
            label="accusé de réception d'un autre organisme et d'un appel non assigné (POST)",
        ),
        Case(
            expect(403, coordination=302, admin=302, dpo=302),
            kwargs=lambda w: {"type": "droit_acces"},
            method="post",
            data=participant("participant"),
            label="droit d'accès RGPD : la coordination et le DPO (POST)",
        ),
        Case(
            expect(403, porteur=200, coordination=200, admin=200),
            kwargs=lambda w: {"type": "notification"},
            method="post",
            data=dossier("dossier_depose"),
            label="lettre de notification avant décision : refusée sur la page (POST)",
        ),
        Case(
            expect(403, porteur=404, coordination=302, admin=302),
            kwargs=lambda w: {"type": "notification"},
            method="post",
            data=dossier("dossier_retenu"),
            label="lettre de notification d'un dossier retenu d'un autre organisme (POST)",
        ),
        Case(
            expect(403, porteur=404, coordination=200, admin=200),
            kwargs=lambda w: {"type": "convention"},
            method="post",
            data=dossier("dossier_retenu"),
            label="convention d'un dossier de 15 000 € : pas de convention, dit sur la page (POST)",
        ),
        Case(
            expect(403, **AAP_DEMANDEURS),
            kwargs=lambda w: {"type": "comite"},
            method="post",
            data=appel("appel"),
            label="rapport au comité (POST)",
        ),
        Case(
            expect(403, coordination=302, admin=302, instructeur=404),
            kwargs=lambda w: {"type": "dossiers"},
            method="post",
            data=appel("appel_non_assigne"),
            label="export des dossiers d'un appel non assigné (POST)",
        ),
        Case(
            expect(403, **AAP_DEMANDEURS),
            kwargs=lambda w: {"type": "archive_appel"},
            method="post",
            data=appel("appel"),
            label="export complet d'un appel en ZIP (POST)",
        ),
    ],
}
