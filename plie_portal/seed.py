"""Framework of `seed_demo`: each app contributes a `seed(ctx)` function, run in order."""

import random
from dataclasses import dataclass, field

from django.utils.module_loading import import_string

DEMO_PASSWORD = "Demo-PLIE-Rouen-2026"

# Order matters: structures before users, users before participants and dossiers.
SEEDERS = [
    "partners.seed.seed",
    "accounts.seed.seed",
    "partners.seed.seed_utilisateurs",
    "parcours.seed.seed",
    "participants.seed.seed",
    "aap_invisibles.seed.seed",
    "reports.seed.seed",
    # Last: the demo accounts needing a second factor get fixed backup codes (accounts/seed.py).
    "accounts.seed.seed_double_authentification",
]


@dataclass
class DemoContext:
    """What the seeders share: options, a seeded random generator, and the logins to print."""

    # The Métropole's real scale: about 2,400 people accompanied in the current year.
    participants: int = 3000
    seed: int = 2026
    stdout: object = None
    rng: random.Random = field(init=False)
    logins: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    data: dict = field(default_factory=dict)

    def __post_init__(self):
        self.rng = random.Random(self.seed)

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def login(self, role_label, user, extra=""):
        self.logins.append((role_label, user.email, extra))


def run_seeders(ctx):
    # A seeder that cannot be imported is a broken app: fail loudly rather than seed half a demo.
    for path in SEEDERS:
        import_string(path)(ctx)
    return ctx
