"""No page of its own: the pending count shows in /healthz, the rows in the admin."""
