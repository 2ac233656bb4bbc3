"""Declarations of the permission matrix (see tests/test_permission_matrix.py).

Each app lists its URLs in `<app>/tests/matrix.py` as `MATRIX = {url_name: [Case, ...]}`.
A Case gives the URL's arguments (built from the world) and the expected status per persona:
200, 403 (page kind the role never uses), 404 (object outside the scope), 405, or LOGIN
(redirect to the login page).
"""

from dataclasses import dataclass, field

LOGIN = "login"
ALL_LOGGED = ["coordination", "referent", "referent_autre", "partenaire", "instructeur", "porteur", "dpo", "admin"]


@dataclass
class Case:
    expect: dict
    kwargs: object = None  # callable(world) -> dict of URL kwargs
    label: str = ""
    method: str = "get"
    data: object = None  # callable(world) -> dict of POST data
    query: str = ""
    extra: dict = field(default_factory=dict)


def expect(default=None, **overrides):
    """Expected statuses: `default` for every logged-in persona unless overridden; anonymous
    visitors are sent to the login page unless `anonyme=` says otherwise."""
    result = {"anonyme": LOGIN}
    for persona in ALL_LOGGED:
        result[persona] = default
    result.update(overrides)
    missing = [p for p, v in result.items() if v is None]
    if missing:
        raise ValueError(f"statut attendu manquant pour {missing}")
    return result


def ids_en_double(page):
    """The ids a page gives to more than one element (a label would point at another field)."""
    import re
    from collections import Counter

    return sorted(i for i, n in Counter(re.findall(r'\sid="([^"]+)"', page)).items() if n > 1)
