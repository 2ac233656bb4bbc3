"""Strict CSP: no template of the project may carry inline script, inline style or event handler.

django-csp sends `script-src 'self'; style-src 'self'` without 'unsafe-inline': anything inline
would be blocked by the browser and break the page silently. This test fails as soon as one appears.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
EXCLUDED_PARTS = {".venv", "node_modules", "staticfiles", "media", ".git"}

# <script> with a body (a src-only tag is fine); JSON data islands (type="application/json") are data, not code.
SCRIPT_TAG = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*["']""", re.IGNORECASE)
STYLE_TAG = re.compile(r"<style\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"""<[a-z][^>]*?\son[a-z]+\s*=\s*["']""", re.IGNORECASE | re.DOTALL)
HX_ON = re.compile(r"""\s(data-)?hx-on[:\-\w]*\s*=""", re.IGNORECASE)
JS_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)
# The inside of template tags is not HTML: {% querystring onglet='x' %} is no event handler.
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.DOTALL)


# E-mails are read by mail software, which ignores style sheets and no CSP governs: their
# styles are inline by necessity.
COURRIELS = Path("templates") / "courriels"


def project_templates():
    for path in sorted(BASE.rglob("*.html")):
        relative = path.relative_to(BASE)
        parts = set(relative.parts)
        if parts & EXCLUDED_PARTS or "vendor" in parts or relative.is_relative_to(COURRIELS):
            continue
        yield path


def inline_violations(text):
    """The CSP-breaking constructs found in a template's text."""
    found = []
    html = TEMPLATE_TAG.sub(" ", text)
    for match in SCRIPT_TAG.finditer(text):
        attrs, body = match.group("attrs"), match.group("body")
        if body.strip() and "application/json" not in attrs.lower():
            found.append(f"script en ligne : {match.group(0)[:80]!r}")
    for pattern, label, cible in (
        (STYLE_ATTR, "attribut style=", text),
        (STYLE_TAG, "balise <style>", text),
        (EVENT_HANDLER, "gestionnaire on*=", html),
        (HX_ON, "hx-on", html),
        (JS_URL, "URL javascript:", text),
    ):
        for match in pattern.finditer(cible):
            found.append(f"{label} : {match.group(0)[:80]!r}")
    return found


TEMPLATES = list(project_templates())


def test_the_scan_finds_the_project_templates():
    names = {p.relative_to(BASE).as_posix() for p in TEMPLATES}
    assert "templates/base.html" in names
    assert "templates/registration/login.html" in names


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(BASE).as_posix())
def test_no_template_has_inline_script_style_or_handler(path):
    violations = inline_violations(path.read_text(encoding="utf-8"))
    assert not violations, f"{path.relative_to(BASE)} : {violations}"


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<div style="color:red">',
        "<style>p{}</style>",
        '<button onclick="go()">',
        '<a href="javascript:void(0)">',
        '<div hx-on:click="x">',
        '<div hx-on::after-request="x">',
        '<form\n  class="x"\n  onsubmit="return false">',
        '<button {% if a %}class="b"{% endif %} onclick="{{ code }}">',
    ],
)
def test_the_scan_catches_each_kind_of_inline_code(snippet):
    assert inline_violations(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="/static/js/portail.js" defer></script>',
        '<script type="application/json" id="donnees">{"a": 1}</script>',
        '<input data-confirm="Supprimer ?" name="online">',
        '<p class="styled">',
        """<a class="nav-link" href="{% querystring onglet='tout' page=None %}">""",
    ],
)
def test_the_scan_accepts_what_the_csp_allows(snippet):
    assert not inline_violations(snippet)


def test_the_csp_setting_never_allows_unsafe_inline_or_eval():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for name, sources in directives.items():
        for source in sources:
            assert "unsafe" not in str(source), f"{name} autorise {source}"
