"""Parcours pages × personas (see tests/test_permission_matrix.py).

The step pages (parcours:etape_*) are declared in partners/tests/matrix.py.
"""

from tests.matrix import Case, expect

COORDINATION = {"coordination": 200, "admin": 200}


def _pk(nom):
    return lambda w: {"pk": getattr(w, nom).pk}


def objets(nom, kwargs=_pk):
    """The three cases of a page about one parcours object: own, other structure, colleague."""
    return [
        Case(expect(403, referent=200, referent_autre=404, **COORDINATION), kwargs=kwargs(nom), label="du référent"),
        Case(
            expect(403, referent=404, referent_autre=200, **COORDINATION),
            kwargs=kwargs(f"{nom}_autre"),
            label="d'une autre structure",
        ),
        Case(
            expect(403, referent=403, referent_autre=404, **COORDINATION),
            kwargs=kwargs(f"{nom}_collegue"),
            label="d'un·e collègue : lecture seule",
        ),
    ]


def _participant(nom):
    return lambda w: {"participant_pk": getattr(w, nom).pk}


MATRIX = {
    "parcours:creer": objets("participant", _participant),
    "parcours:situation": objets("parcours"),
    "parcours:sortie": objets("parcours")
    + [
        Case(
            expect(403, referent=200, referent_autre=404, **COORDINATION),
            kwargs=_pk("parcours"),
            method="post",
            label="POST incomplet : formulaire réaffiché",
        )
    ],
    "parcours:suivi": objets("parcours"),
    "parcours:entretien_ajouter": objets("parcours"),
    "parcours:entretien_modifier": objets("entretien"),
    "parcours:commission_liste": [Case(expect(403, **COORDINATION))],
    "parcours:commission_creer": [Case(expect(403, **COORDINATION))],
    "parcours:commission_detail": [
        Case(expect(403, **COORDINATION), kwargs=_pk("session")),
        Case(
            expect(403, **COORDINATION),
            kwargs=_pk("session"),
            method="post",
            data=lambda w: {"action": "decider"},
            label="POST sans sélection : erreurs",
        ),
    ],
    "parcours:objectifs": [Case(expect(403, **COORDINATION))],
    "parcours:indicateurs": [Case(expect(403, **COORDINATION))],
    "parcours:import": [Case(expect(403, **COORDINATION))],
}
