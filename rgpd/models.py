"""No model of its own: the RGPD app works on the records of the other apps (participants,
parcours, AAP, reports) and on the access log of `accounts`."""
