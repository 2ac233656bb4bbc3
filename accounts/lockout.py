"""django-axes hooks: the account name that lockouts count by."""


def username_for_lockout(request, credentials):
    """The login email, lower-cased, so that "Ref@…" and "ref@…" count as the same account."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return username.strip().lower() or None
