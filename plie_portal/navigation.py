"""Main navigation by role. An entry whose URL does not exist yet is skipped."""

from functools import lru_cache

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

COORD, REF, PART, INSTR, PORT, DPO = "coordination", "referent", "partenaire", "instructeur", "porteur", "dpo"
EXPERT = "expert"

PLIE, PILOTAGE = _("Le PLIE"), _("Pilotage")

# (label, URL name, roles that see it, group): a group gathers its entries under one drop-down
# menu when a role sees two of them or more, so that the coordination's menu holds on one line.
MENU = [
    (_("Accueil"), "home", {COORD, REF, PART, INSTR, PORT}, None),
    (_("Demandes des personnes"), "home", {DPO}, None),
    (_("Avis demandés"), "home", {EXPERT}, None),
    (_("Participants"), "participants:liste", {COORD, REF, PART}, PLIE),
    (_("Commission d'entrée"), "parcours:commission_liste", {COORD}, PLIE),
    (_("Indicateurs FSE+"), "parcours:indicateurs", {COORD}, PLIE),
    (_("Opérations FSE+"), "parcours:operations", {COORD}, PLIE),
    (_("Ateliers"), "parcours:ateliers", {COORD, REF, PART}, None),
    (_("Partenaires"), "partners:liste", {COORD, REF, PART, INSTR}, None),
    (_("Instruction AAP"), "aap_invisibles:instruction", {COORD, INSTR}, None),
    (_("Appels à projets"), "aap_invisibles:liste", {PORT}, None),
    (_("Rapports"), "reports:liste", {COORD, REF, PART, INSTR, PORT, DPO}, PILOTAGE),
    (_("Journal des accès"), "accounts:acces", {COORD, DPO}, PILOTAGE),
]


@lru_cache(maxsize=256)
def _adresse(nom, prefixe, urlconf):
    """The URL of a menu entry, computed once per deployment prefix and URLconf: a dozen `reverse`
    calls on every page otherwise. None when the URL does not exist."""
    try:
        return reverse(nom, urlconf=urlconf)
    except NoReverseMatch:
        return None


def menu_for(role, current_path):
    """The menu of a role: entries ({label, url, active}) and groups ({label, active, entries}),
    with the one matching the current page marked active."""
    entries = []
    for label, name, roles, groupe in MENU:
        if role not in roles:
            continue
        url = _adresse(name, get_script_prefix(), get_urlconf())
        if url is None:
            continue
        active = current_path == url if url == "/" else current_path.startswith(url)
        entries.append({"label": label, "url": url, "active": active, "groupe": groupe})
    taille = {}
    for entry in entries:
        taille[entry["groupe"]] = taille.get(entry["groupe"], 0) + 1
    menu, groupes = [], {}
    for entry in entries:
        groupe = entry.pop("groupe")
        if groupe is None or taille[groupe] < 2:
            menu.append(entry)
        elif groupe in groupes:
            groupes[groupe]["entries"].append(entry)
            groupes[groupe]["active"] |= entry["active"]
        else:
            groupes[groupe] = {"label": groupe, "active": entry["active"], "entries": [entry]}
            menu.append(groupes[groupe])
    return menu
