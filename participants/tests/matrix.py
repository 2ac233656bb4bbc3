"""Participant pages × personas (see tests/test_permission_matrix.py)."""

from tests.matrix import Case, expect

PAGES = {"coordination": 200, "referent": 200, "referent_autre": 200, "partenaire": 200, "admin": 200}
EDITION = {"instructeur": 403, "porteur": 403, "partenaire": 403}


def _p(nom):
    return lambda w: {"pk": getattr(w, nom).pk}


MATRIX = {
    "participants:liste": [Case(expect(403, **PAGES))],
    "participants:creer": [Case(expect(403, coordination=200, referent=200, referent_autre=200, admin=200))],
    "participants:fusionner": [Case(expect(403, coordination=200, admin=200))],
    "participants:detail": [
        Case(
            expect(403, **{**PAGES, "referent_autre": 404}), kwargs=_p("participant"), label="participant du référent"
        ),
        Case(
            expect(403, **{**PAGES, "referent": 404, "partenaire": 404}),
            kwargs=_p("participant_autre"),
            label="participant du CCAS",
        ),
        Case(
            expect(403, **{**PAGES, "referent_autre": 404, "partenaire": 404}),
            kwargs=_p("participant_collegue"),
            label="participant d'un collègue : lecture seule",
        ),
    ],
    # The history: whoever reads the sensitive part of the record (a partner sees identity only).
    "participants:historique": [
        Case(
            expect(403, **{**PAGES, "referent_autre": 404, "partenaire": 403}),
            kwargs=_p("participant"),
            label="participant du référent",
        ),
        Case(
            expect(403, **{**PAGES, "referent": 404, "partenaire": 404}),
            kwargs=_p("participant_autre"),
            label="participant du CCAS",
        ),
    ],
    "participants:modifier": [
        Case(
            expect(404, dpo=403, expert=403, coordination=200, referent=200, admin=200, **EDITION),
            kwargs=_p("participant"),
            label="participant du référent",
        ),
        Case(
            expect(404, dpo=403, expert=403, coordination=200, referent_autre=200, admin=200, **EDITION),
            kwargs=_p("participant_autre"),
            label="participant du CCAS",
        ),
        Case(
            expect(404, dpo=403, expert=403, coordination=200, admin=200, **EDITION),
            kwargs=_p("participant_collegue"),
            label="participant d'un collègue",
        ),
    ],
    "participants:document_ajouter": [
        Case(
            expect(404, dpo=403, expert=403, coordination=200, referent=200, admin=200, **EDITION),
            kwargs=_p("participant"),
            label="participant du référent",
        ),
        Case(
            expect(404, dpo=403, expert=403, coordination=200, referent_autre=200, admin=200, **EDITION),
            kwargs=_p("participant_autre"),
            label="participant du CCAS",
        ),
    ],
    "participants:document_telecharger": [
        Case(
            expect(404, dpo=403, expert=403, coordination=200, referent=200, admin=200, instructeur=403, porteur=403),
            kwargs=_p("document"),
            label="document du participant du référent",
        ),
        Case(
            expect(
                404, dpo=403, expert=403, coordination=200, referent_autre=200, admin=200, instructeur=403, porteur=403
            ),
            kwargs=_p("document_autre"),
            label="document du CCAS",
        ),
        Case(
            expect(404, dpo=403, expert=403, coordination=200, referent=200, admin=200, instructeur=403, porteur=403),
            kwargs=_p("document_collegue"),
            label="document d'un collègue : lecture",
        ),
    ],
    "participants:document_supprimer": [
        Case(
            expect(404, dpo=403, expert=403, coordination=200, referent=200, admin=200, **EDITION),
            kwargs=_p("document"),
            label="confirmation",
        ),
        Case(
            expect(404, dpo=403, expert=403, coordination=200, admin=200, **EDITION),
            kwargs=_p("document_collegue"),
            label="document d'un collègue",
        ),
        Case(
            expect(404, dpo=403, expert=403, coordination=302, admin=302, referent_autre=302, **EDITION),
            kwargs=_p("document_autre"),
            label="suppression (POST)",
            method="post",
        ),
    ],
}
