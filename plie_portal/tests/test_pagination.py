"""The pagination of every list: page numbers around the current one, the first and the last,
Précédente / Suivante, the filters kept."""

from django.core.paginator import Paginator
from django.template import RequestContext, Template
from django.test import RequestFactory

GABARIT = Template('{% include "includes/pagination.html" %}')


def rendre(numero, pages=20, query="?q=dupont"):
    page_obj = Paginator(range(pages * 10), 10).page(numero)
    return GABARIT.render(RequestContext(RequestFactory().get("/liste/" + query), {"page_obj": page_obj}))


def test_the_current_page_is_marked_and_its_neighbours_first_and_last_are_links():
    html = rendre(10)

    assert 'aria-current="page"' in html
    for numero in (1, 8, 9, 11, 12, 20):
        assert f'?q=dupont&amp;page={numero}"' in html, numero
    assert 'page=5"' not in html and "…" in html


def test_the_first_page_has_no_previous_link_and_the_last_no_next():
    assert "Précédente" not in rendre(1) and "Suivante" in rendre(1)
    assert "Suivante" not in rendre(20) and "Précédente" in rendre(20)


def test_a_single_page_shows_no_pagination():
    assert rendre(1, pages=1).strip() == ""
