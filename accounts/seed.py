"""Demo accounts of every role, in several structures."""

import functools

from django.contrib.auth.hashers import make_password

from plie_portal.seed import DEMO_PASSWORD

from .models import Role, User
from .otp import new_backup_codes, second_factor_required

# Demo only: fixed backup codes so that `make run` stays usable without an authenticator app.
# Each code works once; running seed_demo again restores them.
CODES_SECOURS_DEMO = ["plie0001", "plie0002", "plie0003", "plie0004", "plie0005"]

# (email, role, structure name, first name, last name, label printed)
COMPTES = [
    (
        "coordination@plie-rouen.fr",
        Role.COORDINATION,
        "PLIE de la Métropole Rouen Normandie",
        "Claire",
        "Lefèvre",
        "Coordination",
    ),
    (
        "referent@plie-rouen.fr",
        Role.REFERENT,
        "PLIE de la Métropole Rouen Normandie",
        "Julien",
        "Marchand",
        "Référent (PLIE)",
    ),
    ("referente@ccas-rouen.fr", Role.REFERENT, "CCAS de Rouen", "Amélie", "Duval", "Référente (CCAS de Rouen)"),
    (
        "referent@ccas-saint-etienne.fr",
        Role.REFERENT,
        "CCAS de Saint-Étienne-du-Rouvray",
        "Karim",
        "Benali",
        "Référent (CCAS Saint-Étienne)",
    ),
    (
        "partenaire@jardins-seine.fr",
        Role.PARTENAIRE,
        "Atelier chantier d'insertion Les Jardins de la Seine",
        "Sophie",
        "Leroy",
        "Partenaire (ACI)",
    ),
    (
        "partenaire@normandie-competences.fr",
        Role.PARTENAIRE,
        "Organisme de formation Normandie Compétences",
        "Thomas",
        "Hébert",
        "Partenaire (formation)",
    ),
    (
        "instructeur@metropole-rouen-normandie.fr",
        Role.INSTRUCTEUR,
        "Métropole Rouen Normandie",
        "Nathalie",
        "Girard",
        "Instructrice AAP",
    ),
    (
        "dpo@metropole-rouen-normandie.fr",
        Role.DPO,
        "Métropole Rouen Normandie",
        "Bernard",
        "Lemoine",
        "Délégué à la protection des données",
    ),
    (
        "porteur@elbeuf-jeunesse.fr",
        Role.PORTEUR,
        "Association Elbeuf Jeunesse Avenir",
        "Yasmine",
        "Haddad",
        "Porteur (Elbeuf Jeunesse)",
    ),
    (
        "porteur@quartiers-solidaires.fr",
        Role.PORTEUR,
        "Association Quartiers Solidaires Rouen",
        "Hugo",
        "Petit",
        "Porteur (Quartiers Solidaires)",
    ),
]


@functools.cache
def mot_de_passe_demo_hache():
    """The demo password hashed once for every demo account: a hash costs half a second by
    design, and seventy accounts hashed one by one were half of `make run`'s wait."""
    return make_password(DEMO_PASSWORD)


def compte(ctx, email, role, structure, prenom, nom):
    """Get or create a demo account (idempotent) with the demo password."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, role=role, structure=structure, first_name=prenom, last_name=nom)
        user.password = mot_de_passe_demo_hache()
        user.save()
    ctx.data.setdefault("users", {})[email] = user
    return user


def seed(ctx):
    structures = ctx.data["structures"]
    for email, role, structure_nom, prenom, nom, label in COMPTES:
        user = compte(ctx, email, role, structures[structure_nom], prenom, nom)
        ctx.login(label, user)
    admin = User.objects.filter(email="admin@plie-rouen.fr").first()
    if admin is None:
        admin = User.objects.create_superuser(
            "admin@plie-rouen.fr",
            None,
            first_name="Admin",
            last_name="Portail",
            structure=structures["Métropole Rouen Normandie"],
        )
        admin.password = mot_de_passe_demo_hache()
        admin.save(update_fields=["password"])
    ctx.data["users"][admin.email] = admin
    ctx.login("Administrateur (/admin/)", admin)


def seed_double_authentification(ctx):
    """Last seeder: every printed demo account whose role requires the second factor gets the fixed
    demo backup codes, shown next to its login (idempotent: the used codes come back)."""
    enrolled = []
    for index, (label, email, extra) in enumerate(ctx.logins):
        user = User.objects.filter(email=email).first()
        if user is None or not second_factor_required(user):
            continue
        new_backup_codes(user, CODES_SECOURS_DEMO)
        enrolled.append(email)
        mention = f"2e facteur : codes de secours {CODES_SECOURS_DEMO[0]} à {CODES_SECOURS_DEMO[-1]}"
        ctx.logins[index] = (label, email, f"{extra}  {mention}".strip())
    if enrolled:
        ctx.notes.append(
            "Double authentification obligatoire pour la coordination, l'instruction et l'administration "
            f"({', '.join(enrolled)}) : après le mot de passe, saisissez l'un des codes de secours de "
            f"démonstration {', '.join(CODES_SECOURS_DEMO)} (chacun une fois ; relancez seed_demo pour les "
            "rétablir), puis activez une application depuis « Sécurité du compte »."
        )
