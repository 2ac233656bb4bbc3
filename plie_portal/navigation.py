"""Main navigation by role. An entry whose URL does not exist yet is skipped."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

COORD, REF, PART, INSTR, PORT, DPO = "coordination", "referent", "partenaire", "instructeur", "porteur", "dpo"

# (label, URL name, roles that see it)
MENU = [
    (_("Accueil"), "home", {COORD, REF, PART, INSTR, PORT}),
    (_("Demandes des personnes"), "home", {DPO}),
    (_("Participants"), "participants:liste", {COORD, REF, PART}),
    (_("Commission d'entrée"), "parcours:commission_liste", {COORD}),
    (_("Indicateurs FSE+"), "parcours:indicateurs", {COORD}),
    (_("Partenaires"), "partners:liste", {COORD, REF, PART, INSTR}),
    (_("Instruction AAP"), "aap_invisibles:instruction", {COORD, INSTR}),
    (_("Appels à projets"), "aap_invisibles:liste", {PORT}),
    (_("Rapports"), "reports:liste", {COORD, REF, PART, INSTR, PORT, DPO}),
    (_("Journal des accès"), "accounts:acces", {COORD, DPO}),
]


def menu_for(role, current_path):
    """The menu entries of a role, with the one matching the current page marked active."""
    entries = []
    for label, name, roles in MENU:
        if role not in roles:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        active = current_path == url if url == "/" else current_path.startswith(url)
        entries.append({"label": label, "url": url, "active": active})
    return entries
