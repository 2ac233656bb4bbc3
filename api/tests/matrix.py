"""The API × personas, each calling with its own token (see tests/test_permission_matrix.py):
the same answers as the pages — 403 for a kind of data the role never reads, 404 outside the
scope — and 401 without a token."""

import json

from tests.matrix import Case, expect

SANS_JETON = 401
PARTICIPANTS = expect(
    403, anonyme=SANS_JETON, coordination=200, referent=200, referent_autre=200, partenaire=200, admin=200
)
PARCOURS = expect(403, anonyme=SANS_JETON, coordination=200, referent=200, referent_autre=200, admin=200)
PUBLIC = expect(200, anonyme=200)
JSON = {"content_type": "application/json"}


def _pk(nom):
    return lambda w: {"pk": getattr(w, nom).pk}


def _corps(**champs):
    return lambda w: json.dumps(champs)


def api(attendu, **options):
    return Case(attendu, jeton=True, **options)


# The world's step is in progress, at the partner's structure (which answers on the portal): the
# partner may finish it; the referent may not (the partner does), another referent does not see it.
TRANSITION = {
    "coordination": 403,
    "admin": 403,
    "referent": 403,
    "referent_autre": 404,
    "instructeur": 403,
    "porteur": 403,
    "dpo": 403,
    "expert": 403,
    "anonyme": SANS_JETON,
}

MATRIX = {
    "api:api-root": [api(expect(404, anonyme=404))],
    "api:openapi-json": [api(PUBLIC)],
    "api:openapi-view": [api(PUBLIC)],
    "api:participants": [api(PARTICIPANTS), api(PARTICIPANTS, query="?q=lefevre", label="recherche")],
    "api:participant": [
        api({**PARTICIPANTS, "referent_autre": 404}, kwargs=_pk("participant"), label="participant du référent"),
        api({**PARTICIPANTS, "referent": 404, "partenaire": 404}, kwargs=_pk("participant_autre"), label="autre"),
    ],
    "api:parcours": [api(PARCOURS)],
    "api:parcours_detail": [api({**PARCOURS, "referent_autre": 404}, kwargs=_pk("parcours"))],
    "api:etapes": [api(PARTICIPANTS)],
    "api:etape": [
        api({**PARTICIPANTS, "referent_autre": 404}, kwargs=_pk("etape"), label="étape de la structure"),
        api({**PARTICIPANTS, "referent": 404, "partenaire": 404}, kwargs=_pk("etape_autre"), label="autre structure"),
    ],
    "api:etape_terminer": [
        api(
            {**TRANSITION, "partenaire": 200},
            kwargs=_pk("etape"),
            method="post",
            data=_corps(date_fin="2026-03-01", resultat="Formation suivie"),
            extra=JSON,
        )
    ],
    "api:etape_abandonner": [
        api(
            {**TRANSITION, "partenaire": 422},
            kwargs=_pk("etape"),
            method="post",
            data=_corps(date_fin="2026-03-01", motif=""),
            extra=JSON,
            label="motif vide",
        )
    ],
    "api:etape_accepter": [
        api({**TRANSITION, "partenaire": 409}, kwargs=_pk("etape"), method="post", data=_corps(), extra=JSON)
    ],
    "api:etape_refuser": [
        api(
            {**TRANSITION, "partenaire": 409},
            kwargs=_pk("etape"),
            method="post",
            data=_corps(motif="complet"),
            extra=JSON,
        )
    ],
    "api:etape_demarrer": [
        api(
            {**TRANSITION, "partenaire": 409},
            kwargs=_pk("etape"),
            method="post",
            data=_corps(date_debut="2026-03-01"),
            extra=JSON,
        )
    ],
    "api:structures": [api(expect(200, anonyme=SANS_JETON, porteur=403, dpo=403, expert=403))],
    "api:structure": [api(expect(200, anonyme=SANS_JETON, porteur=403, dpo=403, expert=403), kwargs=_pk("aci"))],
    "api:appels": [api(PUBLIC)],
    "api:appel": [api(PUBLIC, kwargs=lambda w: {"slug": w.appel.slug})],
}
