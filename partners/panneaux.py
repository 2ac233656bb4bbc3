"""What the domains above add to a structure's page: each registers a panel in its `ready()`, so
that the directory shows their figures without importing them (the ground floor stays below)."""

PANNEAUX = []


def enregistrer_panneau(template, donnees):
    """Add a panel: `donnees(structure, user)` returns its context, or None for whom may not see it."""
    PANNEAUX.append((template, donnees))


def panneaux_de(structure, user):
    """The panels `user` sees on `structure`'s page, in registration order."""
    panneaux = []
    for template, donnees in PANNEAUX:
        contexte = donnees(structure, user)
        if contexte is not None:
            panneaux.append({"template": template, "contexte": contexte})
    return panneaux
