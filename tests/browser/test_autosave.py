"""static/js/autosave.js: a form with data-autosave-url posts its data when changed and says so."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title>
<script src="/static/js/autosave.js" defer></script></head><body><main>
<form method="post" data-autosave-url="/essai-autosave/enregistrer/">
<input type="hidden" name="csrfmiddlewaretoken" value="jeton-csrf">
<label for="titre">Titre</label><input id="titre" name="titre" value="">
<p data-autosave-statut></p></form></main></body></html>"""


def test_a_changed_form_is_saved_and_the_time_announced(visite):
    v = visite()
    page = v.page
    recus = []
    page.route("**/essai-autosave/", lambda route: route.fulfill(status=200, content_type="text/html", body=PAGE))

    def enregistrer(route):
        recus.append((route.request.method, route.request.headers.get("x-csrftoken"), route.request.post_data))
        route.fulfill(status=204)

    page.route("**/essai-autosave/enregistrer/", enregistrer)
    page.goto("/essai-autosave/")
    statut = page.locator("[data-autosave-statut]")
    assert statut.get_attribute("aria-live") == "polite"
    page.locator("#titre").fill("Projet Invisibles")
    page.locator("#titre").dispatch_event("change")
    page.wait_for_function("document.querySelector('[data-autosave-statut]').textContent !== ''")
    assert statut.inner_text().startswith("Brouillon enregistré à ")
    assert recus == [("POST", "jeton-csrf", "csrfmiddlewaretoken=jeton-csrf&titre=Projet+Invisibles")]
    # Unchanged since: nothing more is posted.
    page.locator("#titre").dispatch_event("change")
    page.wait_for_timeout(1000)
    assert len(recus) == 1


def test_a_failed_save_is_announced(visite):
    v = visite()
    page = v.page
    page.route("**/essai-autosave/", lambda route: route.fulfill(status=200, content_type="text/html", body=PAGE))
    page.route("**/essai-autosave/enregistrer/", lambda route: route.fulfill(status=400))
    page.goto("/essai-autosave/")
    page.locator("#titre").fill("x")
    page.locator("#titre").dispatch_event("change")
    page.wait_for_function("document.querySelector('[data-autosave-statut]').textContent !== ''")
    assert "a échoué" in page.locator("[data-autosave-statut]").inner_text()
