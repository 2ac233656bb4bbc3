"""Notification pages × personas (see tests/test_permission_matrix.py)."""

from tests.matrix import Case, expect

MATRIX = {
    "notifications:liste": [Case(expect(200))],
    "notifications:preferences": [Case(expect(200))],
    "notifications:tout_marquer_lu": [
        Case(expect(405), label="GET refusé"),
        Case(expect(302), method="post", label="POST"),
    ],
    "notifications:marquer_lue": [
        Case(expect(404, referent=302), kwargs=lambda w: {"pk": w.notification.pk}, method="post"),
    ],
}
