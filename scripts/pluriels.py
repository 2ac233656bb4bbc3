"""Keep only the plural entries of the French catalogue that `makemessages` wrote, each filled with
its own French forms: the portal's texts are written in French, but without a catalogue entry
Django chooses a plural form by the English rule (0 → plural: « 0 personnes »). French says
« 0 personne » (rule n > 1). Run by `make messages`."""

import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"
ENTETE = """# Pluriels français du Portail PLIE. Les textes sont écrits en français : ce catalogue ne donne
# que les pluriels, pour que 0 et 1 prennent le singulier (règle n > 1). Régénéré par `make messages`
# (scripts/pluriels.py) ; ne pas modifier à la main.
msgid ""
msgstr ""
"Language: fr\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"
"""


def _valeur(bloc, cle):
    return re.search(rf"^{cle} ((?:\".*\"\n?)+)", bloc + "\n", re.M).group(1).rstrip("\n")


def pluriels(texte):
    """The catalogue `texte` reduced to its plural entries, filled with their own forms."""
    entrees = []
    for bloc in texte.split("\n\n")[1:]:
        if "msgid_plural" not in bloc:
            continue
        bloc = bloc.replace("#, fuzzy\n", "")
        bloc = bloc.replace('msgstr[0] ""', "msgstr[0] " + _valeur(bloc, "msgid"), 1)
        bloc = bloc.replace('msgstr[1] ""', "msgstr[1] " + _valeur(bloc, "msgid_plural"), 1)
        entrees.append(bloc.strip("\n"))
    return "\n\n".join([ENTETE.rstrip("\n"), *entrees]) + "\n"


if __name__ == "__main__":
    chemin = Path(sys.argv[1]) if len(sys.argv) > 1 else CATALOGUE
    chemin.write_text(pluriels(chemin.read_text(encoding="utf-8")), encoding="utf-8")
