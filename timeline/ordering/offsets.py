"""Where the text places one event from another (ordering stage): duration offsets ("ended
two weeks later", "resigned three days after the vote", "hours after"), deadlines ("would
challenge it within ten days") and coreference ("the announcement" is the dated "announced").

TimeML reads "two weeks later" as a duration ("two weeks", ``P2W``) and a signal ("later"):
the expression has no date of its own. Read together with the event it modifies and the last
event an expression dated before it, it places that event: a strike that "began on March 3
and ended two weeks later" ended on March 17. With an event after the signal ("resigned three
days after the vote") it counts from that event instead, whichever of the two is dated.
:func:`find` names the pairs and the number of days between them, :func:`deadlines` the
events due within a duration, :func:`coreferent` the definite nouns that name an earlier
dated act; :func:`bounds` turns all three into point-to-point bounds that
:mod:`timeline.constraints` adds to the network. Signal words, unit widths and reach are
data: ``offsets`` and ``definite_coreference`` in ``rules/ordering.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline import settings
from timeline.events.lemmas import base_lemma
from timeline.io.segment import same_sentence
from timeline.model import Event, Kind, Modality, Role, Tense, TimeExpr
from timeline.temporal.rulebook import amount_bound

from .tense import rules

__all__ = ["Bound", "Offset", "bounds", "coreferent", "deadlines", "find", "recent_spans"]

_AMOUNT = re.compile(r"P(\d+)([DWMY])|PT(\d+)([HM])")


@dataclass(frozen=True)
class Offset:
    """``target`` lies ``low``..``high`` days ``direction`` (later / earlier) of ``anchor``;
    ``high`` None: no more is known ("more than two weeks later")."""

    target: int
    anchor: int
    direction: str
    low: int
    high: int | None
    label: str


def _table() -> dict:
    table = rules()["offsets"]
    if "regex" not in table:
        table["regex"] = re.compile(table["signal"], re.I)
        table["event_regex"] = re.compile(table["signal_event"], re.I)
        table["vague_regex"] = re.compile(table["vague_amount"], re.I)
        # every vague amount names one of these units: a text without any has none, and
        # finding the units is far cheaper than trying the amount's look-behinds everywhere
        table["vague_unit_regex"] = re.compile(
            "|".join(re.escape(unit) for unit in sorted(table["vague_units"])), re.I
        )
        table["within_regex"] = re.compile(table["within"], re.I)
        table["due_in_regex"] = re.compile(table["due_in"], re.I)
        table["due_in_not_after_regex"] = re.compile(table["due_in_not_after"], re.I)
        table["span_regex"] = re.compile(table["recent_span"], re.I)
    return table


def _following(events: list[Event], position: int, text: str) -> int | None:
    """The first event after ``position`` in the same sentence: what "after"/"before" counts
    from."""
    after = [
        i
        for i, e in enumerate(events)
        if e.trigger_start >= position and same_sentence(text, position, e.trigger_start)
    ]
    return min(after, key=lambda i: events[i].trigger_start) if after else None


def _modified(events: list[Event], timex: TimeExpr, text: str) -> int | None:
    """The event the duration modifies: the nearest finite one before it in its sentence
    ("ended two weeks later"), else, when it opens the sentence, the first one after it."""
    before = [
        i
        for i, e in enumerate(events)
        if e.trigger_end <= timex.start
        and e.tense != Tense.NONE
        and same_sentence(text, e.trigger_end, timex.start)
    ]
    if before:
        return max(before, key=lambda i: events[i].trigger_start)
    after = [
        i
        for i, e in enumerate(events)
        if e.trigger_start >= timex.end
        and e.tense != Tense.NONE
        and same_sentence(text, timex.end, e.trigger_start)
    ]
    return min(after, key=lambda i: events[i].trigger_start) if after else None


_TEXT = re.compile(r"[^ ]")


def _amounts(timexes: list[TimeExpr], text: str, table: dict):
    """(expression, (fewest, most days)) of every counted duration ("two weeks": 14, 14) and of
    every bare one TimeML leaves vague ("hours after", "days later": ``vague_units``), in text
    order."""
    found = []
    for timex in timexes:
        amount = _AMOUNT.fullmatch(timex.value or "") if timex.type == "DURATION" else None
        if amount is None:
            continue
        if amount.group(1):
            count, unit = int(amount.group(1)), amount.group(2)
            found.append((timex, tuple(count * days for days in table["units"][unit])))
        else:  # hours or minutes: the same day or, across midnight, the next ones
            hours = int(amount.group(3)) / (1 if amount.group(4) == "H" else 60)
            found.append((timex, (int(hours // 24), -int(-hours // 24))))
        low, high = found[-1][1]
        # a bounded amount: "less than three weeks" is 0 to 21 days, "more than two" 14 or more
        side = amount_bound(timex.mod)
        if side == "at_most":
            found[-1] = (timex, (0, high))
        elif side == "at_least":
            found[-1] = (timex, (low, None))
    counted = [timex for timex in timexes if timex.type == "DURATION"]
    # a block's view of the text is blank outside its own stretch (solve._block_texts): scan
    # only that stretch, or a long article's blocks would each scan all of it
    low = _TEXT.search(text)
    low, high = (low.start(), len(text.rstrip(" "))) if low else (0, 0)
    high = min(len(text), high + settings.VAGUE_TAIL_CHARS)
    if not table["vague_unit_regex"].search(text, low, high):
        return sorted(found, key=lambda pair: pair[0].start)
    for match in table["vague_regex"].finditer(text, low, high):
        if any(timex.start < match.end() and match.start() < timex.end for timex in counted):
            continue  # "two weeks later" is counted
        unit = match.group("unit").lower()
        bare = TimeExpr(
            match.start(),
            match.end(),
            match.group(0),
            "DURATION",
            f"PX{unit[0].upper()}",
            None,
            None,
            "unknown",
            table["id"],
        )
        found.append((bare, tuple(table["vague_units"][unit])))
    return sorted(found, key=lambda pair: pair[0].start)


def find(events: list[Event], timexes: list[TimeExpr], text: str) -> list[Offset]:
    """The duration offsets of an article: events placed a duration after or before a dated one.

    Args:
        events: the article's events, with ``timex`` set by :func:`timeline.anchoring.attach`.
        timexes: its temporal expressions.
        text: the article text.

    Examples:
        >>> import datetime as dt
        >>> text = "The strike began on March 3 and ended two weeks later."
        >>> ev = [Event(0, 0, 27, "began", 11, 16, tense="past", timex=0),
        ...       Event(0, 28, 54, "ended", 32, 37, tense="past")]
        >>> march3 = dt.date(2025, 3, 3)
        >>> tx = [TimeExpr(20, 27, "March 3", "DATE", "2025-03-03", march3, march3, "day",
        ...                "date_md"),
        ...       TimeExpr(38, 47, "two weeks", "DURATION", "P2W", None, None, "unknown",
        ...                "dur_count_unit")]
        >>> [(o.target, o.anchor, o.direction, o.low, o.high) for o in find(ev, tx, text)]
        [(1, 0, 'later', 14, 14)]
    """
    table = _table()
    found = []
    for timex, (low, high) in _amounts(timexes, text, table):
        signal = table["regex"].match(text, timex.end)
        counted = table["event_regex"].match(text, timex.end) if signal is None else None
        if signal is None and counted is None:
            continue
        target = _modified(events, timex, text)
        if target is None or events[target].timex is not None and counted is None:
            continue
        if (
            counted is not None
        ):  # "resigned three days after the vote": from the vote (either may be dated)
            anchor = _following(events, counted.end(), text)
            if anchor is None or anchor == target:
                continue
            signal = counted
        else:  # "ended two weeks later": from the last dated event
            reach = events[target].sentence - int(table["max_sentences_back"])
            dated = [
                i
                for i, e in enumerate(events)
                if e.timex is not None
                and i != target
                and e.trigger_start < events[target].trigger_start
                and reach <= e.sentence
                and timexes[e.timex].type in ("DATE", "TIME")
                and timexes[e.timex].earliest is not None
            ]
            if not dated:
                continue
            anchor = max(dated, key=lambda i: events[i].trigger_start)
        direction = "later" if signal.group("later") else "earlier"
        word = signal.group(0).strip()
        days = f"{low}+" if high is None else f"{low}" + (f"-{high}" if high != low else "")
        label = (
            f"'{events[target].trigger}' {timex.text} {word}{' than' if counted is None else ''} "
            f"'{events[anchor].trigger}' ({days} days)"
        )
        found.append(Offset(target, anchor, direction, low, high, label))
    return found


def deadlines(
    events: list[Event], timexes: list[TimeExpr], text: str
) -> list[tuple[int, int | None, int | None, int, str, str]]:
    """(event, its report or None for publication, fewest days or None, most days, rule,
    label): an event still ahead that is due within a duration ("would challenge the result
    within ten days") ends at most that many days after its report, or after publication; one
    due in a duration ("will meet again in six weeks") lies that far ahead, give or take the
    part of its unit the table ``due_in_slack`` allows (TimeML reads "will mature in five years"
    as the year five years on).

    Examples:
        >>> text = "The party will appeal within ten days."
        >>> ev = [Event(0, 0, 38, "appeal", 15, 21, modality="expected", tense="future")]
        >>> tx = [TimeExpr(29, 37, "ten days", "DURATION", "P10D", None, None, "unknown",
        ...                "dur_count_unit")]
        >>> deadlines(ev, tx, text)
        [(0, None, None, 10, 'offset_within', "'appeal' within ten days of publication")]
        >>> text = "The board will meet again in six weeks."
        >>> ev = [Event(0, 0, 39, "meet", 15, 19, modality="expected", tense="future")]
        >>> tx = [TimeExpr(29, 38, "six weeks", "DURATION", "P6W", None, None, "unknown",
        ...                "dur_count_unit")]
        >>> deadlines(ev, tx, text)
        [(0, None, 39, 45, 'offset_due_in', "'meet' in six weeks from publication")]
    """
    table = _table()
    found = []
    for timex, (low, high) in _amounts(timexes, text, table):
        window = max(0, timex.start - settings.WITHIN_CHARS)
        if table["within_regex"].search(text, window, timex.start):
            due_in = False
        elif (
            table["due_in_regex"].search(text, window, timex.start)
            and high is not None
            and not table["span_regex"].match(timex.text)  # "in the next two weeks": a span
        ):
            due_in = True
        else:
            continue
        before = [
            i
            for i, e in enumerate(events)
            if e.role == Role.VERB
            and e.trigger_end <= timex.start
            and same_sentence(text, e.trigger_end, timex.start)
        ]
        if not before:
            continue
        target = max(before, key=lambda i: events[i].trigger_start)
        event = events[target]
        if event.tense != Tense.FUTURE and event.modality not in (
            Modality.EXPECTED,
            Modality.POTENTIAL,
        ):
            continue  # "withdrew within ten days", "replied in two hours": how long it took
        source = (
            event.source if event.source is not None and 0 <= event.source < len(events) else None
        )
        governor = max(
            (k for k in before if k < target and events[k].tense != Tense.NONE),
            default=None,
            key=lambda k: events[k].trigger_start,
        )
        if (
            source is None
            and event.tense != Tense.FUTURE
            and governor is not None
            and events[governor].tense == Tense.PAST
        ):
            # "was supposed to return them within 72 hours": of an earlier start, not of
            # publication
            continue
        if due_in and table["due_in_not_after_regex"].search(text, event.trigger_end, timex.start):
            continue  # "will hold its first vote in 20 years": how long since, not when
        whence = f"'{events[source].trigger}'" if source is not None else "publication"
        if due_in:
            unit = _AMOUNT.fullmatch(timex.value or "")
            # a bounded amount ("in less than two weeks") is already a range: no slack on it
            exact = unit is not None and amount_bound(timex.mod) is None
            slack = table["due_in_slack"][unit.group(2) or "D"] if exact else 0
            fewest, most = max(0, low - slack), high + slack
            rule, label = table["due_in_id"], f"'{event.trigger}' in {timex.text} from {whence}"
        else:
            fewest, most = None, high
            rule, label = table["within_id"], f"'{event.trigger}' within {timex.text} of {whence}"
        found.append((target, source, fewest, most, rule, label))
    return found


def recent_spans(
    events: list[Event], timexes: list[TimeExpr], text: str
) -> list[tuple[int, str, int, str]]:
    """(event, "past" or "next", days, label): an event "in the past 48 hours" lies within that
    many days before publication, one "in the next two weeks" within them after it. The event
    is the nearest one before the expression in its sentence that does not hold at publication
    (a state or a present tense spans it: "doesn't want it over the next 14 months").

    Examples:
        >>> text = "Thousands fled in the past 48 hours."
        >>> ev = [Event(0, 0, 36, "fled", 10, 14, tense="past")]
        >>> tx = [TimeExpr(18, 35, "the past 48 hours", "DURATION", "PT48H", None, None, "unknown",
        ...                "dur_count_unit")]
        >>> recent_spans(ev, tx, text)
        [(0, 'past', 2, "'fled' in the past 48 hours")]
    """
    table = _table()
    found = []
    for timex, (_, high) in _amounts(timexes, text, table):
        side = table["span_regex"].match(timex.text)
        if side is None or re.match(r"\s+of\b", text[timex.end : timex.end + 4]):
            continue  # "the last three months of the year" is a calendar period
        before = [
            i
            for i, e in enumerate(events)
            if e.trigger_end <= timex.start
            and e.kind != Kind.STATE
            and e.tense != Tense.PRESENT
            and same_sentence(text, e.trigger_end, timex.start)
        ]
        if before:
            target = max(before, key=lambda i: events[i].trigger_start)
            found.append(
                (
                    target,
                    "next" if side.group(1).lower() in ("next", "coming") else "past",
                    high,
                    f"'{events[target].trigger}' in {timex.text}",
                )
            )
    return found


def coreferent(events: list[Event], text: str) -> list[tuple[int, int]]:
    """(noun, verb) pairs: an undated definite event noun and the earlier dated verb of the same
    act (:func:`timeline.events.lemmas.base_lemma`), at most ``max_sentences_back`` sentences
    before.

    Examples:
        >>> text = "The board announced the plan on Monday. Shares rose after the announcement."
        >>> ev = [Event(0, 0, 39, "announced", 10, 19, tense="past", timex=0, lemma="announce"),
        ...       Event(1, 40, 75, "announcement", 62, 74, role="nominal", lemma="announcement")]
        >>> coreferent(ev, text)
        [(1, 0)]
    """
    table = rules()["definite_coreference"]
    determiner = re.compile(
        r"\b(?:" + "|".join(table["determiners"]) + r")\s+(?:[a-z][\w-]*\s+)?$", re.I
    )
    found = []
    latest: dict[str, int] = {}  # act -> index of the last dated, asserted verb telling it
    for i, event in enumerate(events):
        act = base_lemma(event.lemma or event.trigger)
        if (
            event.role == Role.VERB
            and event.timex is not None
            and event.modality == Modality.ASSERTED
            and event.tense in (Tense.PAST, Tense.PRESENT)
        ):
            latest[act] = i
        elif (
            event.role == Role.NOMINAL
            and event.timex is None
            and act in latest
            and event.sentence - events[latest[act]].sentence <= int(table["max_sentences_back"])
            and determiner.search(
                text,
                max(0, event.trigger_start - settings.DEFINITE_DETERMINER_CHARS),
                event.trigger_start,
            )
        ):
            found.append((i, latest[act]))
    return found


@dataclass(frozen=True)
class Bound:
    """``a_point`` of event ``a`` lies at most ``days`` after ``b_point`` of event ``b`` (either
    None: the publication point)."""

    a: int | None
    a_point: str
    b: int | None
    b_point: str
    days: float
    rule: str
    label: str


def bounds(events: list[Event], timexes: list[TimeExpr], text: str) -> list[Bound]:
    """Every bound offsets, deadlines and coreference put between two events (or an event and
    publication), for :mod:`timeline.constraints`.

    Examples:
        >>> text = "The board announced the plan on Monday. Shares rose after the announcement."
        >>> ev = [Event(0, 0, 39, "announced", 10, 19, tense="past", timex=0, lemma="announce"),
        ...       Event(1, 40, 75, "announcement", 62, 74, role="nominal", lemma="announcement")]
        >>> [(b.a, b.a_point, b.b, b.b_point, b.days) for b in bounds(ev, [], text)][:2]
        [(1, 'start', 0, 'start', 0), (0, 'start', 1, 'start', 0)]
    """
    found = []
    rule = _table()["id"]
    for o in find(events, timexes, text):
        if o.direction == "later":  # target starts >= anchor end + low, ends <= anchor start + high
            found.append(Bound(o.anchor, "end", o.target, "start", -o.low, rule, o.label))
            if o.high is not None:
                found.append(Bound(o.target, "end", o.anchor, "start", o.high, rule, o.label))
        else:  # target ends <= anchor start - low, starts >= anchor end - high
            found.append(Bound(o.target, "end", o.anchor, "start", -o.low, rule, o.label))
            if o.high is not None:
                found.append(Bound(o.anchor, "end", o.target, "start", o.high, rule, o.label))
    for target, source, fewest, most, rule, label in deadlines(events, timexes, text):
        found.append(Bound(target, "end", source, "end", most, rule, label))
        if fewest is not None:  # starts no sooner than that: "in six weeks", not next week
            found.append(Bound(source, "end", target, "start", -fewest, rule, label))
    for target, side, days, label in recent_spans(events, timexes, text):
        rule = rules()["offsets"]["recent_span_id"]
        if side == "past":  # starts at most `days` before publication, ends by it
            found += [
                Bound(None, "", target, "start", days, rule, label),
                Bound(target, "end", None, "", 0, rule, label),
            ]
        else:  # starts at or after publication, ends at most `days` after it
            found += [
                Bound(None, "", target, "start", 0, rule, label),
                Bound(target, "end", None, "", days, rule, label),
            ]
    rule = rules()["definite_coreference"]["id"]
    for noun, verb in coreferent(events, text):
        label = f"'the {events[noun].trigger}' is '{events[verb].trigger}'"
        found += [
            Bound(x, point, y, point, 0, rule, label)
            for point in ("start", "end")
            for x, y in ((noun, verb), (verb, noun))
        ]
    return found
