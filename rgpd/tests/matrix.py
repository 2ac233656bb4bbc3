"""Permission matrix of the RGPD app (see tests/test_permission_matrix.py)."""

from tests.matrix import Case, expect

MATRIX = {
    "rgpd:droit_acces": [
        Case(expect(403, coordination=200, admin=200, dpo=200), kwargs=lambda w: {"pk": w.participant.pk}),
        Case(
            expect(403, coordination=200, admin=200, dpo=200),
            kwargs=lambda w: {"pk": w.participant_autre.pk},
            query="?format=json",
            label="json",
        ),
        Case(expect(403, coordination=404, admin=404, dpo=404), kwargs=lambda w: {"pk": 999999}, label="inconnu"),
    ],
}
