"""Every URL of the calls app × every persona, with own and other objects (tests/matrix.py)."""

from tests.matrix import LOGIN, Case, expect

PUBLIC = {"anonyme": 200}
# Role gates: pages of the instruction (coordination, instructor), of the applicant, of coordination.
INSTRUCTION = {"coordination": 200, "instructeur": 200, "admin": 200}
COORD = {"coordination": 200, "admin": 200}
DOSSIER_DE_L_AUTRE = {"coordination": 200, "instructeur": 200, "admin": 200, "porteur": 404}


def pk(attr):
    return lambda w: {"pk": getattr(w, attr).pk}


def section(attr, code):
    return lambda w: {"pk": getattr(w, attr).pk, "code": code}


def fichier(dossier, piece):
    return lambda w: {"pk": getattr(w, dossier).pk, "nature": "piece", "objet": getattr(w, piece).pk}


POST_ONLY = [Case(expect(405), kwargs=pk("dossier_autre"), label="GET refusé")]


def post_vide(attendus, dossier="dossier_autre", defaut=403):
    """GET refused, and who may POST to an action of `dossier`: an empty form comes back (200) to
    those allowed (302 when the action needs no input), the others get 403 (or 404 outside their scope)."""
    return POST_ONLY + [
        Case(expect(defaut, **attendus), kwargs=pk(dossier), method="post", data=lambda w: {}, label="POST vide")
    ]


LIEN_INVALIDE = {"uidb64": "MQ", "token": "jeton-invalide"}

MATRIX = {
    # Public pages
    "aap_invisibles:liste": [Case(expect(200, **PUBLIC))],
    "aap_invisibles:subventions_csv": [Case(expect(200, **PUBLIC))],
    "aap_invisibles:appel": [
        Case(expect(200, **PUBLIC), kwargs=lambda w: {"slug": w.appel.slug}),
        Case(expect(404, anonyme=404), kwargs=lambda w: {"slug": "inexistant"}, label="inconnu"),
    ],
    "aap_invisibles:appel_document": [
        Case(expect(200, **PUBLIC), kwargs=lambda w: {"slug": w.appel.slug, "pk": w.document_appel.pk}),
        Case(
            expect(404, anonyme=404),
            kwargs=lambda w: {"slug": w.appel_bis.slug, "pk": w.document_appel.pk},
            label="document d'un autre appel",
        ),
    ],
    "aap_invisibles:inscription": [Case(expect(200, **PUBLIC))],
    "aap_invisibles:inscription_verifier": [
        Case(
            expect(404, anonyme=404),
            kwargs=lambda w: {"uidb64": "MQ", "token": "jeton-invalide"},
            label="jeton invalide",
        )
    ],
    "aap_invisibles:invitation": [Case(expect(403, porteur=200))],
    "aap_invisibles:adhesions": [Case(expect(403, porteur=200, coordination=200, admin=200))],
    "aap_invisibles:adhesion_decider": [
        Case(
            expect(403, porteur=404, coordination=404, admin=404),
            kwargs=lambda w: {"pk": 999_999},
            method="post",
            label="demande inconnue",
        ),
        Case(expect(405, anonyme=302), kwargs=lambda w: {"pk": 999_999}, label="GET refusé"),
    ],
    "aap_invisibles:invitation_accepter": [
        Case(
            expect(404, anonyme=404),
            kwargs=lambda w: {"uidb64": "MQ", "token": "jeton-invalide"},
            label="jeton invalide",
        )
    ],
    # Applicant
    "aap_invisibles:mes_dossiers": [Case(expect(403, porteur=200))],
    "aap_invisibles:dossier_creer": [
        Case(expect(403, porteur=200), kwargs=lambda w: {"slug": w.appel_non_assigne.slug}, label="sans dossier"),
        Case(expect(403, porteur=302), kwargs=lambda w: {"slug": w.appel.slug}, label="dossier existant"),
    ],
    "aap_invisibles:dossier": [
        Case(
            expect(403, porteur=200, coordination=404, instructeur=404, admin=404),
            kwargs=pk("dossier_brouillon"),
            label="brouillon",
        ),
        Case(expect(403, **DOSSIER_DE_L_AUTRE), kwargs=pk("dossier_autre"), label="autre organisme"),
        Case(expect(403, porteur=200, **INSTRUCTION), kwargs=pk("dossier_depose"), label="déposé"),
        Case(
            expect(403, coordination=200, admin=200, instructeur=404, porteur=404),
            kwargs=pk("dossier_non_assigne"),
            label="appel non assigné",
        ),
    ],
    "aap_invisibles:dossier_section": [
        Case(expect(403, porteur=200), kwargs=section("dossier_brouillon", code), label=f"section {code}")
        for code in ("1", "6", "6bis", "7", "eps", "pieces")
    ]
    + [
        Case(expect(403, porteur=404), kwargs=section("dossier_autre", "1"), label="autre organisme"),
        Case(expect(403, porteur=404), kwargs=section("dossier_brouillon", "zz"), label="section inconnue"),
        Case(expect(403, porteur=200), kwargs=section("dossier_depose", "1"), label="déposé : lecture seule"),
    ],
    "aap_invisibles:dossier_piece_supprimer": [
        Case(expect(405), kwargs=lambda w: {"pk": w.dossier_depose.pk, "piece_pk": w.piece.pk}, label="GET refusé"),
        Case(
            expect(403),
            kwargs=lambda w: {"pk": w.dossier_depose.pk, "piece_pk": w.piece.pk},
            method="post",
            label="déposé : non modifiable",
        ),
    ],
    "aap_invisibles:dossier_fichier": [
        Case(
            expect(403, porteur=200, expert=404, **INSTRUCTION),
            kwargs=fichier("dossier_depose", "piece"),
            label="pièce",
        ),
        Case(
            expect(403, coordination=200, admin=200, instructeur=404, porteur=404, expert=404),
            kwargs=fichier("dossier_non_assigne", "piece_non_assignee"),
            label="pièce d'un appel non assigné",
        ),
        Case(
            expect(403, porteur=404, coordination=404, instructeur=404, admin=404, expert=404),
            kwargs=lambda w: {"pk": w.dossier_depose.pk, "nature": "piece", "objet": w.piece_non_assignee.pk},
            label="pièce d'un autre dossier",
        ),
    ],
    "aap_invisibles:dossier_deposer": [
        Case(expect(403, porteur=200), kwargs=pk("dossier_brouillon")),
        Case(expect(403, porteur=404), kwargs=pk("dossier_autre"), label="autre organisme"),
    ],
    "aap_invisibles:bilan": [
        Case(expect(403, **DOSSIER_DE_L_AUTRE), kwargs=pk("dossier_retenu"), label="retenu"),
        Case(
            expect(403, porteur=404, **dict.fromkeys(INSTRUCTION, 404)), kwargs=pk("dossier_depose"), label="non retenu"
        ),
    ],
    "aap_invisibles:dossier_correction_repondre": post_vide({"porteur": 200}, "dossier_depose"),
    "aap_invisibles:dossier_message": POST_ONLY
    + [
        Case(
            expect(403, porteur=200, coordination=404, instructeur=404, admin=404),
            kwargs=pk("dossier_brouillon"),
            method="post",
            data=lambda w: {"objet": "Question", "texte": "Bonjour"},
            label="brouillon : messagerie fermée",
        ),
        Case(
            expect(403, porteur=302, coordination=302, instructeur=302, admin=302),
            kwargs=pk("dossier_depose"),
            method="post",
            data=lambda w: {"objet": "Question", "texte": "Bonjour"},
            label="message sur un dossier déposé",
        ),
        Case(
            expect(403, porteur=404, coordination=302, instructeur=302, admin=302),
            kwargs=pk("dossier_autre"),
            method="post",
            data=lambda w: {"objet": "Question", "texte": "Bonjour"},
            label="message à l'autre organisme",
        ),
    ],
    "aap_invisibles:dossier_sans_suite": post_vide({"porteur": 302, **COORD}, "dossier_depose"),
    # Instruction
    "aap_invisibles:instruction": [Case(expect(403, **INSTRUCTION))],
    "aap_invisibles:courriers": [Case(expect(403, **COORD))],
    "aap_invisibles:courrier_modifier": [
        Case(expect(403, **COORD), kwargs=lambda w: {"nature": "notification_retenu"}),
        Case(expect(403, coordination=404, admin=404), kwargs=lambda w: {"nature": "inconnu"}, label="inconnu"),
    ],
    "aap_invisibles:mes_avis": [Case(expect(403, expert=200))],
    "aap_invisibles:avis": [
        Case(expect(403, expert=200), kwargs=pk("demande_avis"), label="avis demandé à l'expert·e"),
        Case(
            expect(403, expert=400),
            kwargs=pk("demande_avis"),
            method="post",
            data=lambda w: {"avis": "sans-avis"},
            label="réponse invalide",
        ),
    ],
    "aap_invisibles:dossier_orienter": POST_ONLY
    + [
        Case(
            expect(403, porteur=200),
            kwargs=pk("dossier_depose"),
            method="post",
            data=lambda w: {},
            label="dossier non retenu : la page revient avec la raison",
        ),
        Case(
            expect(403, porteur=404),
            kwargs=pk("dossier_retenu"),
            method="post",
            data=lambda w: {},
            label="dossier d'un autre organisme",
        ),
    ],
    "aap_invisibles:dossier_avis_demander": POST_ONLY
    + [
        Case(
            expect(403, coordination=302, instructeur=302, admin=302),
            kwargs=pk("dossier_autre"),
            method="post",
            data=lambda w: {
                "email": "eps.commune@exemple.fr",
                "question": "Avis sur le repérage ?",
                "echeance": "2099-01-15",
            },
            label="demande d'avis",
        ),
        Case(
            expect(403, coordination=302, admin=302, instructeur=404),
            kwargs=pk("dossier_non_assigne"),
            method="post",
            data=lambda w: {"email": "eps@exemple.fr", "question": "?", "echeance": "2099-01-15"},
            label="appel non confié",
        ),
    ],
    "aap_invisibles:instruction_lot": [
        Case(expect(405), label="GET refusé"),
        Case(
            expect(403, **INSTRUCTION),
            method="post",
            data=lambda w: {"action": "ecrire", "dossiers": [w.dossier_autre.pk]},
            label="page de confirmation",
        ),
    ],
    "aap_invisibles:dossier_etiquettes": POST_ONLY
    + [
        Case(
            expect(403, coordination=302, instructeur=302, admin=302),
            kwargs=pk("dossier_autre"),
            method="post",
            data=lambda w: {},
            label="étiquettes",
        ),
        Case(
            expect(403, coordination=302, admin=302, instructeur=404),
            kwargs=pk("dossier_non_assigne"),
            method="post",
            data=lambda w: {},
            label="appel non confié",
        ),
    ],
    "aap_invisibles:dossier_recevabilite": post_vide(INSTRUCTION),
    "aap_invisibles:dossier_correction": post_vide(INSTRUCTION),
    "aap_invisibles:dossier_evaluation": post_vide(INSTRUCTION),
    "aap_invisibles:dossier_conflit": post_vide(INSTRUCTION),
    "aap_invisibles:dossier_annotation": POST_ONLY
    + [
        Case(
            expect(403, coordination=302, instructeur=302, admin=302),
            kwargs=pk("dossier_autre"),
            method="post",
            data=lambda w: {"texte": "Note interne"},
            label="annotation",
        ),
        Case(
            expect(403, coordination=302, admin=302, instructeur=404),
            kwargs=pk("dossier_non_assigne"),
            method="post",
            data=lambda w: {"texte": "Note interne"},
            label="annotation hors appel assigné",
        ),
    ],
    "aap_invisibles:dossier_audition": post_vide(INSTRUCTION),
    "aap_invisibles:dossier_proposition": post_vide(INSTRUCTION),
    "aap_invisibles:dossier_decision": POST_ONLY
    + [
        Case(
            expect(403, coordination=302, admin=302),
            kwargs=pk("dossier_autre"),
            method="post",
            data=lambda w: {"decision": "refuse", "motif": "Hors cible"},
            label="décision",
        )
    ],
    "aap_invisibles:dossier_reouvrir": post_vide(COORD, "dossier_retenu"),
    "aap_invisibles:dossier_convention": post_vide(COORD, "dossier_retenu"),
    "aap_invisibles:dossier_versement": post_vide(COORD, "dossier_retenu"),
    "aap_invisibles:comite": [
        Case(expect(403, **INSTRUCTION), kwargs=pk("appel")),
        Case(
            expect(403, coordination=200, admin=200, instructeur=404),
            kwargs=pk("appel_non_assigne"),
            label="non assigné",
        ),
    ],
    # Calls (coordination)
    "aap_invisibles:gestion": [Case(expect(403, **COORD))],
    "aap_invisibles:appel_creer": [Case(expect(403, **COORD))],
    "aap_invisibles:appel_modifier": [Case(expect(403, **COORD), kwargs=pk("appel"))],
    "aap_invisibles:appel_publier": [
        Case(expect(405), kwargs=pk("appel"), label="GET refusé"),
        Case(expect(403, coordination=302, admin=302), kwargs=pk("appel"), method="post", label="publier"),
    ],
    "aap_invisibles:appel_reporter": [Case(expect(403, **COORD), kwargs=pk("appel"))],
    "aap_invisibles:appel_grille": [Case(expect(403, **COORD), kwargs=pk("appel"))],
    "aap_invisibles:appel_questions": [Case(expect(403, **COORD), kwargs=pk("appel"))],
    "aap_invisibles:appel_etiquettes": [Case(expect(403, **COORD), kwargs=pk("appel"))],
    "aap_invisibles:appel_dupliquer": [
        Case(expect(405), kwargs=pk("appel"), label="GET refusé"),
        Case(expect(403, coordination=302, admin=302), kwargs=pk("appel"), method="post"),
    ],
    "aap_invisibles:appel_documents": [Case(expect(403, **COORD), kwargs=pk("appel"))],
    "aap_invisibles:appel_document_supprimer": [
        Case(expect(405), kwargs=lambda w: {"pk": w.appel.pk, "document_pk": w.document_appel.pk}, label="GET refusé"),
        Case(
            expect(403, coordination=302, admin=302),
            kwargs=lambda w: {"pk": w.appel.pk, "document_pk": w.document_appel.pk},
            method="post",
            label="supprimer",
        ),
        Case(
            expect(403, coordination=404, admin=404),
            kwargs=lambda w: {"pk": w.appel_bis.pk, "document_pk": w.document_appel.pk},
            method="post",
            label="document d'un autre appel",
        ),
    ],
}
assert LOGIN
