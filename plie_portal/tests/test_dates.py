"""Calendar helpers: the bound of "at least N months ago" agrees with months_after day for day."""

import datetime

from plie_portal.dates import latest_day_months_before, months_after


def test_the_bound_of_six_months_ago_agrees_with_months_after_on_every_day_of_two_years():
    premier = datetime.date(2026, 1, 1)
    jours = [premier + datetime.timedelta(days=n) for n in range(731)]
    for jour in jours:
        borne = latest_day_months_before(jour, 6)
        assert months_after(borne, 6) <= jour < months_after(borne + datetime.timedelta(days=1), 6), jour
