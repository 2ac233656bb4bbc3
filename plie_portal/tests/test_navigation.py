"""The main menu by role: groups gather entries so that the coordination's menu holds on one line."""

from plie_portal.navigation import menu_for


def test_the_coordination_menu_groups_its_entries_into_six_at_most():
    menu = menu_for("coordination", "/")

    assert len(menu) <= 6
    assert [e["label"] for e in menu[1]["entries"]] == [
        "Participants",
        "Commission d'entrée",
        "Indicateurs FSE+",
        "Opérations FSE+",
    ]


def test_a_group_holding_one_entry_for_a_role_is_shown_as_that_entry():
    menu = menu_for("referent", "/")

    assert all("entries" not in entry for entry in menu)
    assert "Participants" in [entry["label"] for entry in menu]


def test_a_group_is_active_when_one_of_its_pages_is():
    menu = menu_for("coordination", "/parcours/indicateurs/")
    groupe = next(e for e in menu if e.get("entries") and e["label"] == "Le PLIE")

    assert groupe["active"]
