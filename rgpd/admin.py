"""Nothing to administer: retention runs daily (tasks) or by `purge_expired`."""
