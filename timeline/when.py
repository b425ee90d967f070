"""When an event happened, in words a reader takes in at a glance ("1 Feb", "25-28 Feb",
"by 28 Feb").

The proven bounds ``[earliest, latest]`` are inclusive calendar days; an open side is None
or NaT. The year is written only when it differs from the publication year (or when there
is no publication date), so a chronology of one story reads short. A most-likely interval,
when one is given and it is narrower than the proven one, is said first and labelled as
an estimate: "probably 27-28 Feb (certainly by 28 Feb)".
"""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd

_MONTHS = tuple(calendar.month_abbr)  # locale-independent: month_abbr is the C locale's


def _as_date(value) -> dt.date | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _day(day: dt.date, year_of_reader: int | None, month: bool = True) -> str:
    text = f"{day.day} {_MONTHS[day.month]}" if month else str(day.day)
    return text if day.year == year_of_reader else f"{text} {day.year}"


def _range(first: dt.date, last: dt.date, year_of_reader: int | None) -> str:
    if first == last:
        return _day(first, year_of_reader)
    whole_month = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
    if whole_month and (first.year, first.month) == (last.year, last.month):
        return _MONTHS[first.month] + ("" if first.year == year_of_reader else f" {first.year}")
    if whole_month and first.month == 1 and last.month == 12 and first.year == last.year:
        return str(first.year)
    if first.year == last.year and first.month == last.month:
        return f"{first.day}-{_day(last, year_of_reader)}"
    if first.year == last.year:
        year = "" if first.year == year_of_reader else f" {first.year}"
        return f"{first.day} {_MONTHS[first.month]} - {last.day} {_MONTHS[last.month]}{year}"
    return f"{_day(first, None)} - {_day(last, None)}"


def _bounds(first: dt.date | None, last: dt.date | None, year_of_reader: int | None) -> str:
    if first and last:
        return _range(first, last, year_of_reader)
    if last:
        return f"by {_day(last, year_of_reader)}"
    if first:
        return f"from {_day(first, year_of_reader)}"
    return "unknown"


def describe(earliest, latest, published=None, likely_earliest=None, likely_latest=None) -> str:
    """A row's date in words: the proven bounds, and the likely interval when it is narrower.

    Args:
        earliest, latest: the proven bounds (inclusive days; None or NaT when open).
        published: the article's publication date; its year is left out of the words.
        likely_earliest, likely_latest: an estimated interval (optional).

    Returns:
        "1 Feb", "25-28 Feb", "by 28 Feb", "from 28 Feb", "Feb", "2024", "unknown", or
        "probably 27-28 Feb (certainly by 28 Feb)".

    Examples:
        >>> import datetime as dt
        >>> pub = dt.date(2025, 2, 28)
        >>> describe(dt.date(2025, 2, 1), dt.date(2025, 2, 1), pub)
        '1 Feb'
        >>> describe(dt.date(2025, 2, 25), dt.date(2025, 2, 28), pub)
        '25-28 Feb'
        >>> describe(None, pub, pub)
        'by 28 Feb'
        >>> describe(pub, dt.date(2025, 3, 14), pub)
        '28 Feb - 14 Mar'
        >>> describe(dt.date(2024, 1, 1), dt.date(2024, 12, 31), pub)
        '2024'
        >>> describe(None, None, pub)
        'unknown'
        >>> describe(None, pub, pub, dt.date(2025, 2, 27), pub)
        'probably 27-28 Feb (certainly by 28 Feb)'
    """
    first, last = _as_date(earliest), _as_date(latest)
    year_of_reader = _as_date(published).year if _as_date(published) else None
    proven = _bounds(first, last, year_of_reader)
    likely_first, likely_last = _as_date(likely_earliest), _as_date(likely_latest)
    if not (likely_first and likely_last) or (likely_first, likely_last) == (first, last):
        return proven
    likely = _range(likely_first, likely_last, year_of_reader)
    return f"probably {likely}" + ("" if proven == "unknown" else f" (certainly {proven})")
