"""Every template of the project compiles (its tag libraries load) and every template it names by a
literal — `{% extends %}`, `{% include %}` — exists: Django looks an included template up only when a
page renders it, so a removed one would otherwise break only the pages that reach it."""

import re

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from tests.test_csp_templates import BASE, TEMPLATES

NOMME = re.compile(r"""{%\s*(?:extends|include)\s+["']([^"']+)["']""")


def nom_de(chemin):
    """The name a template is loaded by: its path below a `templates` folder."""
    parties = chemin.relative_to(BASE).parts
    return "/".join(parties[parties.index("templates") + 1 :])


@pytest.mark.parametrize("chemin", TEMPLATES, ids=lambda p: p.relative_to(BASE).as_posix())
def test_a_template_compiles_and_the_templates_it_names_exist(chemin):
    get_template(nom_de(chemin))
    manquants = []
    for nom in NOMME.findall(chemin.read_text(encoding="utf-8")):
        try:
            get_template(nom)
        except TemplateDoesNotExist:
            manquants.append(nom)
    assert not manquants, f"{nom_de(chemin)} nomme des gabarits absents : {manquants}"


def test_the_check_finds_a_missing_included_template():
    assert NOMME.findall('{% include "includes/absent.html" with x=1 %}') == ["includes/absent.html"]
    with pytest.raises(TemplateDoesNotExist):
        get_template("includes/absent.html")
