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
}
