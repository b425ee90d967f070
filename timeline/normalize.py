"""Normalizing a matched temporal expression: TIMEX3 type/value and interval.

Each rule names a normalizer (``norm`` in its YAML); the normalizers read the
rule's named groups through the word tables of ``fragments.yaml`` and the
reference date. They hold no English words. :func:`interval` turns a TIMEX3
value into the calendar days it may denote.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from .rules import Rule, vague_window

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_QUARTER_OF = {"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4, "H1": 1, "H2": 3}
_MODS = {"early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END",
         "mid": "MID", "middle": "MID"}


def _word(value: str) -> str:
    return re.sub(r"[\s.]+", " ", value.lower()).strip().rstrip(".")


def number(value: str, tables: dict):
    """A count as int/float, or 'X' when vague ("several"), or None.

    Examples:
        >>> number("twenty-four", {"number": {"twenty": 20, "four": 4}}), number("2 1/2", {"number": {}})
        (24, 2.5)
    """
    value = _word(value)
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


def _fmt(n) -> str:
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    return str(n)


#: A date without a year is put in the year that brings it nearest to the reference date,
#: unless the clause tense says otherwise by more than this many days: a past-tense
#: clause still names near deadlines ("extended the offer to Nov. 20"), a future-tense
#: clause does not name past days.
PAST_SLACK_DAYS = 92
MONTH_PAST_SLACK_DAYS = 62
FUTURE_SLACK_DAYS = 7


def infer_year(month: int, day: int | None, ref: dt.date, tense: str | None, weekday: int | None = None) -> int:
    """Year of a date written without one, from the reference date and the clause tense.

    Examples:
        >>> infer_year(10, 23, dt.date(1989, 11, 1), "past"), infer_year(10, 23, dt.date(1989, 11, 1), "future")
        (1989, 1990)
        >>> infer_year(2, 20, dt.date(1989, 11, 2), "past"), infer_year(2, 20, dt.date(1989, 11, 2), None)
        (1989, 1990)
        >>> infer_year(11, 20, dt.date(1989, 11, 2), "past")  # a near deadline in a past-tense clause
        1989
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
        distance = 0 if first <= ref <= last else (first - ref).days if first > ref else (last - ref).days
        candidates.append((abs(distance), distance, year))
    if not candidates:
        return ref.year
    candidates.sort()
    _, distance, year = candidates[0]
    if tense == "past" and distance > (PAST_SLACK_DAYS if day is not None else MONTH_PAST_SLACK_DAYS):
        earlier = [c for c in candidates if c[1] <= 0]
        if earlier:
            return max(earlier, key=lambda c: c[1])[2]
    if tense == "future" and distance < -FUTURE_SLACK_DAYS:
        later = [c for c in candidates if c[1] >= 0]
        if later:
            return min(later, key=lambda c: c[1])[2]
    return year


def _week(date: dt.date) -> str:
    iso = date.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _at_unit(ref: dt.date, unit: str, delta) -> str | None:
    """The value of the period ``delta`` units away from the reference's period."""
    if unit == "D":
        return (ref + dt.timedelta(days=delta)).isoformat()
    if unit in ("W", "WE"):
        week = _week(ref + dt.timedelta(weeks=delta))
        return week + "-WE" if unit == "WE" else week
    if unit == "M":
        year, month = _shift_months(ref.year, ref.month, delta)
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


_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS"),
            "DE": (10, "Y"), "CE": (100, "Y")}


def duration_value(count, unit: str) -> str:
    """TIMEX3 duration value; fractions become the next smaller unit (2.5 years: P2Y6M).

    Examples:
        >>> duration_value(2.5, "Y"), duration_value(5.5, "TH"), duration_value("X", "D")
        ('P2Y6M', 'PT5H30M', 'PXD')
    """
    if unit == "Q":
        unit, count = "M", (count * 3 if count != "X" else "X")
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
        parts.append((_fmt(round(rest * factor, 3)), smaller))
    else:
        parts.append((_fmt(count), unit))
    date = "".join(f"{n}{u}" for n, u in parts if not u.startswith("T"))
    time = "".join(f"{n}{u[1]}" for n, u in parts if u.startswith("T"))
    return "P" + date + (f"T{time}" if time else "")


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
        delta = 0
    if ctx.reference is None:
        return rule.type, f"XXXX-XX-XXT{clock}", _mod(groups, rule)
    return rule.type, (ctx.reference + dt.timedelta(days=delta)).isoformat() + "T" + clock, _mod(groups, rule)


def _nearest_period_year(period: str, ref: dt.date) -> int:
    """The year whose quarter/half/season ``period`` lies nearest the reference date (reports name
    the last completed quarter in any tense, so tense is not used here)."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        first, last, _ = interval("DATE", f"{year}-{period}", None, None)
        distance = 0 if first <= ref <= last else min(abs((first - ref).days), abs((last - ref).days))
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1]


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
    value = f"{year:04d}" + prev.value[4:]
    if value[4:10] == "-02-29" and not calendar.isleap(year):
        value = value[:8] + "28" + value[10:]
    return value


def spelled_year(words: str, tables: dict) -> int | None:
    """A year written in words: "nineteen ninety-six", "two thousand", "twenty ten".

    Examples:
        >>> t = {"number": {"nineteen": 19, "ninety": 90, "six": 6, "two": 2, "thousand": 1000, "twenty": 20, "ten": 10}}
        >>> spelled_year("nineteen ninety-six", t), spelled_year("two thousand", t), spelled_year("twenty ten", t)
        (1996, 2000, 2010)
    """
    parts = _word(words).replace("-", " ").split()
    if "thousand" in parts:
        rest = [p for p in parts[parts.index("thousand") + 1:] if p != "and"]
        tail = number(" ".join(rest), tables) if rest else 0
        head = number(" ".join(parts[:parts.index("thousand") + 1]), tables)
        return head + tail if isinstance(head, int) and isinstance(tail, int) else None
    century = tables["number"].get(parts[0]) if parts else None
    rest = [p for p in parts[1:] if p != "hundred"]
    tail = number(" ".join(rest), tables) if rest else 0
    if not isinstance(century, int) or not isinstance(tail, int) or tail >= 100:
        return None
    return century * 100 + tail


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
        month, day = (b, a) if rule.options.get("granularity") == "dmy" or a > 12 else (a, b)
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
            year = _year_by_shift(first, ref, groups, rule, ctx) or _nearest_period_year(period, ref)
        return rule.type, f"{year:04d}-{period}" if year else f"XXXX-{period}", mod
    if month is None:
        if year is None:
            return None
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


NORMALIZERS = {"fixed": norm_fixed, "duration": norm_duration, "set": norm_set, "relative": norm_relative,
               "weekday": norm_weekday, "date": norm_date, "time": norm_time, "holiday": norm_holiday}


def normalize(rule: Rule, groups: dict, ctx, start: int, end: int):
    """(type, value, mod) for a match, or None when the match is not a temporal expression."""
    return NORMALIZERS[rule.norm](rule, groups, ctx, start, end)


_VALUE = re.compile(r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|(?P<p>Q[1-4]|H[12]|SP|SU|FA|WI)))?"
                    r"(?:-WE)?(?:T.*)?")


def interval(type_: str, value: str, reference: dt.date | None, rule: Rule):
    """(earliest, latest, precision) of a normalized expression: calendar days, None = open.

    Examples:
        >>> interval("DATE", "2025-02", None, None)
        (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28), 'month')
    """
    if type_ == "DURATION":
        return None, None, "duration"
    if type_ == "SET":
        return None, None, "set"
    if value.endswith("_REF"):
        name = (rule.options.get("vague") if rule is not None else None) or \
            {"PAST_REF": "recent", "PRESENT_REF": "present", "FUTURE_REF": "future"}[value]
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
        if p in _SEASON_MONTHS:
            first, last = _SEASON_MONTHS[p]
            end_y, end_m = (y + 1, last - 12) if last > 12 else (y, last)
            return dt.date(y, first, 1), dt.date(end_y, end_m, calendar.monthrange(end_y, end_m)[1]), "season"
        if p.startswith("H"):
            first = 1 if p == "H1" else 7
            return dt.date(y, first, 1), dt.date(y, first + 5, 30 if first == 1 else 31), "quarter"
        first = (_QUARTER_OF[p] - 1) * 3 + 1
        return dt.date(y, first, 1), dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1]), "quarter"
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
