"""Every role's pages in a real browser: home, each menu entry, the first record of each list.

A crawl rather than a fixed list, so that the pages of each app are checked as they land: no
CSP violation, no JavaScript error, no WCAG 2.1 A/AA violation found by axe, and nothing to scroll
sideways on a 375 px phone.
"""

import pytest
from playwright.sync_api import Error as PlaywrightError

from accounts import otp
from accounts.tests.factories import PASSWORD

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES_PAR_ROLE = 14


def parcourir(v, base_url):
    """Home, menu entries, then the first link of each list's table: (url, violations) pairs."""
    a_visiter = ["/"]
    v.goto("/")
    a_visiter += [
        href
        for href in v.page.eval_on_selector_all(
            "#menu-principal a.lien-menu", "els => els.map(e => e.getAttribute('href'))"
        )
        if href and href != "/"
    ]
    vus, resultats = set(), []
    while a_visiter and len(vus) < PAGES_PAR_ROLE:
        chemin = a_visiter.pop(0)
        if chemin in vus:
            continue
        vus.add(chemin)
        try:
            response = v.goto(chemin)
        except PlaywrightError as error:
            if "Download is starting" in str(error):  # a file, not a page
                continue
            raise
        assert response.status == 200, f"{chemin} : {response.status}"
        violations = v.axe_violations()
        # The same page on a 375 px phone: nothing to scroll sideways (tables scroll in their box).
        v.page.set_viewport_size({"width": 375, "height": 800})
        if (debord := v.defilement_horizontal()) > 0:
            violations.append(f"à 375 px, la page déborde de {debord} px sur le côté")
        v.page.set_viewport_size(v.viewport)
        resultats.append((chemin, violations))
        premier = v.page.eval_on_selector_all(
            "main table tbody a[href^='/']", "els => els.slice(0, 1).map(e => e.getAttribute('href'))"
        )
        a_visiter += [href for href in premier if href not in vus]
    return resultats


@pytest.mark.parametrize("persona", ["referent", "partenaire", "coordination", "instructeur", "porteur"])
def test_every_page_a_role_reaches_is_accessible(world, visite, persona):
    user = getattr(world, persona)
    if otp.second_factor_required(user):
        otp.new_backup_codes(user, ["navig001"])
    v = visite()
    login(v.page, user.email, PASSWORD)
    if "double-authentification" in v.page.url:
        v.page.get_by_label("Code à usage unique").fill("navig001")
        v.page.get_by_role("button", name="Vérifier").click()
        v.page.wait_for_load_state()
    resultats = parcourir(v, v.base_url)
    assert len(resultats) >= 2
    echecs = [f"{chemin} :\n  " + "\n  ".join(violations) for chemin, violations in resultats if violations]
    assert not echecs, "\n".join(echecs)
