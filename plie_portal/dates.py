"""Calendar helpers for the domain rules (FSE+ long-term unemployment, alerts)."""

import calendar
from datetime import date


def months_before(day, months):
    """The same calendar day `months` months before `day`; the month's last day when it does not exist.

    Works on dates and datetimes alike (the time of day is kept)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def months_after(day, months):
    """The same calendar day `months` months after `day`; the month's last day when it does not exist."""
    return months_before(day, -months)


def latest_day_months_before(day, months):
    """The latest day d with months_after(d, months) <= day: the bound of "at least `months`
    months ago" for a query, agreeing with months_after at month ends (31 August + 6 months is
    28 February, so on 28 February every exit up to 31 August is due)."""
    bound = months_before(day, months)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        bound = bound.replace(day=calendar.monthrange(bound.year, bound.month)[1])
    return bound


def age_on(birth_date, day):
    """Age in full years on `day` (a birthday on that day counts)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def date_longue(day):
    """A date written out the French way: "1er août 2026", "14 juillet 2026"."""
    return f"{'1er' if day.day == 1 else day.day} {MOIS[day.month - 1]} {day.year}"


def date_heure_longue(moment):
    """A date-time in Paris time, written out: "1er décembre 2026 à 14:30"."""
    from django.utils import timezone

    moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return f"{date_longue(moment.date())} à {moment:%H:%M}"


# Abbreviated months that never collide ("juin" and "juil.", not "Jui" twice).
MOIS_ABREGES = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def mois_abrege(day):
    """The month of `day`, abbreviated: "juil. 2026"."""
    return f"{MOIS_ABREGES[day.month - 1]} {day.year}"


def mois_de_la_periode(debut, fin):
    """The first days of the months between `debut` and `fin`."""
    mois = []
    courant = date(debut.year, debut.month, 1)
    while courant <= fin:
        mois.append(courant)
        courant = date(courant.year + (courant.month == 12), courant.month % 12 + 1, 1)
    return mois
