"""No form: the outbox is read in the admin and emptied by `relancer_envois`."""
