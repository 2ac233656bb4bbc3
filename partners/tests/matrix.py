"""Permission matrix of the partner network, the step pages (parcours:etape_*) and notifications."""

from tests.matrix import Case, expect

COORD_ONLY = {"coordination": 200, "admin": 200}
COORD_ONLY_POST = {"coordination": 302, "admin": 302}


def coord(statut=200):
    return expect(403, coordination=statut, admin=statut)


ANNUAIRE = expect(200, porteur=403)
ANNUAIRE_HORS_PLIE = expect(404, coordination=200, admin=200, porteur=403)

MATRIX = {
    "partners:liste": [Case(ANNUAIRE)],
    "partners:detail": [
        Case(ANNUAIRE, kwargs=lambda w: {"pk": w.aci.pk}, label="partenaire du PLIE"),
        Case(ANNUAIRE_HORS_PLIE, kwargs=lambda w: {"pk": w.asso.pk}, label="organisation candidate"),
    ],
    "partners:creer": [Case(coord())],
    "partners:modifier": [Case(coord(), kwargs=lambda w: {"pk": w.aci.pk})],
    "partners:offres": [Case(coord(), kwargs=lambda w: {"pk": w.aci.pk})],
    "partners:contact_ajouter": [Case(coord(), kwargs=lambda w: {"structure_pk": w.aci.pk})],
    "partners:contact_modifier": [Case(coord(), kwargs=lambda w: {"pk": w.contact.pk})],
    "partners:contact_supprimer": [
        Case(expect(405), kwargs=lambda w: {"pk": w.contact.pk}, label="GET refusé"),
        Case(coord(302), kwargs=lambda w: {"pk": w.contact.pk}, method="post", label="POST"),
    ],
    "partners:catalogue": [Case(coord())],
    "partners:catalogue_creer": [Case(coord())],
    "partners:catalogue_modifier": [Case(coord(), kwargs=lambda w: {"pk": w.etape_type_libre.pk})],
    "partners:catalogue_activer": [
        Case(coord(302), kwargs=lambda w: {"pk": w.etape.type_id}, method="post"),
    ],
    "partners:catalogue_supprimer": [
        Case(coord(302), kwargs=lambda w: {"pk": w.etape_type_libre.pk}, method="post"),
    ],
    "partners:utilisateurs": [Case(coord())],
    "partners:inviter": [Case(coord())],
    "partners:utilisateur_modifier": [
        Case(coord(), kwargs=lambda w: {"pk": w.partenaire.pk}, label="compte d'une structure"),
        Case(coord(404), kwargs=lambda w: {"pk": w.admin.pk}, label="administrateur : hors gestion"),
    ],
    "partners:utilisateur_activer": [
        Case(coord(302), kwargs=lambda w: {"pk": w.partenaire_autre.pk}, method="post"),
    ],
    "parcours:reaffecter": [
        Case(coord(), kwargs=lambda w: {"pk": w.referent_collegue.pk}, label="référent"),
        Case(coord(404), kwargs=lambda w: {"pk": w.partenaire_autre.pk}, label="pas un référent"),
    ],
    # Steps: a partner sees only their structure's steps, a referent those of participants they see.
    "parcours:etape_detail": [
        Case(
            expect(200, referent_autre=404, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape.pk},
            label="étape de l'ACI, participant du référent",
        ),
        Case(
            expect(200, referent=404, partenaire=404, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape_autre.pk},
            label="étape d'une autre structure, participant du CCAS",
        ),
    ],
    "parcours:etape_proposer": [
        Case(
            expect(200, referent_autre=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.parcours.pk},
            label="parcours du référent",
        ),
        Case(
            expect(200, referent=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.parcours_autre.pk},
            label="parcours du CCAS",
        ),
        Case(
            expect(404, partenaire=403, instructeur=403, porteur=403, coordination=200, admin=200),
            kwargs=lambda w: {"pk": w.parcours_collegue.pk},
            label="parcours d'un collègue : lecture seule",
        ),
    ],
    "parcours:etape_modifier": [
        Case(
            expect(200, referent_autre=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape.pk},
        ),
        Case(
            expect(200, referent=404, partenaire=403, instructeur=403, porteur=403),
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
            expect(404, instructeur=403, porteur=403, referent_autre=403, coordination=403, admin=403),
            kwargs=lambda w: {"pk": w.etape_autre.pk, "action": "accepter"},
            method="post",
            label="accepter l'étape d'une autre structure",
        ),
        Case(
            expect(302, referent_autre=404, partenaire=404, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape_sans_portail.pk, "action": "accepter"},
            method="post",
            label="structure sans compte : le référent enregistre la réponse",
        ),
        Case(
            expect(302, referent_autre=404, partenaire=403, instructeur=403, porteur=403),
            kwargs=lambda w: {"pk": w.etape_proposee.pk, "action": "annuler"},
            method="post",
            label="annuler une proposition",
        ),
    ],
    "notifications:liste": [Case(expect(200))],
    "notifications:preferences": [Case(expect(200))],
    "notifications:tout_marquer_lu": [
        Case(expect(405), label="GET refusé"),
        Case(expect(302), method="post", label="POST"),
    ],
    "notifications:marquer_lue": [
        Case(expect(404, referent=302), kwargs=lambda w: {"pk": w.notification.pk}, method="post"),
    ],
}
