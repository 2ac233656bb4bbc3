"""A paginator for lists that may hold a million rows (issue 20): it counts exactly up to
`PLAFOND` rows and, beyond, takes PostgreSQL's planner estimate, shown as "environ". Counting a
million rows to print page 1 costs more than the page itself; a user cannot tell 1,000,000 from
999,850 anyway, and the pages keep their exact contents."""

import json
import math

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

PLAFOND = 10_000


def estimation(queryset):
    """The number of rows the planner expects `queryset` to return (PostgreSQL), else None."""
    if connections[queryset.db].vendor != "postgresql":
        return None
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def arrondi(n):
    """An estimate to two significant figures (987,654 → 990,000): it is not exact, it says so."""
    if n < 100:
        return n
    puissance = 10 ** (int(math.log10(n)) - 1)
    return round(n / puissance) * puissance


class PaginateurEstime(Paginator):
    """Exact count up to PLAFOND rows; beyond, the planner's estimate (`estime` is then True)."""

    estime = False

    @cached_property
    def count(self):
        compte = self.object_list.order_by()[: PLAFOND + 1].count()
        if compte <= PLAFOND:
            return compte
        prevu = estimation(self.object_list)
        if prevu is None:
            return self.object_list.count()
        self.estime = True
        return max(arrondi(prevu), compte)
