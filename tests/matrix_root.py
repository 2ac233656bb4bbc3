from tests.matrix import Case, expect

MATRIX = {
    "home": [Case(expect(200))],
    "healthz": [Case(expect(200, anonyme=200))],
}
