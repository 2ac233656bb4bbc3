"""Background jobs of the accounts app: none today (the RGPD purge lives in `rgpd.tasks`)."""
