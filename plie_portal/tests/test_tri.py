"""`{% th_tri %}`: the header of a sortable column, its state read out and its link."""

from django.template import RequestContext, Template
from django.test import RequestFactory


def entete(tri, cle="nom", libelle="Nom", requete="/participants/?commune=76540&page=3"):
    contexte = RequestContext(RequestFactory().get(requete), {"tri": tri, "libelle": libelle})
    return Template('{% load tri %}{% th_tri "' + cle + '" libelle %}').render(contexte)


def test_the_current_sort_is_ascending_and_its_link_sorts_the_other_way():
    html = entete("nom")

    assert 'aria-sort="ascending"' in html
    assert 'href="?commune=76540&amp;tri=-nom"' in html
    assert '<span aria-hidden="true">▲</span>' in html


def test_a_descending_sort_links_back_to_ascending():
    html = entete("-nom")

    assert 'aria-sort="descending"' in html and "tri=nom" in html and "▼" in html


def test_another_column_is_unsorted_and_its_link_leaves_the_page_number_out():
    html = entete("commune")

    assert 'aria-sort="none"' in html and "page=" not in html and "▲" not in html


def test_the_label_of_a_column_is_escaped():
    assert "&lt;b&gt;" in entete("nom", libelle="<b>")
