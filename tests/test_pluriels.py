"""French plurals: 0 and 1 take the singular (« 0 personne trouvée »), by the catalogue that
`make messages` keeps (locale/fr: the plural entries only, the texts being written in French)."""

import gettext
import re

from django.conf import settings
from django.utils.translation import ngettext, override

CATALOGUE = settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES"


def test_zero_takes_the_singular_as_in_french():
    with override("fr"):
        assert ngettext("%(n)d envoi publié", "%(n)d envois publiés", 0) % {"n": 0} == "0 envoi publié"
        assert ngettext("%(n)d envoi publié", "%(n)d envois publiés", 2) % {"n": 2} == "2 envois publiés"


def test_the_compiled_catalogue_holds_every_entry_of_its_source():
    source = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    attendus = set()
    for bloc in source.split("\n\n")[1:]:
        singulier = bloc[bloc.index("msgid ") : bloc.index("msgid_plural")]
        attendus.add("".join(re.findall(r'"(.*)"', singulier)))
    with open(CATALOGUE / "django.mo", "rb") as fichier:
        compiles = {cle[0] for cle in gettext.GNUTranslations(fichier)._catalog if isinstance(cle, tuple)}

    assert attendus and attendus == compiles


def test_a_search_with_no_result_says_it_in_the_singular(world, client_of):
    page = client_of(world.dpo).get("/", {"nom": "Personne-introuvable"}).content.decode()

    assert "0 personne trouvée" in page
