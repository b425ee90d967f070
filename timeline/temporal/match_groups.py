"""Reading a matched rule's named groups: its unit, shift, modifier and clock time.

Shared by the normalizers (:mod:`timeline.normalize`, :mod:`timeline.calendar_dates`):
each reads a group's words through the word tables of ``fragments.yaml`` (or takes the
rule's fixed option of the same name).
"""

from __future__ import annotations

from .calendar_math import normal_word

__all__ = ["unit", "shift", "mod", "clock"]


def unit(groups, rule, tables):
    """The TIMEX3 unit letter(s) of the rule's ``unit`` option or group ("weeks" -> W).

    Examples:
        >>> from timeline.temporal.rulebook import fragments_and_tables, load_rules
        >>> rule = next(r for r in load_rules() if r.id == "rel_shift_unit")
        >>> tables = fragments_and_tables()[1]
        >>> unit({"unit": "weeks"}, rule, tables), unit({"unit": "hour"}, rule, tables)
        ('W', 'TH')
    """
    raw = rule.options.get("unit") or groups.get("unit")
    if raw is None:
        return None
    return tables["unit"].get(normal_word(raw), raw)


def shift(groups, rule, tables):
    """Direction of a relative expression: -1 before the reference, 0 the same period, +1 after.

    Examples:
        >>> from timeline.temporal.rulebook import fragments_and_tables, load_rules
        >>> rule = next(r for r in load_rules() if r.id == "rel_shift_unit")
        >>> tables = fragments_and_tables()[1]
        >>> shift({"shift": "Last"}, rule, tables), shift({}, rule, tables)
        (-1, None)
    """
    if "shift" in rule.options:
        return rule.options["shift"]
    raw = groups.get("shift")
    return None if raw is None else tables["shift"].get(normal_word(raw))


def mod(groups, rule, tables):
    """The TIMEX3 ``mod`` of the rule's option or of its ``mod`` group, read through the ``mod``
    table of fragments.yaml: a part ("late" -> END) by its first word, an amount's bound ("less
    than" -> LESS_THAN) by its words.

    Examples:
        >>> from timeline.temporal.rulebook import fragments_and_tables, load_rules
        >>> rule = next(r for r in load_rules() if r.id == "rel_shift_unit")
        >>> tables = fragments_and_tables()[1]
        >>> mod({"mod": "early"}, rule, tables), mod({"mod": "mid-"}, rule, tables)
        ('START', 'MID')
        >>> mod({"mod": "less than"}, rule, tables), mod({"mod": "at least"}, rule, tables)
        ('LESS_THAN', 'EQUAL_OR_MORE')
        >>> mod({}, rule, tables) is None
        True
    """
    if rule.options.get("mod"):
        return rule.options["mod"]
    raw = groups.get("mod")
    if not raw:
        return None
    words = normal_word(raw)
    return tables["mod"].get(words) or tables["mod"].get(words.split(" ")[0].rstrip("-"))


def clock(groups) -> str:
    """HH:MM of the ``hour``, ``minute`` and ``ampm`` groups (a ``pm`` group: after noon).

    Examples:
        >>> clock({"hour": "10", "minute": "35", "ampm": "p.m."})
        '22:35'
        >>> clock({"hour": "12", "ampm": "am"})
        '00:00'
        >>> clock({"hour": "4", "ampm": "morning"}), clock({"hour": "4", "pm": "afternoon"})
        ('04:00', '16:00')
    """
    hour = int(groups["hour"])
    minute = int(groups.get("minute") or 0)
    half = normal_word(groups.get("ampm", "")).replace(" ", "")
    if groups.get("pm"):  # "4 in the afternoon"
        half = "pm"
    if half.startswith("p") and hour < 12:
        hour += 12
    if half.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"
