"""Permission matrix of the partner network: directory, structures, step catalogue, accounts."""

from tests.matrix import Case, expect

COORD_ONLY = {"coordination": 200, "admin": 200}
COORD_ONLY_POST = {"coordination": 302, "admin": 302}


def coord(statut=200):
    return expect(403, coordination=statut, admin=statut)


ANNUAIRE = expect(200, porteur=403, dpo=403, expert=403)
ANNUAIRE_HORS_PLIE = expect(404, coordination=200, admin=200, porteur=403, dpo=403, expert=403)

MATRIX = {
    "partners:liste": [Case(ANNUAIRE)],
    "partners:data_inclusion_structures": [Case(expect(200, anonyme=200))],
    "partners:data_inclusion_services": [Case(expect(200, anonyme=200))],
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
}
