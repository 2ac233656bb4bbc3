"""What the test provider says of its users, as ProConnect would."""


def niveau_d_authentification(id_token, user, token, request, **kwargs):
    """Two factors (acr eidas2, amr pwd+mfa) for the `mfa.…` accounts, one (eidas1, pwd) otherwise."""
    deux = user.username.startswith("mfa.")
    id_token["acr"] = "eidas2" if deux else "eidas1"
    id_token["amr"] = ["pwd", "mfa"] if deux else ["pwd"]
    return id_token


def informations(claims, user):
    """The e-mail the portal matches its accounts by: the provider's `mfa.` prefix removed."""
    claims["email"] = user.email
    claims["email_verified"] = True
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    return claims
