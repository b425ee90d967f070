"""Normalizing a matched temporal expression: its TIMEX3 type, value and mod.

Each rule names a normalizer (``norm`` in its YAML); the normalizers read the
rule's named groups through the word tables of ``fragments.yaml``, the
reference date and the clause tense (asked from the context), and resolve
anaphora ("a year earlier", "the quarter", "that year") against the explicit
dates found before. Calendar arithmetic lives in :mod:`timeline.calendar_math`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from .calendar_math import (_QUARTER_OF, _SEASON_MONTHS, _at_unit, _fmt, _shift_months, _word, duration_value,
                            holiday_date, infer_year, interval, number, spelled_year, _nearest_period_year)
from .rules import Rule

__all__ = ["normalize", "interval", "NORMALIZERS"]


_MODS = {"early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END",
         "mid": "MID", "middle": "MID"}


def _unit(groups, rule, tables):
    raw = rule.options.get("unit") or groups.get("unit")
    if raw is None:
        return None
    return tables["unit"].get(_word(raw), raw)


def _shift(groups, rule, tables):
    if "shift" in rule.options:
        return rule.options["shift"]
    raw = groups.get("shift")
    return None if raw is None else tables["shift"].get(_word(raw))


def _mod(groups, rule):
    if rule.options.get("mod"):
        return rule.options["mod"]
    raw = groups.get("mod")
    return _MODS.get(_word(raw).split(" ")[0].rstrip("-")) if raw else None


def norm_fixed(rule, groups, ctx, start, end):
    return rule.type, str(rule.options["value"]), _mod(groups, rule)


def norm_duration(rule, groups, ctx, start, end):
    tables = ctx.tables
    unit = _unit(groups, rule, tables)
    count = number(groups["count"], tables) if groups.get("count") else rule.options.get("quant", 1)
    if unit is None or count is None:
        return None
    return rule.type, duration_value(count, unit), _mod(groups, rule)


def norm_set(rule, groups, ctx, start, end):
    if "value" in rule.options:
        return rule.type, str(rule.options["value"]), None
    if groups.get("weekday"):
        day = ctx.tables["weekday"][_word(groups["weekday"])]
        pod = ctx.tables["pod"].get(_word(groups.get("pod", "")))
        return rule.type, f"XXXX-WXX-{day}" + (f"T{pod}" if pod else ""), None
    if groups.get("month"):
        month = ctx.tables["month"].get(_word(groups["month"]))
        return (rule.type, f"XXXX-{month:02d}", None) if month else None
    unit = _unit(groups, rule, ctx.tables)
    count = number(groups["count"], ctx.tables) if groups.get("count") else 1
    if unit is None or count is None:
        return None
    value = f"PT{_fmt(count)}{unit[1]}" if unit.startswith("T") else f"P{_fmt(count)}{unit}"
    return rule.type, value, None


def norm_relative(rule, groups, ctx, start, end):
    """last week, next month, this year, two years ago, yesterday, the third quarter ..."""
    tables, ref = ctx.tables, ctx.reference
    unit = _unit(groups, rule, tables)
    shift = _shift(groups, rule, tables)
    if shift == "tense":  # "the weekend": the one before the reference date unless the clause is future
        future = ctx.tense(start, end) == "future"
        shift = 0 if future or (ref is not None and ref.isoweekday() >= 6) else -1
    if unit is None or shift is None:
        return None
    count = number(groups["count"], tables) if groups.get("count") else 1
    if count is None:
        return None
    mod = _mod(groups, rule)
    if ref is None or count == "X" or isinstance(count, float):
        granularity = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
                       "Y": "XXXX", "DE": "XXX", "CE": "XX"}.get(unit)
        if count == "X" and shift < 0:
            return rule.type, "PAST_REF", mod
        return (rule.type, granularity, mod) if granularity else None
    if unit in ("DE", "CE") and shift and rule.options.get("anaphor"):  # "a decade ago": a year
        unit, count = "Y", count * (10 if unit == "DE" else 100)
    value = _anaphoric(rule, groups, ctx, start, unit, shift * count) or _at_unit(ref, unit, shift * count)
    if value and groups.get("pod"):
        value += "T" + tables["pod"][_word(groups["pod"])]
    elif value and rule.options.get("value"):
        value += "T" + str(rule.options["value"])
    return (rule.type, value, mod) if value else None


def norm_weekday(rule, groups, ctx, start, end):
    """A weekday, placed by an explicit shift (last/next) or by the clause tense."""
    tables, ref = ctx.tables, ctx.reference
    day = tables["weekday"][_word(groups["weekday"])]
    pod = tables["pod"].get(_word(groups["pod"])) if groups.get("pod") else None
    suffix = f"T{pod}" if pod else ""
    if groups.get("hour"):
        suffix = "T" + _clock(groups)
    elif rule.options.get("value"):
        suffix = "T" + str(rule.options["value"])
    if ref is None:
        return rule.type, f"XXXX-WXX-{day}{suffix}", _mod(groups, rule)
    shift = _shift(groups, rule, ctx.tables)
    if shift is None and ctx.text[end:end + 2] in ("'s", "’s"):
        shift = -1  # "Wednesday's ruling", "Friday's close": a possessive weekday names a day gone by
    if shift is None:
        shift = 1 if ctx.tense(start, end) == "future" else -1
    delta = day - ref.isoweekday()
    if shift < 0:
        delta = delta if delta <= 0 else delta - 7
        if groups.get("shift") and delta == 0:
            delta = -7
    elif shift > 0:
        delta = delta if delta >= 0 else delta + 7
        if groups.get("shift") and delta == 0:
            delta = 7
    return rule.type, (ref + dt.timedelta(days=delta)).isoformat() + suffix, _mod(groups, rule)


def _clock(groups) -> str:
    hour = int(groups["hour"])
    minute = int(groups.get("minute") or 0)
    half = _word(groups.get("ampm", "")).replace(" ", "")
    if half.startswith("p") and hour < 12:
        hour += 12
    if half.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


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


def norm_time(rule, groups, ctx, start, end):
    """Clock times ("10:30 p.m.", "noon Thursday") on the reference day or the named weekday."""
    if groups.get("weekday"):
        return norm_weekday(rule, groups, ctx, start, end)
    if groups.get("month"):
        return norm_date(rule, groups, ctx, start, end)
    clock = _clock(groups) if groups.get("hour") else str(rule.options.get("value", ""))
    if groups.get("dayword"):
        delta = ctx.tables["shift"].get(_word(groups["dayword"]), 0)
    else:
        day = _sentence_day(rule, ctx, start, end)
        if day is not None:
            return rule.type, f"{day}T{clock}", _mod(groups, rule)
        delta = 0
    if ctx.reference is None:
        return rule.type, f"XXXX-XX-XXT{clock}", _mod(groups, rule)
    return rule.type, (ctx.reference + dt.timedelta(days=delta)).isoformat() + "T" + clock, _mod(groups, rule)


_DAY_VALUE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WEEKDAY_AFTER = re.compile(r"[^.;!?\n]{0,25}?\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _sentence_day(rule, ctx, start: int, end: int) -> str | None:
    """The day a bare clock time falls on: a day named just after it in its sentence
    ("10:35 a.m. (0735 GMT) Friday"), else the last day-precise date before it in its sentence."""
    if ctx.reference is None:
        return None
    after = _WEEKDAY_AFTER.match(ctx.text, end, min(len(ctx.text), end + 40))
    if after:
        value = norm_weekday(rule, {"weekday": after.group(1)}, ctx, after.start(1), after.end(1))
        return value[1][:10]
    for expr in reversed(ctx.previous):
        if start - expr.end > 200 or not ctx.same_sentence(expr.end, start):
            return None
        if expr.type in ("DATE", "TIME") and _DAY_VALUE.match(expr.value):
            return expr.value[:10]
    return None


_PERIOD_END = re.compile(r"\b(?:quarter|period|year|months|half|weeks)\s+end(?:ed|ing)\s+(?:on\s+)?$", re.I)


def _anchor(ctx, start: int, window: int):
    """The last explicit calendar DATE ending within ``window`` characters before ``start``.

    Expressions that were themselves computed from another one or from the reference date
    by a shift ("a year earlier", "last year") are not antecedents: "a year ago" after
    "a year earlier" must not go back two years.
    """
    for expr, rule in reversed(ctx.previous_rules):
        if start - expr.end > window:
            return None
        if rule.options.get("anaphor") in ("always", "finer") or (rule.norm == "relative" and not rule.options.get("anaphor")):
            continue
        if _PERIOD_END.search(ctx.text, max(0, expr.start - 30), expr.start):
            continue  # "the quarter ended Sept. 30": the period named before is the antecedent
        if expr.type == "DATE" and re.match(r"[0-9]{4}(?:$|-)", expr.value):
            return expr
    return None


def _granularity(value: str) -> str:
    if re.fullmatch(r"[0-9]{4}", value):
        return "Y"
    if re.fullmatch(r"[0-9]{4}-Q[1-4]", value):
        return "Q"
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
        return "M"
    if re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return "D"
    return "other"


def _anaphoric(rule, groups, ctx, start, unit, delta):
    """Value of "a year earlier" / "the year-ago quarter" / "the quarter" from the expression before it.

    ``anaphor`` in the rule: ``always`` shifts the previous calendar expression by ``delta``
    years; ``finer`` does so only when that expression is finer than a year (a quarter a
    year ago); ``same`` repeats the previous expression when it has the rule's unit.
    """
    mode = rule.options.get("anaphor")
    if not mode:
        return None
    prev = _anchor(ctx, start, int(rule.options.get("window", 400)))
    if prev is None:
        return None
    grain = _granularity(prev.value)
    if mode == "same":
        order = "YQMD"
        if grain not in order or unit not in order or order.index(grain) < order.index(unit):
            return None
        if grain == unit:
            return prev.value[:10] if unit == "D" else prev.value
        if unit == "Q":
            return None if grain == "Q" else f"{prev.value[:4]}-Q{(int(prev.value[5:7]) - 1) // 3 + 1}"
        return prev.value[:{"Y": 4, "M": 7}[unit]]
    if grain == "other" or (mode == "finer" and grain != "Q"):
        return None
    if unit in ("M", "D", "W"):
        order = "YQMD"
        if grain not in order or order.index(grain) < order.index("M" if unit == "M" else "D"):
            return None
        if unit == "M":
            y, m = _shift_months(int(prev.value[:4]), int(prev.value[5:7]), delta)
            return f"{y:04d}-{m:02d}"
        day = dt.date.fromisoformat(prev.value[:10])
        return _at_unit(day, unit, delta)
    if unit != "Y":
        return None
    year = int(prev.value[:4]) + delta
    if rule.options.get("grain") == "unit":  # "the following year" is a year, whatever its antecedent
        return f"{year:04d}"
    value = f"{year:04d}" + prev.value[4:]
    if value[4:10] == "-02-29" and not calendar.isleap(year):
        value = value[:8] + "28" + value[10:]
    return value


def norm_date(rule, groups, ctx, start, end):
    """Calendar dates from named groups: year, yy, month, day, season, quarter, decade, pod, hour."""
    tables, ref = ctx.tables, ctx.reference
    year = None
    if groups.get("year"):
        year = int(groups["year"])
    elif groups.get("yshift") and ref is not None and not (groups.get("quarter") or groups.get("half")):
        year = ref.year + tables["shift"].get(_word(groups["yshift"]), 0)
    elif groups.get("yy"):
        yy = int(groups["yy"].lstrip("'"))
        year = (1900 if yy >= 30 else 2000) + yy
    month = day = None
    if groups.get("month"):
        month = tables["month"].get(_word(groups["month"]))
    elif groups.get("mnum"):
        month = int(groups["mnum"])
    if groups.get("day"):
        digits = re.match(r"[0-9]+", groups["day"])
        day = int(digits.group()) if digits else tables["ordinal"].get(_word(groups["day"]))
        if day is None:
            return None
    if groups.get("n1") and groups.get("n2"):  # numeric date: order declared by the rule
        a, b = int(groups["n1"]), int(groups["n2"])
        month, day = (b, a) if rule.options.get("order") == "dmy" or a > 12 else (a, b)
    mod = _mod(groups, rule)
    tail = ""
    if groups.get("pod"):
        tail = "T" + tables["pod"][_word(groups["pod"])]
    if groups.get("hour"):
        tail = "T" + _clock(groups)
    if groups.get("year_words"):
        year = spelled_year(groups["year_words"], tables)
        if year is None:
            return None
    if groups.get("decade_word"):
        return rule.type, str(tables["decade_word"][_word(groups["decade_word"])]), mod
    if groups.get("decade"):
        digits = re.sub(r"\D", "", groups["decade"])
        if len(digits) == 2:
            digits = ("19" if int(digits) >= 30 else "20") + digits
        return rule.type, digits[:3], mod
    if groups.get("century"):
        n = number(groups["century"], tables) or tables["ordinal"].get(_word(groups["century"])) or \
            int(re.match(r"[0-9]+", groups["century"]).group())
        return rule.type, f"{int(n) - 1:02d}", mod
    period = None
    if groups.get("season"):
        period = tables["season"][_word(groups["season"])]
    elif groups.get("quarter"):
        q = tables["ordinal"].get(_word(groups["quarter"]))
        if q is None or q > 4:
            return None
        period = f"Q{q}"
    elif groups.get("half"):
        h = tables["half"].get(_word(groups["half"]))
        period = f"H{h}" if h in (1, 2) else None
    if period:
        if year is None and ref is not None and groups.get("yshift"):
            year = ref.year + tables["shift"].get(_word(groups["yshift"]), 0)
        elif year is None and ref is not None:
            first = _SEASON_MONTHS[period][0] if period in _SEASON_MONTHS else \
                {"H1": 1, "H2": 7}.get(period) or (_QUARTER_OF[period] - 1) * 3 + 1
            year = _year_by_shift(first, ref, groups, rule, ctx)
            if year is None and period.startswith("Q") and "fiscal" in ctx.text[start:end].lower():
                # a fiscal year's months vary by company: "the fiscal first quarter" a report
                # names is the one just ended or under way, labelled with the reference year
                year = ref.year
            year = year or _nearest_period_year(period, ref)
        return rule.type, f"{year:04d}-{period}" if year else f"XXXX-{period}", mod
    if month is None:
        if year is None:
            return None
        if rule.options.get("anaphor") == "period":  # "the 1988 period": the quarter named before, in 1988
            prev = _anchor(ctx, start, int(rule.options.get("window", 400)))
            if prev is not None and _granularity(prev.value) == "Q":
                return rule.type, f"{year:04d}{prev.value[4:]}", mod
        return rule.type, f"{year:04d}", mod
    if day is not None:
        if day > calendar.monthrange(year or 2000, month)[1]:
            return None
    if year is None:
        if ref is None:
            stem = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return rule.type, stem + tail, mod
        weekday = ctx.tables["weekday"].get(_word(groups["weekday"])) if groups.get("weekday") else None
        year = _year_by_shift(month, ref, groups, rule, ctx) or \
            infer_year(month, day, ref, ctx.tense(start, end), weekday)
        if day == 29 and month == 2 and not calendar.isleap(year):
            return None
    value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return rule.type, value + tail, mod


def norm_holiday(rule, groups, ctx, start, end):
    """Named days (Thanksgiving, Christmas, Easter ...) placed like dates without a year."""
    spec = ctx.tables["holiday"].get(_word(groups["holiday"]).replace("’", "'"))
    if spec is None:
        return None
    ref = ctx.reference
    if groups.get("year"):
        return rule.type, holiday_date(str(spec), int(groups["year"])).isoformat(), None
    if ref is None:
        return None if "/" in str(spec) or str(spec).startswith("easter") else \
            (rule.type, "XXXX-" + str(spec), None)
    shift = _shift(groups, rule, ctx.tables)
    days = [holiday_date(str(spec), y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if shift is not None and shift < 0:
        day = max(d for d in days if d < ref)
    elif shift is not None and shift > 0:
        day = min(d for d in days if d > ref)
    else:
        day = dt.date(infer_year(days[1].month, days[1].day, ref, ctx.tense(start, end)), 1, 1)
        day = [d for d in days if d.year == day.year][0]
    return rule.type, day.isoformat(), None


def norm_none(rule, groups, ctx, start, end):
    """A phrase that is not a temporal expression and that no later rule may read ("has recently")."""
    return None


NORMALIZERS = {"none": norm_none, "fixed": norm_fixed, "duration": norm_duration, "set": norm_set, "relative": norm_relative,
               "weekday": norm_weekday, "date": norm_date, "time": norm_time, "holiday": norm_holiday}


def normalize(rule: Rule, groups: dict, ctx, start: int, end: int):
    """(type, value, mod) for a match, or None when the match is not a temporal expression.

    Examples:
        >>> from timeline.rules import load_rules
        >>> from timeline.temporal import Context
        >>> rule = next(r for r in load_rules() if r.id == "rel_shift_unit")
        >>> normalize(rule, {"shift": "last", "unit": "week"}, Context("", dt.date(2025, 2, 28)), 0, 0)
        ('DATE', '2025-W08', None)
    """
    return NORMALIZERS[rule.norm](rule, groups, ctx, start, end)
