"""Calendar periods of TIMEX3 values: weeks, quarters, halves, seasons, and their intervals.

Pure functions of their arguments (the reference date is always passed in):
the ISO week of a day, the period a number of units away from the reference's,
the year whose quarter or season lies nearest the reference date, and turning a
TIMEX3 value into the interval of calendar days it may denote (:func:`interval`).
The month tables of seasons and quarters live here; :mod:`timeline.calendar_math`
reads counts, years, durations and holidays.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .rulebook import Rule, vague_window

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


QUARTER_OF = {"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4, "H1": 1, "H2": 3}


def iso_week(date: dt.date) -> str:
    iso = date.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


#: months in one of each unit counted in months or years
_MONTHS = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}


def day_at(ref: dt.date, unit: str, delta: int) -> dt.date | None:
    """The calendar day ``delta`` units from the reference day (a month's last day when the
    target month is shorter), or None for a unit that is no fixed amount.

    Examples:
        >>> day_at(dt.date(2015, 2, 20), "Y", -1), day_at(dt.date(2025, 3, 31), "M", -1)
        (datetime.date(2014, 2, 20), datetime.date(2025, 2, 28))
        >>> day_at(dt.date(2025, 3, 31), "W", -2), day_at(dt.date(2025, 3, 31), "WE", -1) is None
        (datetime.date(2025, 3, 17), True)
    """
    if unit in ("D", "W"):
        return ref + dt.timedelta(days=delta * (7 if unit == "W" else 1))
    if unit not in _MONTHS:
        return None
    year, month = shift_months(ref.year, ref.month, delta * _MONTHS[unit])
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, month, min(ref.day, calendar.monthrange(year, month)[1]))


def period_at(ref: dt.date, unit: str, delta) -> str | None:
    """The value of the period ``delta`` units away from the reference's period."""
    if unit == "D":
        return (ref + dt.timedelta(days=delta)).isoformat()
    if unit in ("W", "WE"):
        week = iso_week(ref + dt.timedelta(weeks=delta))
        return week + "-WE" if unit == "WE" else week
    if unit == "M":
        year, month = shift_months(ref.year, ref.month, delta)
        return f"{year:04d}-{month:02d}"
    if unit == "Q":
        index = ref.year * 4 + (ref.month - 1) // 3 + delta
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "Y":
        return f"{ref.year + delta:04d}"
    if unit == "DE":
        return f"{ref.year // 10 + delta:03d}"
    if unit == "CE":
        return f"{ref.year // 100 + delta:02d}"
    return None


def nearest_period_year(period: str, ref: dt.date) -> int:
    """The year whose quarter/half/season ``period`` lies nearest the reference date (reports name
    the last completed quarter in any tense, so tense is not used here)."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        first, last, _ = interval("DATE", f"{year}-{period}", None, None)
        distance = (
            0 if first <= ref <= last else min(abs((first - ref).days), abs((last - ref).days))
        )
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1]


_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|(?P<p>Q[1-4]|H[12]|SP|SU|FA|WI)))?"
    r"(?:-WE)?(?:T.*)?"
)


def interval(type_: str, value: str, reference: dt.date | None, rule: Rule):
    """(earliest, latest, precision) of a normalized expression: calendar days, None = open.

    Examples:
        >>> interval("DATE", "2025-02", None, None)
        (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28), 'month')
        >>> interval("DATE", "1989-WXX", None, None)
        (datetime.date(1989, 1, 1), datetime.date(1989, 12, 31), 'year')
    """
    if type_ == "DURATION":
        return None, None, "duration"
    if type_ == "SET":
        return None, None, "set"
    if value.endswith("_REF"):
        name = (rule.options.get("vague") if rule is not None else None) or {
            "PAST_REF": "recent",
            "PRESENT_REF": "present",
            "FUTURE_REF": "future",
        }[value]
        if reference is None:
            return None, None, "vague"
        before, after = vague_window(name)
        return reference - dt.timedelta(days=before), reference + dt.timedelta(days=after), "vague"
    time_part = "T" in value
    match = _VALUE.fullmatch(value)
    if match is None:
        if re.fullmatch(r"\d{3}", value):
            y = int(value) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"
        if re.fullmatch(r"\d{2}", value):
            y = int(value) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century"
        known_year = re.fullmatch(r"(\d{4})-(?:WXX|QX|XX)(?:-XX)?", value)
        if known_year:  # "the week" (1989-WXX): some part of that year
            y = int(known_year.group(1))
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        return None, None, "unknown"
    y, m, d, w, p = match.group("y", "m", "d", "w", "p")
    y = int(y)
    precision = "time" if time_part and type_ == "TIME" else None
    if d:
        day = dt.date(y, int(m), int(d))
        return day, day, precision or "day"
    if m:
        m = int(m)
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month"
    if w:
        monday = dt.date.fromisocalendar(y, int(w), 1)
        if value.endswith("-WE"):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
        return monday, monday + dt.timedelta(days=6), "week"
    if p:
        if p in SEASON_MONTHS:
            first, last = SEASON_MONTHS[p]
            end_y, end_m = (y + 1, last - 12) if last > 12 else (y, last)
            return (
                dt.date(y, first, 1),
                dt.date(end_y, end_m, calendar.monthrange(end_y, end_m)[1]),
                "season",
            )
        if p.startswith("H"):
            first = 1 if p == "H1" else 7
            return dt.date(y, first, 1), dt.date(y, first + 5, 30 if first == 1 else 31), "quarter"
        first = (QUARTER_OF[p] - 1) * 3 + 1
        return (
            dt.date(y, first, 1),
            dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1]),
            "quarter",
        )
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
