"""Normalizing calendar dates: month, day, year, season, quarter, half, decade, holiday.

The normalizers of the ``date`` and ``holiday`` rule families (see
:mod:`timeline.normalize` for the dispatch). A date written without a year takes it
from the reference date and the clause tense (:func:`timeline.calendar_math.infer_year`),
or from last/next/this; "the 1988 period" takes its quarter from the expression before
it (:mod:`timeline.anaphora`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from timeline import settings
from timeline.model import Tense

from .anaphora import anchor, granularity
from .calendar_math import holiday_date, infer_year, normal_word, number, spelled_year
from .match_groups import clock
from .match_groups import mod as _mod
from .match_groups import shift as _shift
from .periods import QUARTER_OF, SEASON_MONTHS, iso_week, nearest_period_year

__all__ = ["norm_date", "norm_holiday", "norm_next_day"]


def _year_by_shift(month: int, ref: dt.date, groups, rule, ctx) -> int | None:
    """Year of "last April" / "next spring" / "this May": the shift word decides, not the tense."""
    shift = _shift(groups, rule, ctx.tables)
    if shift is None:
        return None
    if shift < 0:
        return ref.year if month < ref.month else ref.year - 1
    if shift > 0:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year


def norm_date(rule, groups, ctx, start, end):
    """Calendar dates from named groups: year, yy, month, day, season, quarter, decade, pod,
    hour."""
    tables, ref = ctx.tables, ctx.reference
    year = None
    if groups.get("year"):
        year = int(groups["year"])
    elif (
        groups.get("yshift")
        and ref is not None
        and not (groups.get("quarter") or groups.get("half"))
    ):
        year = ref.year + tables["shift"].get(normal_word(groups["yshift"]), 0)
    elif groups.get("yy"):
        yy = int(groups["yy"].lstrip("'"))
        year = (1900 if yy >= 30 else 2000) + yy
    month = day = None
    if groups.get("month"):
        month = tables["month"].get(normal_word(groups["month"]))
    elif groups.get("mnum"):
        month = int(groups["mnum"])
    if groups.get("day"):
        digits = re.match(r"[0-9]+", groups["day"])
        day = int(digits.group()) if digits else tables["ordinal"].get(normal_word(groups["day"]))
        if day is None:
            return None
    if groups.get("n1") and groups.get("n2"):  # numeric date: order declared by the rule
        a, b = int(groups["n1"]), int(groups["n2"])
        month, day = (b, a) if rule.options.get("order") == "dmy" or a > 12 else (a, b)
    mod = _mod(groups, rule, ctx.tables)
    tail = ""
    if groups.get("pod"):
        tail = "T" + tables["pod"][normal_word(groups["pod"])]
    if groups.get("hour"):
        tail = "T" + clock(groups)
    if groups.get("year_words"):
        year = spelled_year(groups["year_words"], tables)
        if year is None:
            return None
    if groups.get("decade_word"):
        return rule.type, str(tables["decade_word"][normal_word(groups["decade_word"])]), mod
    if groups.get("decade"):
        digits = re.sub(r"\D", "", groups["decade"])
        if len(digits) == 2:
            digits = ("19" if int(digits) >= 30 else "20") + digits
        return rule.type, digits[:3], mod
    if groups.get("century"):
        n = (
            number(groups["century"], tables)
            or tables["ordinal"].get(normal_word(groups["century"]))
            or int(re.match(r"[0-9]+", groups["century"]).group())
        )
        return rule.type, f"{int(n) - 1:02d}", mod
    period = None
    if groups.get("season"):
        period = tables["season"][normal_word(groups["season"])]
    elif groups.get("quarter"):
        q = tables["ordinal"].get(normal_word(groups["quarter"]))
        if q is None or q > 4:
            return None
        period = f"Q{q}"
    elif groups.get("half"):
        h = tables["half"].get(normal_word(groups["half"]))
        period = f"H{h}" if h in (1, 2) else None
    if period:
        if year is None and ref is not None and groups.get("yshift"):
            year = ref.year + tables["shift"].get(normal_word(groups["yshift"]), 0)
        elif year is None and ref is not None:
            first = (
                SEASON_MONTHS[period][0]
                if period in SEASON_MONTHS
                else {"H1": 1, "H2": 7}.get(period) or (QUARTER_OF[period] - 1) * 3 + 1
            )
            year = _year_by_shift(first, ref, groups, rule, ctx)
            if year is None and period.startswith("Q") and "fiscal" in ctx.text[start:end].lower():
                # a fiscal year's months vary by company: "the fiscal first quarter" a report
                # names is the one just ended or under way, labelled with the reference year
                year = ref.year
            year = year or nearest_period_year(period, ref)
            if (
                period.startswith("Q")
                and dt.date(year, first, 1) > ref
                and ctx.tense(start, end) == Tense.PAST
            ):
                # the nearest quarter, but one not begun yet cannot have passed: "the company
                # reported third-quarter net income" in June names last year's
                year -= 1
        return rule.type, f"{year:04d}-{period}" if year else f"XXXX-{period}", mod
    if month is None:
        if year is None:
            return None
        if (
            rule.options.get("anaphor") == "period"
        ):  # "the 1988 period": the quarter named before, in 1988
            prev = anchor(
                ctx, start, int(rule.options.get("window", settings.ANAPHOR_WINDOW_CHARS))
            )
            if prev is not None and granularity(prev.value) == "Q":
                return rule.type, f"{year:04d}{prev.value[4:]}", mod
        return rule.type, f"{year:04d}", mod
    if day is not None:
        if day > calendar.monthrange(year or 2000, month)[1]:
            return None
    if year is None:
        if ref is None:
            stem = (
                "XXXX-WXX"
                if rule.options.get("grain") == "week"
                else f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            )
            return rule.type, stem + tail, mod
        weekday = (
            ctx.tables["weekday"].get(normal_word(groups["weekday"]))
            if groups.get("weekday")
            else None
        )
        tense = "ended" if ctx.ended(start) else ctx.tense(start, end)
        year = _year_by_shift(month, ref, groups, rule, ctx) or infer_year(
            month, day, ref, tense, weekday
        )
        if day == 29 and month == 2 and not calendar.isleap(year):
            return None
    if rule.options.get("grain") == "week" and day:  # "the week of May 8": the ISO week of that day
        return rule.type, iso_week(dt.date(year, month, day)), mod
    value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return rule.type, value + tail, mod


def norm_holiday(rule, groups, ctx, start, end):
    """Named days (Thanksgiving, Christmas, Easter ...) placed like dates without a year."""
    spec = ctx.tables["holiday"].get(normal_word(groups["holiday"]).replace("’", "'"))
    if spec is None:
        return None
    ref = ctx.reference
    if groups.get("year"):
        day = holiday_date(str(spec), int(groups["year"]))
        return (
            rule.type,
            iso_week(day) if rule.options.get("grain") == "week" else day.isoformat(),
            None,
        )
    if ref is None:
        if rule.options.get("grain") == "week":
            return rule.type, "XXXX-WXX", None
        return (
            None
            if "/" in str(spec) or str(spec).startswith("easter")
            else (rule.type, "XXXX-" + str(spec), None)
        )
    shift = _shift(groups, rule, ctx.tables)
    days = [holiday_date(str(spec), y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if shift is not None and shift < 0:
        day = max(d for d in days if d < ref)
    elif shift is not None and shift > 0:
        day = min(d for d in days if d > ref)
    else:
        day = dt.date(infer_year(days[1].month, days[1].day, ref, ctx.tense(start, end)), 1, 1)
        day = [d for d in days if d.year == day.year][0]
    if rule.options.get("grain") == "week":
        return rule.type, iso_week(day), None
    return rule.type, day.isoformat(), None


_DAY_VALUE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def norm_next_day(rule, groups, ctx, start, end):
    """A bare day number joined to the date just before it ("June 11 and 12"): that month's day.

    Examples:
        >>> import datetime as dt
        >>> from timeline.temporal.timexes import find
        >>> [(t.text, t.value) for t in find("the fair on June 11 and 12.", dt.date(1999, 2, 10))]
        [('June 11', '1999-06-11'), ('12', '1999-06-12')]
    """
    prev = ctx.previous[-1] if ctx.previous else None
    if (
        prev is None
        or not _DAY_VALUE.fullmatch(prev.value)
        or start - prev.end > 9
        or not re.fullmatch(r"\s*\w+\s*", ctx.text[prev.end : start])
    ):
        return None
    day = int(re.match(r"[0-9]+", groups["day"]).group())
    year, month = int(prev.value[:4]), int(prev.value[5:7])
    if day <= int(prev.value[8:10]) or day > calendar.monthrange(year, month)[1]:
        return None
    return rule.type, f"{prev.value[:8]}{day:02d}", None
