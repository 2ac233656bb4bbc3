"""Collective sessions (issue 17): pages, forms; the models live in parcours/models/ateliers.py."""
