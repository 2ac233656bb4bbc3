"""Declarations of the permission matrix (see tests/test_permission_matrix.py).

Each app lists its URLs in `<app>/tests/matrix.py` as `MATRIX = {url_name: [Case, ...]}`.
A Case gives the URL's arguments (built from the world) and the expected status per persona:
200, 403 (page kind the role never uses), 404 (object outside the scope), 405, or LOGIN
(redirect to the login page).
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

LOGIN = "login"
ALL_LOGGED = [
    "coordination",
    "referent",
    "referent_autre",
    "partenaire",
    "instructeur",
    "porteur",
    "dpo",
    "expert",
    "admin",
]


@dataclass
class Case:
    expect: dict
    kwargs: object = None  # callable(world) -> dict of URL kwargs
    label: str = ""
    method: str = "get"
    data: object = None  # callable(world) -> dict of POST data
    query: str = ""
    extra: dict = field(default_factory=dict)
    # Sent with each persona's API token (`Authorization: Bearer`, world.jetons_api), not only its session.
    jeton: bool = False


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


class _Controles(HTMLParser):
    """Form controls of a page, each with whether a label names it (for=, wrapping, aria-*)."""

    SANS_LABEL = {"hidden", "submit", "button", "reset", "image"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pour, self.controles, self.dans_label = set(), [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.dans_label += 1
            if attrs.get("for"):
                self.pour.add(attrs["for"])
        elif tag in ("input", "select", "textarea") and attrs.get("type") not in self.SANS_LABEL:
            nomme = self.dans_label > 0 or bool(attrs.get("aria-label") or attrs.get("aria-labelledby"))
            self.controles.append((attrs, nomme))

    def handle_endtag(self, tag):
        if tag == "label" and self.dans_label:
            self.dans_label -= 1


def controles_sans_label(page):
    """The form controls of a page that no label names (RGAA 11.1): a short description of each."""
    parser = _Controles()
    parser.feed(page)
    return [
        " ".join(f'{k}="{v}"' for k, v in attrs.items() if k in ("name", "id", "type"))
        for attrs, nomme in parser.controles
        if not nomme and attrs.get("id") not in parser.pour
    ]


def ids_en_double(page):
    """The ids a page gives to more than one element (a label would point at another field)."""
    import re
    from collections import Counter

    return sorted(i for i, n in Counter(re.findall(r'\sid="([^"]+)"', page)).items() if n > 1)
