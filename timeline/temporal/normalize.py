"""Normalizing a matched temporal expression: its TIMEX3 type, value and mod.

Each rule names a normalizer (``norm`` in its YAML); the normalizers read the
rule's named groups through the word tables of ``fragments.yaml``, the
reference date and the clause tense (asked from the context), and resolve
anaphora ("a year earlier", "the quarter", "that year") against the explicit
dates found before. This module holds the dispatch and the relative, weekday,
clock-time, duration and set normalizers; calendar dates and holidays are in
:mod:`timeline.calendar_dates`, anaphora in :mod:`timeline.anaphora`, the group
readers in :mod:`timeline.match_groups`, calendar arithmetic in
:mod:`timeline.calendar_math` and calendar periods in :mod:`timeline.periods`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from timeline import settings
from timeline.model import Tense

from .anaphora import anaphoric
from .calendar_dates import norm_date, norm_holiday, norm_next_day
from .calendar_math import duration_value, interval, normal_word, number, number_text
from .match_groups import clock as _clock
from .match_groups import mod as _mod
from .match_groups import shift as _shift
from .match_groups import unit as _unit
from .periods import day_at, period_at
from .rulebook import Rule, amount_bound, vague_window

__all__ = ["normalize", "interval", "NORMALIZERS"]


def norm_fixed(rule, groups, ctx, start, end):
    return rule.type, str(rule.options["value"]), _mod(groups, rule, ctx.tables)


def norm_duration(rule, groups, ctx, start, end):
    tables = ctx.tables
    unit = _unit(groups, rule, tables)
    count = number(groups["count"], tables) if groups.get("count") else rule.options.get("quant", 1)
    if unit is None or count is None:
        return None
    return rule.type, duration_value(count, unit), _mod(groups, rule, ctx.tables)


def norm_set(rule, groups, ctx, start, end):
    if "value" in rule.options:
        return rule.type, str(rule.options["value"]), None
    if groups.get("weekday"):
        day = ctx.tables["weekday"][normal_word(groups["weekday"])]
        pod = ctx.tables["pod"].get(normal_word(groups.get("pod", "")))
        return rule.type, f"XXXX-WXX-{day}" + (f"T{pod}" if pod else ""), None
    if groups.get("month"):
        month = ctx.tables["month"].get(normal_word(groups["month"]))
        return (rule.type, f"XXXX-{month:02d}", None) if month else None
    unit = _unit(groups, rule, ctx.tables)
    count = number(groups["count"], ctx.tables) if groups.get("count") else 1
    if unit is None or count is None:
        return None
    value = (
        f"PT{number_text(count)}{unit[1]}"
        if unit.startswith("T")
        else f"P{number_text(count)}{unit}"
    )
    return rule.type, value, None


def amount_bounds(rule, groups, tables, reference, mod, earliest, latest):
    """The days an amount's bound leaves of an expression counted from the reference date
    (rules with the option ``bounded``): "more than a year ago" is on or before the day a
    year back, however early; "less than two weeks ago" between that day and the reference
    (``amount_bound`` of fragments.yaml says which side a mod bounds). Other expressions keep
    ``earliest`` / ``latest``.

    Examples:
        >>> from timeline.temporal.rulebook import fragments_and_tables, load_rules
        >>> rule = next(r for r in load_rules() if r.id == "rel_ago")
        >>> tables = fragments_and_tables()[1]
        >>> groups = {"count": "a", "unit": "year", "shift": "ago"}
        >>> ref, y = dt.date(2015, 2, 20), (dt.date(2014, 1, 1), dt.date(2014, 12, 31))
        >>> amount_bounds(rule, groups, tables, ref, "MORE_THAN", *y)
        (None, datetime.date(2014, 2, 20))
        >>> amount_bounds(rule, groups, tables, ref, "LESS_THAN", *y)
        (datetime.date(2014, 2, 20), datetime.date(2015, 2, 20))
        >>> amount_bounds(rule, groups, tables, ref, None, *y)
        (datetime.date(2014, 1, 1), datetime.date(2014, 12, 31))
    """
    side = amount_bound(mod)
    if side is None or reference is None or not rule.options.get("bounded"):
        return earliest, latest
    unit, shift = _unit(groups, rule, tables), _shift(groups, rule, tables)
    count = number(groups["count"], tables) if groups.get("count") else 1
    if not isinstance(count, int) or not isinstance(shift, int) or shift == 0 or unit is None:
        return earliest, latest
    day = day_at(reference, unit, shift * count)
    if day is None:
        return earliest, latest
    near = (day, reference) if shift < 0 else (reference, day)
    far = (None, day) if shift < 0 else (day, None)
    return near if side == "at_most" else far


def reference_side(groups, tables, reference, earliest, latest):
    """The part of a period holding the reference date that its modifier keeps
    (``reference_side`` of fragments.yaml): "earlier this year" runs from the year's start to
    the reference date, "later this month" from the reference date to the month's end; the
    value stays the period, as TimeML writes it. Other expressions keep their bounds.

    Examples:
        >>> from timeline.temporal.rulebook import fragments_and_tables
        >>> tables = fragments_and_tables()[1]
        >>> ref, year = dt.date(2022, 5, 10), (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
        >>> reference_side({"mod": "earlier"}, tables, ref, *year)
        (datetime.date(2022, 1, 1), datetime.date(2022, 5, 10))
        >>> reference_side({"mod": "later"}, tables, ref, *year)
        (datetime.date(2022, 5, 10), datetime.date(2022, 12, 31))
        >>> reference_side({"mod": "late"}, tables, ref, *year)
        (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))
    """
    side = tables["reference_side"].get((groups.get("mod") or "").lower())
    if side is None or None in (reference, earliest, latest):
        return earliest, latest
    if not earliest <= reference <= latest:  # "earlier last year": the period is all gone by
        return earliest, latest
    return (earliest, reference) if side == "before" else (reference, latest)


def norm_relative(rule, groups, ctx, start, end):
    """last week, next month, this year, two years ago, yesterday, the third quarter ..."""
    tables, ref = ctx.tables, ctx.reference
    unit = _unit(groups, rule, tables)
    shift = _shift(groups, rule, tables)
    if (
        shift == "tense"
    ):  # "the weekend": the one before the reference date unless the clause is future
        future = ctx.tense(start, end) == "future"
        shift = 0 if future or (ref is not None and ref.isoweekday() >= 6) else -1
    if unit is None or shift is None:
        return None
    count = number(groups["count"], tables) if groups.get("count") else 1
    if count is None:
        return None
    mod = _mod(groups, rule, ctx.tables)
    if (
        ref is None
        or count == "X"
        or isinstance(count, float)
        or rule.options.get("grain") == "year"
    ):
        granularity = {
            "D": "XXXX-XX-XX",
            "W": "XXXX-WXX",
            "WE": "XXXX-WXX-WE",
            "M": "XXXX-XX",
            "Q": "XXXX-QX",
            "Y": "XXXX",
            "DE": "XXX",
            "CE": "XX",
        }.get(unit)
        if count == "X" and shift < 0:
            return rule.type, "PAST_REF", mod
        if granularity and ref is not None and rule.options.get("grain") == "year":
            granularity = (
                f"{ref.year:04d}" + granularity[4:]
            )  # "the week": of this year, which one unsaid
        return (rule.type, granularity, mod) if granularity else None
    if unit in ("DE", "CE") and shift and rule.options.get("anaphor"):  # "a decade ago": a year
        unit, count = "Y", count * (10 if unit == "DE" else 100)
    value = anaphoric(rule, groups, ctx, start, unit, shift * count)
    if value is None and rule.options.get("anaphor") == "only":
        return None  # "loaves baked that day": no day named before, so no day meant
    value = value or period_at(ref, unit, shift * count)
    if value and groups.get("dom"):  # "the 15th of last month": that day of the month
        year, month, day = (
            int(value[:4]),
            int(value[5:7]),
            int(re.match(r"\d+", groups["dom"]).group()),
        )
        if (
            day <= calendar.monthrange(year, month)[1]
        ):  # a day the month lacks still names the month
            value += f"-{day:02d}"
    if value and groups.get("pod"):
        value += "T" + tables["pod"][normal_word(groups["pod"])]
    elif value and rule.options.get("value"):
        value += "T" + str(rule.options["value"])
    return (rule.type, value, mod) if value else None


def norm_weekday(rule, groups, ctx, start, end):
    """A weekday, placed by an explicit shift (last/next) or by the clause tense."""
    tables, ref = ctx.tables, ctx.reference
    day = tables["weekday"][normal_word(groups["weekday"])]
    pod = tables["pod"].get(normal_word(groups["pod"])) if groups.get("pod") else None
    suffix = f"T{pod}" if pod else ""
    if groups.get("hour"):
        suffix = "T" + _clock(groups)
    elif rule.options.get("value"):
        suffix = "T" + str(rule.options["value"])
    if ref is None:
        return rule.type, f"XXXX-WXX-{day}{suffix}", _mod(groups, rule, ctx.tables)
    shift = _shift(groups, rule, ctx.tables)
    tense = None
    if shift is None:
        # "since Tuesday" and "Wednesday's ruling" look back, whatever the clause tense
        tense = "ended" if ctx.ended(start) or ctx.possessive(end) else ctx.tense(start, end)
        shift = 1 if tense == Tense.FUTURE else -1
    delta = day - ref.isoweekday()
    if tense == Tense.FUTURE and delta % 7 > vague_window("weekday")[1]:
        shift = -1  # "will open Wednesday" dated Thursday: written the day before publication
    if shift < 0:
        delta = delta if delta <= 0 else delta - 7
        if groups.get("shift") and delta == 0:
            delta = -7
    elif shift > 0:
        delta = delta if delta >= 0 else delta + 7
        if groups.get("shift") and delta == 0:
            delta = 7
    return (
        rule.type,
        (ref + dt.timedelta(days=delta)).isoformat() + suffix,
        _mod(groups, rule, ctx.tables),
    )


def norm_time(rule, groups, ctx, start, end):
    """Clock times ("10:30 p.m.", "noon Thursday") on the reference day or the named weekday."""
    if groups.get("weekday"):
        return norm_weekday(rule, groups, ctx, start, end)
    if groups.get("month"):
        return norm_date(rule, groups, ctx, start, end)
    clock = _clock(groups) if groups.get("hour") else str(rule.options.get("value", ""))
    if groups.get("dayword"):
        delta = ctx.tables["shift"].get(normal_word(groups["dayword"]), 0)
    else:
        day = _sentence_day(rule, ctx, start, end)
        if day is not None:
            return rule.type, f"{day}T{clock}", _mod(groups, rule, ctx.tables)
        delta = 0
    if ctx.reference is None:
        return rule.type, f"XXXX-XX-XXT{clock}", _mod(groups, rule, ctx.tables)
    return (
        rule.type,
        (ctx.reference + dt.timedelta(days=delta)).isoformat() + "T" + clock,
        _mod(groups, rule, ctx.tables),
    )


_DAY_VALUE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WEEKDAY_AFTER = re.compile(
    r"(?:[^.;!?\n]|\b[ap]\.m\.){0,25}?\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)


def _sentence_day(rule, ctx, start: int, end: int) -> str | None:
    """The day a bare clock time falls on: a day named just after it in its sentence
    ("9:50 a.m. (0650 GMT) Friday", "5 in the morning (5 a.m. CDT Thursday)"), else the last
    day-precise date before it in its sentence."""
    if ctx.reference is None:
        return None
    after = _WEEKDAY_AFTER.match(
        ctx.text, end, min(len(ctx.text), end + settings.WEEKDAY_AFTER_CHARS)
    )
    if after:
        value = norm_weekday(rule, {"weekday": after.group(1)}, ctx, start, after.end(1))
        return value[1][:10]
    for expr in reversed(ctx.previous):
        if start - expr.end > 200 or not ctx.same_sentence(expr.end, start):
            return None
        if expr.type in ("DATE", "TIME") and _DAY_VALUE.match(expr.value):
            return expr.value[:10]
    return None


def norm_none(rule, groups, ctx, start, end):
    """A phrase that is not a temporal expression and that no later rule may read
    ("has recently")."""
    return None


NORMALIZERS = {
    "none": norm_none,
    "fixed": norm_fixed,
    "duration": norm_duration,
    "set": norm_set,
    "relative": norm_relative,
    "weekday": norm_weekday,
    "date": norm_date,
    "time": norm_time,
    "holiday": norm_holiday,
    "next_day": norm_next_day,
}


def normalize(rule: Rule, groups: dict, ctx, start: int, end: int):
    """(type, value, mod) for a match, or None when the match is not a temporal expression.

    Examples:
        >>> from timeline.temporal.rulebook import load_rules
        >>> from timeline.temporal.timexes import Context
        >>> rule = next(r for r in load_rules() if r.id == "rel_shift_unit")
        >>> ctx = Context("", dt.date(2025, 2, 28))
        >>> normalize(rule, {"shift": "last", "unit": "week"}, ctx, 0, 0)
        ('DATE', '2025-W08', None)
    """
    return NORMALIZERS[rule.norm](rule, groups, ctx, start, end)
