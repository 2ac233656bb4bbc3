from tests.matrix import Case, expect

MATRIX = {
    "accounts:login": [Case(expect(302, anonyme=200), label="déjà connecté : redirigé")],
    "accounts:logout": [Case(expect(405), label="GET refusé")],
    "accounts:password_change": [Case(expect(200))],
    "accounts:password_change_done": [Case(expect(200))],
    "accounts:password_reset": [Case(expect(200, anonyme=200))],
    "accounts:password_reset_done": [Case(expect(200, anonyme=200))],
    "accounts:password_reset_confirm": [
        Case(expect(200, anonyme=200), kwargs=lambda w: {"uidb64": "MQ", "token": "jeton-invalide"})
    ],
    "accounts:password_reset_complete": [Case(expect(200, anonyme=200))],
    "accounts:otp_verification": [
        Case(expect(302, referent=302, referent_autre=302, partenaire=302, porteur=302), label="vérifié : redirigé")
    ],
    "accounts:otp_enrolement": [Case(expect(200), label="nouvel appareil")],
    "accounts:securite": [Case(expect(200))],
    "accounts:otp_codes_secours": [
        Case(expect(200, referent=403, referent_autre=403, partenaire=403, porteur=403, expert=403), method="post")
    ],
    "accounts:otp_desactiver": [
        Case(expect(302, dpo=403, coordination=403, instructeur=403, admin=403), method="post")
    ],
    "accounts:session_prolonger": [Case(expect(200), method="post")],
    "donnees_personnelles": [Case(expect(200, anonyme=200))],
    "accessibilite": [Case(expect(200, anonyme=200))],
    "mentions_legales": [Case(expect(200, anonyme=200))],
    "accounts:acces": [Case(expect(403, coordination=200, admin=200, dpo=200))],
}

MATRIX.update(
    {
        "accounts:jetons": [Case(expect(200))],
        "accounts:jeton_creer": [
            Case(
                expect(403, coordination=302, referent=302, referent_autre=302, partenaire=302, admin=302),
                kwargs=lambda w: {"usage": "api"},
                method="post",
                data=lambda w: {"api-nom": "Script", "api-duree": "30"},
            ),
            Case(
                expect(403, coordination=302, referent=302, referent_autre=302, instructeur=302, admin=302),
                kwargs=lambda w: {"usage": "agenda"},
                method="post",
                data=lambda w: {"agenda-nom": "Agenda", "agenda-duree": "365"},
                label="agenda",
            ),
        ],
        "accounts:jeton_revoquer": [
            Case(expect(404, referent=302), kwargs=lambda w: {"pk": w.jeton_referent.pk}, method="post")
        ],
        "accounts:agenda": [
            Case(expect(404, anonyme=404), kwargs=lambda w: {"secret": "plie_inconnu"}, label="adresse inconnue"),
            Case(expect(200, anonyme=200), kwargs=lambda w: {"secret": w.agenda_referent}, label="adresse du référent"),
        ],
    }
)

# Without a configured provider (the suite's default), the OpenID Connect pages do not exist.
MATRIX.update(
    {
        "accounts:oidc_connexion": [Case(expect(404, anonyme=404), label="sans fournisseur configuré")],
        "accounts:oidc_retour": [Case(expect(404, anonyme=404), label="sans fournisseur configuré")],
    }
)
