"""Views of the participants app, one module per page family."""
