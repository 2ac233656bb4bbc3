"""The suite's own guard-rails (conftest.py) do what they say."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from territoire.models import Commune


def test_a_query_without_an_order_comes_back_in_random_order(communes):
    with CaptureQueriesContext(connection) as requetes:
        list(Commune.objects.order_by().values_list("code_insee", flat=True))

    assert requetes.captured_queries[-1]["sql"].endswith("ORDER BY RANDOM()")


def test_a_query_with_an_order_keeps_it(communes):
    with CaptureQueriesContext(connection) as requetes:
        list(Commune.objects.order_by("nom").values_list("code_insee", flat=True))

    assert "RANDOM()" not in requetes.captured_queries[-1]["sql"]


def test_a_count_is_left_alone(communes):
    with CaptureQueriesContext(connection) as requetes:
        Commune.objects.order_by().count()

    assert "RANDOM()" not in requetes.captured_queries[-1]["sql"]
