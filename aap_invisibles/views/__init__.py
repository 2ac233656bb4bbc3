"""Views of the calls for projects app, by audience: public, accounts, applicant, instruction, calls."""
