"""Views of the parcours app, one module per page family."""
