"""Parcours pages × personas (see tests/test_permission_matrix.py), the step pages included."""

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
    "parcours:entretien_envoyer": [
        Case(
            expect(403, referent=302, referent_autre=404, coordination=302, admin=302),
            kwargs=_pk("entretien"),
            method="post",
        ),
        Case(
            expect(403, referent=403, referent_autre=404, coordination=302, admin=302),
            kwargs=_pk("entretien_collegue"),
            method="post",
            label="d'un·e collègue",
        ),
    ],
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
    "parcours:ateliers": [Case(expect(403, referent=200, referent_autre=200, partenaire=200, **COORDINATION))],
    "parcours:atelier_creer": [
        Case(expect(403, referent=200, referent_autre=200, **COORDINATION)),
        Case(
            expect(403, referent=200, referent_autre=200, **COORDINATION),
            method="post",
            data=lambda w: {"intitule": ""},
            label="POST incomplet : erreurs",
        ),
    ],
    "parcours:atelier": [
        Case(
            expect(403, referent=200, referent_autre=404, partenaire=200, **COORDINATION),
            kwargs=_pk("atelier"),
            label="animé par le partenaire pour le référent",
        ),
        Case(
            expect(403, referent=404, referent_autre=200, partenaire=404, **COORDINATION),
            kwargs=_pk("atelier_autre"),
            label="d'une autre structure",
        ),
    ],
    "parcours:atelier_inviter": [
        Case(
            expect(403, referent=302, referent_autre=404, coordination=302, admin=302),
            kwargs=_pk("atelier"),
            method="post",
            data=lambda w: {},
            label="POST sans sélection : message",
        )
    ],
    "parcours:atelier_presences": [
        Case(
            expect(403, referent=302, referent_autre=404, partenaire=302, coordination=302, admin=302),
            kwargs=_pk("atelier"),
            method="post",
            data=lambda w: {},
        )
    ],
    "parcours:atelier_feuille": [
        Case(
            expect(403, referent=404, referent_autre=404, partenaire=404, coordination=404, admin=404),
            kwargs=_pk("atelier"),
            label="pas encore de feuille signée",
        )
    ],
    "parcours:operations": [Case(expect(403, **COORDINATION))],
    "parcours:operation_creer": [
        Case(expect(403, **COORDINATION)),
        Case(expect(403, **COORDINATION), method="post", data=lambda w: {"code": ""}, label="POST incomplet : erreurs"),
    ],
    "parcours:operation": [Case(expect(403, **COORDINATION), kwargs=_pk("operation"))],
    "parcours:operation_modifier": [Case(expect(403, **COORDINATION), kwargs=_pk("operation"))],
    "parcours:operation_controler": [
        Case(
            expect(403, coordination=302, admin=302),
            kwargs=_pk("operation"),
            method="post",
            data=lambda w: {"controle-debut": "2026-01-01", "controle-fin": "2026-12-31"},
            label="POST sans taille : message",
        )
    ],
    "parcours:controle": [Case(expect(403, **COORDINATION), kwargs=_pk("controle"))],
    "parcours:operations_rattacher": [
        Case(expect(403, **COORDINATION)),
        Case(expect(403, **COORDINATION), method="post", data=lambda w: {}, label="POST sans sélection : erreurs"),
    ],
    "parcours:indicateurs": [Case(expect(403, **COORDINATION))],
    "parcours:import": [Case(expect(403, **COORDINATION))],
    "parcours:import_suivi": [Case(expect(403, **COORDINATION), kwargs=_pk("importation"))],
    "parcours:import_etat": [
        Case(expect(403, coordination=302, admin=302), kwargs=_pk("importation"), label="hors HTMX : la page")
    ],
    "parcours:import_confirmer": [
        Case(expect(403, coordination=302, admin=302), kwargs=_pk("importation"), method="post")
    ],
    "parcours:import_erreurs": [Case(expect(403, **COORDINATION), kwargs=_pk("importation"))],
    "parcours:import_modele": [Case(expect(403, **COORDINATION), kwargs=lambda w: {"nom": "etapes.csv"})],
    "parcours:import_abandonner": [
        Case(expect(403, coordination=302, admin=302), kwargs=_pk("importation"), method="post")
    ],
    # Steps: a partner sees only their structure's steps, a referent those of participants they see.
    "parcours:etape_detail": [
        Case(
            expect(200, dpo=403, expert=403, referent_autre=404, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape.pk},
            label="étape de l'ACI, participant du référent",
        ),
        Case(
            expect(200, dpo=403, expert=403, referent=404, partenaire=404, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape_autre.pk},
            label="étape d'une autre structure, participant du CCAS",
        ),
    ],
    "parcours:etape_proposer": [
        Case(
            expect(200, dpo=403, expert=403, referent_autre=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.parcours.pk},
            label="parcours du référent",
        ),
        Case(
            expect(200, dpo=403, expert=403, referent=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.parcours_autre.pk},
            label="parcours du CCAS",
        ),
        Case(
            expect(404, dpo=403, expert=403, partenaire=403, instructeur=403, porteur=403, coordination=200, admin=200),
            kwargs=lambda w: {"pk": w.parcours_collegue.pk},
            label="parcours d'un collègue : lecture seule",
        ),
    ],
    "parcours:etape_modifier": [
        Case(
            expect(200, dpo=403, expert=403, referent_autre=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape.pk},
        ),
        Case(
            expect(200, dpo=403, expert=403, referent=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape_autre.pk},
            label="étape du CCAS",
        ),
    ],
    "parcours:etape_transition": [
        Case(expect(405), kwargs=lambda w: {"pk": w.etape_proposee.pk, "action": "accepter"}, label="GET refusé"),
        Case(
            expect(403, partenaire=302, referent_autre=404),
            kwargs=lambda w: {"pk": w.etape_proposee.pk, "action": "accepter"},
            method="post",
            label="accepter une proposition à une structure qui a un compte",
        ),
        Case(
            expect(
                404, dpo=403, expert=403, instructeur=403, porteur=403, referent_autre=403, coordination=403, admin=403
            ),
            kwargs=lambda w: {"pk": w.etape_autre.pk, "action": "accepter"},
            method="post",
            label="accepter l'étape d'une autre structure",
        ),
        Case(
            expect(302, dpo=403, expert=403, referent_autre=404, partenaire=404, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape_sans_portail.pk, "action": "accepter"},
            method="post",
            label="structure sans compte : le référent enregistre la réponse",
        ),
        Case(
            expect(302, dpo=403, expert=403, referent_autre=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape_proposee.pk, "action": "annuler"},
            method="post",
            label="annuler une proposition",
        ),
    ],
    "parcours:reaffecter": [
        Case(expect(403, **COORDINATION), kwargs=lambda w: {"pk": w.referent_collegue.pk}, label="référent"),
        Case(
            expect(403, coordination=404, admin=404),
            kwargs=lambda w: {"pk": w.partenaire_autre.pk},
            label="pas un référent",
        ),
    ],
}
