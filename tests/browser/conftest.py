"""Browser tests: headless system Chromium driven by Playwright, axe-core on every page.

Skipped (with the reason) when /usr/bin/chromium is absent, so that `make test` runs anywhere;
`.ci/browser_setup.sh` installs it. No browser is ever downloaded.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("PLIE_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The complete journeys at a desktop width and at a phone's. The layout does not depend on the
# database: the phone variant runs in the SQLite pass of the CI only, which keeps it under 25 min.
LARGEURS_PARCOURS = [
    pytest.param(1366, id="bureau"),
    pytest.param(
        375,
        id="telephone",
        marks=pytest.mark.skipif(
            os.environ.get("DATABASE_URL", "").startswith("postgres"),
            reason="mise en page à 375 px vérifiée dans la passe SQLite (elle ne dépend pas de la base)",
        ),
    ),
]
# WCAG 2.1 A and AA, the level the RGAA transposes.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason=f"Chromium absent ({CHROMIUM}) : lancer .ci/browser_setup.sh"))


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop in this thread: Django's ORM, called by the test
    # itself between two browser steps, must be allowed to run there — only while Playwright runs
    # (the variable must not leak into other tests: `check --deploy` rejects it).
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, with a MEDIA_URL: its media handler cannot start without one.

    The portal itself has none (files are only downloaded through views that check access).
    """
    from django.conf import settings
    from pytest_django.live_server_helper import LiveServer

    media_url = settings.MEDIA_URL
    settings.MEDIA_URL = "/fichiers-de-test/"
    server = LiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
    yield server
    server.stop()
    settings.MEDIA_URL = media_url


@pytest.fixture
def http_live_server(settings, live_server, communes):
    """The live server speaks plain HTTP: cookies must not be Secure there."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    return live_server


class Visite:
    """A browsing session: a page with the portal's CSP enforced, plus axe checks in a twin context."""

    def __init__(self, browser, base_url, largeur=1366):
        self.browser = browser
        self.base_url = base_url
        # A desktop screen by default (the testers' 1,366 px), or a phone's 375 px.
        self.viewport = {"width": largeur, "height": 800}
        self.context = browser.new_context(base_url=base_url, locale="fr-FR", viewport=self.viewport)
        self.page = self.context.new_page()
        self.csp_errors = []
        self.page.on(
            "console",
            lambda msg: self.csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None,
        )
        self.page.on("pageerror", lambda error: self.csp_errors.append(f"erreur JavaScript : {error}"))
        # data-confirm asks with window.confirm: the person confirms.
        self.page.on("dialog", lambda dialog: dialog.accept())
        self.axe_pages = []
        self.twin = None

    def goto(self, path):
        response = self.page.goto(path)
        return response

    def axe(self, url=None):
        """Run axe on the current page (re-opened by GET in a context allowed to inject axe)."""
        violations = self.axe_violations(url)
        assert not violations, f"axe sur {url or self.page.url} :\n" + "\n".join(violations)

    def axe_violations(self, url=None):
        """The WCAG 2.1 A/AA violations axe finds on a page, one readable line each."""
        self.assert_no_csp_error()
        if self.twin is None:
            # One twin per visit, given the visit's cookies before each check (who is logged in).
            self.twin = self.browser.new_context(
                base_url=self.base_url, bypass_csp=True, locale="fr-FR", viewport=self.viewport
            )
            self.twin_page = self.twin.new_page()
        self.twin.clear_cookies()
        self.twin.add_cookies(self.context.cookies())
        page = self.twin_page
        page.goto(url or self.page.url)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            # Only violations are read: axe then skips aggregating passes and inapplicable rules,
            # which is most of its time on a long page.
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS,
        )
        self.axe_pages.append(url or self.page.url)
        return [
            f"{v['id']} ({v['impact']}) : {v['help']} → {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]
        ]

    def defilement_horizontal(self):
        """How many pixels the page is wider than the window (0: nothing to scroll sideways)."""
        return self.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")

    def dans_la_fenetre(self, locator):
        """Whether the element is wholly within the window's width (reachable without scrolling sideways)."""
        boite = locator.bounding_box()
        return boite is not None and boite["x"] >= 0 and boite["x"] + boite["width"] <= self.viewport["width"]

    def assert_no_csp_error(self):
        assert not self.csp_errors, self.csp_errors

    def close(self):
        if self.twin is not None:
            self.twin.close()
        self.context.close()


@pytest.fixture
def visite(browser, http_live_server):
    visites = []

    def ouvrir(largeur=1366):
        v = Visite(browser, http_live_server.url, largeur)
        visites.append(v)
        return v

    yield ouvrir
    for v in visites:
        v.close()


def totp_code(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def login(page, email, password):
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Se connecter").click()
