"""Anaphoric temporal expressions: values taken from an expression named before.

"a year earlier", "the year-ago quarter", "the quarter", "that year", "the 1988 period"
have no value of their own: it comes from an antecedent, an explicit calendar date named
earlier in the text (see :func:`anchor`), shifted by the expression's own amount
(:func:`anaphoric`). In company reports the antecedent of "a year earlier" is the
reporting period, the quarter the report leads with, however far back. Used by
:mod:`timeline.normalize`; calendar arithmetic lives in :mod:`timeline.calendar_math`,
calendar periods (shifting by units) in :mod:`timeline.periods`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from timeline import settings

from .periods import period_at, shift_months

__all__ = ["anchor", "anaphoric", "granularity"]


_PERIOD_END = re.compile(
    r"\b(?:quarter|period|year|months|half|weeks)\s+end(?:ed|ing)\s+(?:on\s+)?$", re.I
)


def anchor(ctx, start: int, window: int, reported: bool = False):
    """The antecedent of an anaphoric expression at ``start``: the last explicit calendar
    DATE (or TIME of a named day) ending within ``window`` characters before it (a TimeExpr),
    or None.

    Expressions that were themselves computed from another one or from the reference date
    by a shift ("a year earlier", "last year") are not antecedents: "a year ago" after
    "a year earlier" must not go back two years. A quarter is one, however it was named
    ("the latest quarter"), and beyond the window the first quarter the text names (its
    lead: "third-quarter net rose") is the period a report is about: "up from $3 a year
    earlier", paragraphs later, compares with that quarter a year before.
    A span of months named in between ("the first nine months") is what follows compares
    against, not a quarter: then there is no calendar antecedent. With ``reported``, a period
    that begins after the reference date is no antecedent either: "the year-ago period"
    compares results reported for a period gone by, not the forecast named just before it
    ("losses may run into the spring quarter ... In the year-ago period").

    Args:
        ctx: the :class:`timeline.temporal.Context` of the text (its ``previous_rules``).
        start: where the anaphoric expression starts.
        window: how far back (characters) an antecedent of any granularity may end.
        reported: skip antecedents that begin after the reference date.

    Examples:
        >>> import datetime as dt
        >>> from timeline.temporal.timexes import find
        >>> text = "Third-quarter net rose. " + "Costs fell. " * 40
        >>> text += "Sales were $3 a year earlier."
        >>> [(t.text, t.value) for t in find(text, dt.date(1989, 10, 26))]
        [('Third-quarter', '1989-Q3'), ('a year earlier', '1988-Q3')]
        >>> text = "Third-quarter net rose. Losses may go on into the second quarter of 1990. "
        >>> text += "In the year-ago period, it earned $5."
        >>> [(t.text, t.value) for t in find(text, dt.date(1989, 10, 26))][-1]
        ('the year-ago period', '1988-Q3')
    """
    for expr, rule in reversed(ctx.previous_rules):
        if start - expr.end > window:
            break  # text order: everything before is out of the window too
        quarter = _QUARTER_VALUE.fullmatch(expr.value) is not None
        if expr.type == "DURATION" and _MONTHS_VALUE.fullmatch(expr.value):
            # "the first nine months ... the 1988 period": the period is that span, not a quarter
            return None
        if rule.options.get("anaphor") in ("always", "finer", "ago"):
            continue
        if (
            reported
            and ctx.reference is not None
            and expr.earliest is not None
            and expr.earliest > ctx.reference
        ):
            continue  # a forecast period: results are compared with a period gone by
        if rule.norm == "relative" and not rule.options.get("anaphor") and not quarter:
            continue
        if _PERIOD_END.search(ctx.text, max(0, expr.start - settings.PERIOD_END_CHARS), expr.start):
            continue  # "the quarter ended June 30": the period named before is the antecedent
        # a time on a named day is that day's antecedent too ("Thursday evening ... the
        # following day")
        if expr.type in ("DATE", "TIME") and re.match(r"[0-9]{4}(?:$|-)", expr.value):
            return expr
    lead = _first_quarter(ctx)
    return lead if lead is not None and start - lead.end > window else None


def _first_quarter(ctx):
    """The first quarter the text names, found once per text: the scan resumes where it
    stopped, so a long text full of anaphors costs linear time, not quadratic."""
    scanned, found = ctx.first_quarter
    rules = ctx.previous_rules
    while found is None and scanned < len(rules):
        expr = rules[scanned][0]
        scanned += 1
        if _QUARTER_VALUE.fullmatch(expr.value):
            found = expr
    ctx.first_quarter = (scanned, found)
    return found


_QUARTER_VALUE = re.compile(r"[0-9]{4}-Q[1-4]")
_MONTHS_VALUE = re.compile(r"P[0-9]+M")


def granularity(value: str) -> str:
    """The calendar unit of a TIMEX3 date value: Y, Q, M, D, or 'other'.

    Examples:
        >>> [granularity(value) for value in ("1989", "1989-Q3", "1989-10", "1989-10-26T09:00")]
        ['Y', 'Q', 'M', 'D']
    """
    if re.fullmatch(r"[0-9]{4}", value):
        return "Y"
    if re.fullmatch(r"[0-9]{4}-Q[1-4]", value):
        return "Q"
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
        return "M"
    if re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return "D"
    return "other"


def anaphoric(rule, groups, ctx, start, unit, delta):
    """Value of "a year earlier" / "the year-ago quarter" / "the quarter" from the expression
    before it.

    Args: the rule, its groups, the context, the start of the match, the unit (Y, Q, M, W,
    D) and the signed number of units (``delta``). Returns a TIMEX3 value or None (then the
    caller counts from the reference date instead).

    ``reported: true`` in the rule takes no antecedent that begins after the reference date
    (see :func:`anchor`). ``anaphor`` in the rule: ``always`` shifts the previous calendar
    expression by ``delta`` years; ``finer`` does so only when that expression is finer than
    a year (a quarter a year ago); ``same`` repeats the previous expression when it has the
    rule's unit (``only``: and without one the phrase names no date); ``ago`` ("the year-ago
    figures") shifts like ``always``, but an antecedent that names an earlier
    year outright ("the 1988 period") is the year-ago period itself.
    """
    mode = rule.options.get("anaphor")
    if not mode:
        return None
    prev = anchor(
        ctx,
        start,
        int(rule.options.get("window", settings.ANAPHOR_WINDOW_CHARS)),
        reported=bool(rule.options.get("reported")),
    )
    if prev is None:
        return None
    grain = granularity(prev.value)
    if mode in ("same", "only"):
        order = "YQMD"
        if grain not in order or unit not in order or order.index(grain) < order.index(unit):
            return None
        if grain == unit:
            return prev.value[:10] if unit == "D" else prev.value
        if unit == "Q":
            return (
                None if grain == "Q" else f"{prev.value[:4]}-Q{(int(prev.value[5:7]) - 1) // 3 + 1}"
            )
        return prev.value[: {"Y": 4, "M": 7}[unit]]
    if grain == "other" or (mode == "finer" and grain != "Q"):
        return None
    if unit in ("M", "D", "W"):
        order = "YQMD"
        if grain not in order or order.index(grain) < order.index("M" if unit == "M" else "D"):
            return None
        if unit == "M":
            y, m = shift_months(int(prev.value[:4]), int(prev.value[5:7]), delta)
            return f"{y:04d}-{m:02d}"
        day = dt.date.fromisoformat(prev.value[:10])
        return period_at(day, unit, delta)
    if unit != "Y":
        return None
    year = int(prev.value[:4]) + delta
    if (
        mode == "ago"
        and not prev.anchored
        and ctx.reference is not None
        and int(prev.value[:4]) < ctx.reference.year
    ):
        year = int(
            prev.value[:4]
        )  # "the 1988 period ... year-ago figures": that period is the year-ago one
    if (
        rule.options.get("grain") == "unit"
    ):  # "the following year" is a year, whatever its antecedent
        return f"{year:04d}"
    value = f"{year:04d}" + prev.value[4:]
    if value[4:10] == "-02-29" and not calendar.isleap(year):
        value = value[:8] + "28" + value[10:]
    return value
