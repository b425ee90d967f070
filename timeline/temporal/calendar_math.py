"""Calendar arithmetic for temporal expressions: numbers, years, durations, holidays.

Pure functions of their arguments (the reference date is always passed in):
reading counts ("twenty-four", "2 1/2"), placing a date written without a year,
TIMEX3 duration values and the day of a holiday. Weeks, quarters, seasons,
shifting by units and the interval of calendar days a TIMEX3 value may denote
are in :mod:`timeline.periods` (:func:`interval` is re-exported here). No rules,
no English words: those live in ``timeline/rules``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from timeline import settings
from timeline.model import Tense

from .periods import interval  # noqa: F401 (re-exported)


def normal_word(value: str) -> str:
    return re.sub(r"[\s.]+", " ", value.lower()).strip().rstrip(".")


def number(value: str, tables: dict):
    """A count as int/float, or 'X' when vague ("several"), or None.

    Examples:
        >>> number("twenty-four", {"number": {"twenty": 20, "four": 4}}), number("2 1/2", {"number": {}})
        (24, 2.5)
    """
    value = normal_word(value)
    half = re.fullmatch(r"([0-9]+)[ -]1/2", value)
    if half:
        return int(half.group(1)) + 0.5
    if re.fullmatch(r"[0-9]+", value):
        return int(value)
    if re.fullmatch(r"[0-9]*\.[0-9]+", value):
        return float(value)
    table = tables["number"]
    if value in table:
        return table[value]
    parts = re.split(r"[- ]+", value)
    if len(parts) > 1 and parts[0] in ("a", "an") and parts[1] not in ("hundred", "thousand"):
        parts = parts[1:]  # "a five-year low": the article is not a count
    total = 0
    for part in parts:
        if part not in table or table[part] == "X":
            return None
        n = table[part]
        total = (total or 1) * n if n in (100, 1000) else total + n
    return total


def number_text(n) -> str:
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    return str(n)


def infer_year(
    month: int, day: int | None, ref: dt.date, tense: str | None, weekday: int | None = None
) -> int:
    """Year of a date written without one, from the reference date and the clause tense.

    Examples:
        >>> infer_year(10, 23, dt.date(1989, 11, 1), "past"), infer_year(9, 23, dt.date(1989, 11, 1), "future")
        (1989, 1990)
        >>> infer_year(10, 23, dt.date(1989, 11, 1), "future")  # a day of the past month stays in it
        1989
        >>> infer_year(2, 20, dt.date(1989, 11, 2), "past"), infer_year(2, 20, dt.date(1989, 11, 2), None)
        (1989, 1990)
        >>> infer_year(11, 20, dt.date(1989, 11, 2), "past")  # a near deadline in a past-tense clause
        1989
        >>> infer_year(1, 31, dt.date(1989, 10, 31), "past"), infer_year(1, 31, dt.date(1989, 10, 31), "ended")
        (1990, 1989)
    """
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            if day > calendar.monthrange(year, month)[1]:
                continue
            first = last = dt.date(year, month, day)
        if weekday is not None and day is not None and first.isoweekday() != weekday:
            continue
        distance = (
            0 if first <= ref <= last else (first - ref).days if first > ref else (last - ref).days
        )
        candidates.append((abs(distance), distance, year))
    if not candidates:
        return ref.year
    candidates.sort()
    _, distance, year = candidates[0]
    if tense == "ended":  # a period that ended: on or before the reference date
        earlier = [c for c in candidates if c[1] <= 0]
        return max(earlier, key=lambda c: c[1])[2] if earlier else year
    if tense == Tense.PAST and distance > (
        settings.PAST_SLACK_DAYS if day is not None else settings.MONTH_PAST_SLACK_DAYS
    ):
        earlier = [c for c in candidates if c[1] <= 0]
        if earlier:
            return max(earlier, key=lambda c: c[1])[2]
    if tense == Tense.FUTURE and distance < -settings.FUTURE_SLACK_DAYS:
        later = [c for c in candidates if c[1] >= 0]
        if later:
            return min(later, key=lambda c: c[1])[2]
    return year


_SMALLER = {
    "Y": (12, "M"),
    "M": (30, "D"),
    "W": (7, "D"),
    "D": (24, "TH"),
    "TH": (60, "TM"),
    "TM": (60, "TS"),
    "DE": (10, "Y"),
    "CE": (100, "Y"),
}


def duration_value(count, unit: str) -> str:
    """TIMEX3 duration value; fractions become the next smaller unit (2.5 years: P2Y6M).

    Examples:
        >>> duration_value(2.5, "Y"), duration_value(5.5, "TH"), duration_value("X", "D")
        ('P2Y6M', 'PT5H30M', 'PXD')
    """
    if unit == "WE":
        unit, count = "D", (count * 2 if count != "X" else "X")
    if unit in ("DE", "CE") and count != "X" and float(count).is_integer():
        unit, count = "Y", int(count) * _SMALLER[unit][0]
    parts = []
    if isinstance(count, float) and not count.is_integer() and unit in _SMALLER:
        whole, rest = int(count), count - int(count)
        factor, smaller = _SMALLER[unit]
        if whole:
            parts.append((whole, unit))
        parts.append((number_text(round(rest * factor, 3)), smaller))
    else:
        parts.append((number_text(count), unit))
    date = "".join(f"{n}{u}" for n, u in parts if not u.startswith("T"))
    time = "".join(f"{n}{u[1]}" for n, u in parts if u.startswith("T"))
    return "P" + date + (f"T{time}" if time else "")


def spelled_year(words: str, tables: dict) -> int | None:
    """A year written in words: "nineteen ninety-six", "two thousand", "twenty ten".

    Examples:
        >>> t = {"number": {"nineteen": 19, "ninety": 90, "six": 6, "two": 2, "thousand": 1000, "twenty": 20, "ten": 10}}
        >>> spelled_year("nineteen ninety-six", t), spelled_year("two thousand", t), spelled_year("twenty ten", t)
        (1996, 2000, 2010)
    """
    parts = normal_word(words).replace("-", " ").split()
    if "thousand" in parts:
        rest = [p for p in parts[parts.index("thousand") + 1 :] if p != "and"]
        tail = number(" ".join(rest), tables) if rest else 0
        head = number(" ".join(parts[: parts.index("thousand") + 1]), tables)
        return head + tail if isinstance(head, int) and isinstance(tail, int) else None
    century = tables["number"].get(parts[0]) if parts else None
    rest = [p for p in parts[1:] if p != "hundred"]
    tail = number(" ".join(rest), tables) if rest else 0
    if not isinstance(century, int) or not isinstance(tail, int) or tail >= 100:
        return None
    return century * 100 + tail


def holiday_date(spec: str, year: int) -> dt.date:
    """The day of a holiday in a year, from its table entry.

    ``MM-DD`` is a fixed day; ``MM/N/W`` the N-th ISO weekday W of month MM (N = -1:
    the last); ``easter+K`` K days after Western Easter; a trailing ``+K`` on
    ``MM/N/W`` adds K days (US Election Day: the Tuesday after the first Monday).

    Examples:
        >>> holiday_date("11/4/4", 1999), holiday_date("easter+0", 2000), holiday_date("11/1/1+1", 1998)
        (datetime.date(1999, 11, 25), datetime.date(2000, 4, 23), datetime.date(1998, 11, 3))
    """
    if spec.startswith("easter"):
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 19 * l_) // 433
        month = (h + l_ - 7 * m + 90) // 25
        day = (h + l_ - 7 * m + 33 * month + 19) % 32
        return dt.date(year, month, day) + dt.timedelta(days=int(spec[6:] or 0))
    if "/" not in spec:
        month, day = map(int, spec.split("-"))
        return dt.date(year, month, day)
    spec, _, extra = spec.partition("+")
    month, nth, weekday = map(int, spec.split("/"))
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        day = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    return day + dt.timedelta(days=int(extra or 0))
