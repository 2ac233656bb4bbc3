"""No page of its own: the communes appear in the forms and filters of the domains that use them."""
