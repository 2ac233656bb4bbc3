"""A NUL character in a parameter never reaches the database (PostgreSQL answered 500)."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("persona", "page"),
    [
        ("coordination", "participants:liste"),
        ("instructeur", "aap_invisibles:instruction"),
        ("partenaire", "home"),
        ("coordination", "accounts:acces"),
    ],
)
def test_a_nul_character_in_a_search_is_removed_and_the_page_answers(world, client_of, persona, page):
    reponse = client_of(getattr(world, persona)).get(reverse(page) + "?q=Lef%00%C3%A8vre&commune=%00")

    assert reponse.status_code == 200
    assert "\x00" not in reponse.wsgi_request.GET["q"] and reponse.wsgi_request.GET["q"] == "Lefèvre"
