"""A paginator for lists that may hold a million rows (issue 20): it counts exactly up to
`PLAFOND` rows and, beyond, takes PostgreSQL's planner estimate, shown as "environ". Counting a
million rows to print page 1 costs more than the page itself; a user cannot tell 1,000,000 from
999,850 anyway, and the pages keep their exact contents."""

import json
import math

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.utils.functional import cached_property

PLAFOND = 10_000
# The largest OFFSET the databases take (a signed 64-bit integer): a page number typed past it is no
# page of any list, refused before the query fails.
DECALAGE_MAX = 2**63 - 1


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


class PageEstimee(Page):
    """A page of an estimated list: whether another page follows is read in the rows themselves,
    never derived from the estimate (which may be below the truth)."""

    def __init__(self, object_list, number, paginator, suivante):
        super().__init__(object_list, number, paginator)
        self.suivante = suivante

    def has_next(self):
        return self.suivante

    def next_page_number(self):
        return self.number + 1


class PaginateurEstime(Paginator):
    """Exact count up to PLAFOND rows; beyond, the planner's estimate (`estime` is then True).
    An estimate only sizes the page links: each page holds its full rows and leads to the next."""

    estime = False

    def validate_number(self, number):
        if not (self.count and self.estime):
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from exc
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number  # past the estimated last page, page() finds out whether rows remain

    def page(self, number):
        number = self.validate_number(number)
        if not self.estime:
            return super().page(number)
        # One row more than the page says whether another follows; the slice is never cut at
        # the estimate (stale statistics would otherwise shorten pages and hide the last ones).
        debut = (number - 1) * self.per_page
        if debut + self.per_page + 1 > DECALAGE_MAX:
            raise EmptyPage(self.error_messages["no_results"])
        lignes = list(self.object_list[debut : debut + self.per_page + 1])
        if lignes:
            return PageEstimee(lignes[: self.per_page], number, self, suivante=len(lignes) > self.per_page)
        if number > self.num_pages:
            raise EmptyPage(self.error_messages["no_results"])
        # An estimate above the truth (or rounded up) showed a page past the rows, the last one at
        # least: counted exactly this once, the list serves its real last page instead of a 404.
        self._compter_exactement()
        return super().page(self.num_pages)

    def _compter_exactement(self):
        self.__dict__["count"] = self.object_list.count()
        self.__dict__.pop("num_pages", None)
        self.estime = False

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
