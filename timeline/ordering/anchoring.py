"""Anchoring: which temporal expression dates which event.

Part of the ordering stage (see :mod:`timeline.ordering`): ``attach`` sets
``Event.timex`` from positions alone: a modifier right before a nominal
("Tuesday's meeting"), else the nearest compatible expression inside the
event's clause or preposed to it ("On February 1, Trump signed"). ``ranged``
and ``signal_of`` say how an expression relates to its event: joined with
others into a range ("from May 14 to June 30"), or one end of it ("since
March 2011", "by Friday"); :mod:`timeline.constraints` uses both.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import NamedTuple

from timeline import settings
from timeline.io.segment import sentence_around
from timeline.model import Event, Role, Tense, TimeExpr

from .cues import GENITIVE, publication_relation, rules
from .tense import PubRelation

_PREPOSITION = re.compile(
    r"^(?:in|on|at|for|by|during|since|until|from|within|over|after|before|of|to|this|last|next)\b",
    re.I,
)
_MODIFIER_GAP = re.compile(r"^\s+(?:[\w'’-]+\s+){0,2}$")
_FUNCTION = re.compile(
    r"\b(?:to|that|and|or|for|with|in|on|at|of|by|from|the|a|an|as|than|into|but|is|are|was|were|"
    r"after|before|since|until|during|following|"
    r"it|he|she|they|we|i|you|will|would|has|have|had|not)\b",
    re.I,
)
_REPORTED = re.compile(r"\bthat\b|[\"“”‘’`]|''|;")
#: A finite copula after a report opens the reported clause even when its predicate is no
#: event: "said it was late on Sunday evening" dates what was, not the saying.
_REPORTED_COPULA = re.compile(r"\b(?:is|are|was|were)\b", re.I)
_POSTPOSED_REPORT = re.compile(r"^[^,;:]*[,;:][\"“”'’`\s]*(?:[\w.'’-]+\s+){0,6}$")
_PREPOSED_GAP = re.compile(r"^[\s,;:]*$")
#: A signal that counts from another event: a date after it and that event is that event's.
_COUNTED_FROM = re.compile(r"\b(?:after|before|following|ahead of|since|until)\b", re.I)
#: A clause that opens with "when" right after a date is set at that date: "took place on
#: May 23, when 390 people were released".
_WHEN_CLAUSE = re.compile(r"when\b", re.I)
_WHEN_GAP = re.compile(r"^\s*,?\s*$")


def _opens_sentence(text: str, position: int) -> bool:
    """True when at most one word (a preposition) stands between a sentence start (of
    io.segment, the one notion of a sentence) and position."""
    start, _ = sentence_around(text, position)
    return re.fullmatch(r"[\"'“‘(]*\s*(?:[A-Za-z]+\s+)?", text[start:position]) is not None


_PREMODIFIER_AFTER = re.compile(
    r" (?!(?:and|or|to|of|in|on|at|for|from|with|by|as|that|the|a|an"
    r"|was|were|is|are|has|had|have|will|would)\b)[a-z][a-z-]+\b"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$", re.I
)


def _premodifier(timex: TimeExpr, text: str) -> bool:
    """A date used as an adjective before a noun ("first-quarter results", "the 2024 budget"):
    it names which results or budget, not when a verb's event happens."""
    if not _PREMODIFIER_AFTER.match(text, timex.end):
        return False
    return "-" in timex.text or bool(
        _DETERMINER_BEFORE.search(
            text, max(0, timex.start - settings.DETERMINER_BEFORE_CHARS), timex.start
        )
    )


def _counted_from(event: Event, timex: TimeExpr, between: list[Event], text: str) -> bool:
    """Between the trigger and a later date stand a signal that counts from another event
    ("after", "before", "following", ...) and that event: the date is that event's.
    ``between``: the events whose triggers lie between the trigger and the date."""
    return bool(between) and bool(_COUNTED_FROM.search(text, event.trigger_end, timex.start))


def _trailing(event: Event, timex: TimeExpr, between: list[Event], text: str) -> bool:
    """A timex shortly after the trigger, same sentence, with no other tensed event (or, for a
    nominal, no event at all) and no sentence break between: an adjunct of this event
    ("which founded the guild on May 3, 1921") that its clause span left out."""
    if (
        timex.start < event.trigger_end
        or timex.start - event.trigger_end > settings.ANCHOR_TRAILING_CHARS
    ):
        return False
    if re.search(r"[.!?;:]\s|\n", text[event.trigger_end : timex.start]):
        return False
    if _OPENS_CONJUNCT.search(text, event.trigger_end, timex.start):
        return False  # "criticised the count and last week asked": the date is the next verb's
    nominal = event.tense == Tense.NONE
    return not any(nominal or other.tense != Tense.NONE for other in between)


def _before_finite(
    event: Event, timex: TimeExpr, events: list[Event], trigger_starts: list[int], text: str
) -> bool:
    """True when a comma closes the phrase of ``event`` before ``timex`` and a finite verb
    follows the timex at most two words on ("The mayor, a rival widely said to be
    weighing a run, in March was fined"): the date stands before that verb as its adjunct,
    not after the inserted phrase's verb. (The verb itself is still not given it: that was
    measured, ECB+ checking half CoNLL F1 67.4 -> 67.3, 22 fewer links, and left.)"""
    if "," not in text[event.trigger_end : timex.start]:
        return False
    if _COORDINATED.match(text, timex.end):
        return False  # "spoke with her counterpart, Omar Lind, on Tuesday and left": spoke's
    k = bisect.bisect_left(trigger_starts, timex.end)
    return (
        k < len(events)
        and events[k].tense != Tense.NONE
        and events[k].role == Role.VERB
        and _VERB_GAP.match(text[timex.end : events[k].trigger_start]) is not None
    )


#: a conjunction right before a date (and its preposition or modifier): the date opens the
#: next conjunct
_OPENS_CONJUNCT = re.compile(
    r"\b(?:and|but|or)\s+(?:(?:earlier|later|early|late)\s+)?(?:(?:in|on|at)\s+)?$", re.I
)
#: a coordinated verb after a date: the date closes the first conjunct
_COORDINATED = re.compile(r"\s+(?:and|or|but)\b", re.I)
#: between a preverbal date and its finite verb: up to two words ("in March was fined")
_VERB_GAP = re.compile(r"^\s+(?:(?!to\s)[\w'’-]+\s+){0,2}$", re.I)


def _reported_content(
    report: Event, timex: TimeExpr, between: list[Event], text: str, preposed: bool
) -> bool:
    """True when a timex near a reporting verb dates what is reported, not the report: it stands
    after "that" or a quote ("said that ... on Monday"), after another finite event ("said
    staff were warned this week"; "said in a statement Monday" keeps it), or before a postposed
    report ("... later this month, the club said")."""
    if timex.start >= report.trigger_end:
        return (
            bool(_REPORTED.search(text, report.trigger_end, timex.start))
            or bool(_REPORTED_COPULA.search(text, report.trigger_end, timex.start))
            or any(other.tense != Tense.NONE for other in between)
        )
    return (
        not preposed and _POSTPOSED_REPORT.match(text[timex.end : report.trigger_start]) is not None
    )


def _complement_takes(event: Event, timex: TimeExpr, events: list[Event], text: str) -> bool:
    """True when a finite verb's untensed complement verb stands between it and a later timex:
    the expression then dates the complement ("expected the coalition to convene an emergency
    meeting in the coming days"), not the verb that governs it. An activity the verb happened
    in is no complement (:func:`_activity_gerund`)."""
    if event.tense == Tense.NONE or timex.start < event.trigger_end:
        return False
    return any(
        other.tense == Tense.NONE
        and other.role == Role.VERB
        and event.trigger_end <= other.trigger_start
        and other.trigger_end <= timex.start
        and not _activity_gerund(other, text, timex)
        for other in events
        if other is not event
    )


_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")
_NEXT_TOKEN = re.compile(r"\s*([\w'’-]+|[^\w\s])?")


def _activity_gerund(event: Event, text: str, timex: TimeExpr) -> bool:
    """True when ``event`` is an -ing form right after a preposition of inclusion, with no
    object of its own before ``timex`` (``activity_gerunds`` of ordering.yaml): the activity a
    verb before it happened in, as an event noun is ("killed in fighting on Monday").

    Examples:
        >>> text = "Three officers were killed in fighting on Monday."
        >>> monday = TimeExpr(42, 48, "Monday", "DATE", "2024-01-08", None, None, "day", "r")
        >>> _activity_gerund(Event(0, 0, 49, "fighting", 30, 38), text, monday)
        True
        >>> text = "A man was charged in shooting a neighbor on Friday."
        >>> friday = TimeExpr(44, 50, "Friday", "DATE", "2024-01-05", None, None, "day", "r")
        >>> _activity_gerund(Event(0, 0, 51, "shooting", 21, 29), text, friday)
        False
    """
    table = rules()["activity_gerunds"]
    if not event.trigger.lower().endswith("ing") or " " in event.trigger.strip():
        return False
    before = _WORD_BEFORE.search(text, max(0, event.trigger_start - 16), event.trigger_start)
    if before is None or before.group(1).lower() not in table["before"]:
        return False
    if not text[event.trigger_end : timex.start].strip():
        return True  # the date right after it: "rose in trading Monday"
    following = _NEXT_TOKEN.match(text, event.trigger_end).group(1) or ""
    return not following[:1].isalnum() or following.lower() in table["after"]


def _compatible(
    event: Event,
    timex: TimeExpr,
    text: str,
    reference: dt.date | None = None,
    preposed: bool = False,
) -> bool:
    """A past event is not dated by a vague future expression, nor a future one by a vague past one;
    a present state or ongoing event is not dated by an expression that ended before publication.

    A full date close to the trigger that contradicts the tense is still attached:
    the contradiction is then reported as a conflict by the ordering stage, not hidden.
    """
    if timex.type not in ("DATE", "TIME"):
        return False
    relation, _ = publication_relation(event, text)
    distance = min(abs(timex.start - event.trigger_end), abs(event.trigger_start - timex.end))
    value = timex.value or ""
    if relation == PubRelation.BEFORE and value == "FUTURE_REF":
        return False
    if relation == PubRelation.AFTER and value == "PAST_REF":
        return False
    if (
        reference is not None
        and distance > 4
        and not preposed
        and (
            (relation == PubRelation.BEFORE and timex.earliest and timex.earliest > reference)
            or (relation == PubRelation.AFTER and timex.latest and timex.latest < reference)
        )
    ):
        return False  # a far expression contradicting the tense dates something else
    if (
        reference is not None
        and event.tense == Tense.PRESENT
        and relation == PubRelation.INCLUDES
        and timex.latest is not None
        and timex.latest < reference
    ):
        return (
            False  # what holds now is not dated by a past expression: "the 1968 charter calls for"
        )
    if value == "PRESENT_REF" and relation in (PubRelation.BEFORE, PubRelation.AFTER):
        return False  # "now" does not date what tense puts wholly on one side of publication
    return True


def attach(
    events: list[Event], timexes: list[TimeExpr], text: str, reference: dt.date | None = None
) -> None:
    """Set ``event.timex`` for events a temporal expression dates (unless already set).

    A modifier right before a nominal trigger ("a recent phone call") anchors that
    nominal only; otherwise an event takes the nearest compatible expression
    inside its clause, preposed to its clause ("On February 1, Trump signed"), or
    trailing it before any other tensed event ("which founded the guild on May 3, 1921").

    Examples:
        >>> text = "On February 1, Trump signed a memorandum."
        >>> ev = [Event(0, 15, 41, "signed", 21, 27, tense="past")]
        >>> feb1 = dt.date(2025, 2, 1)
        >>> tx = [TimeExpr(3, 13, "February 1", "DATE", "2025-02-01", feb1, feb1, "day", "r")]
        >>> attach(ev, tx, text); ev[0].timex
        0
    """
    # "their highest close since October 27" (a record's date) and "from $16.6bn a year
    # earlier" (a comparison's baseline) date no event
    dates_nothing = [rules()[family]["regex"] for family in ("record_since", "comparison_baseline")]
    taken = {
        k
        for k, timex in enumerate(timexes)
        if any(
            pattern.search(
                text,
                max(
                    0,
                    text.rfind(". ", 0, timex.start) + 1,
                    timex.start - settings.RECORD_SINCE_CHARS,
                ),
                timex.start,
            )
            for pattern in dates_nothing
        )
    }
    trigger_starts = [event.trigger_start for event in events]
    timex_starts = [timex.start for timex in timexes]
    for t_index, timex in enumerate(timexes):
        if (
            timex.type not in ("DATE", "TIME")
            or _PREPOSITION.match(timex.text)
            or " " in timex.text.strip()
        ):
            continue
        for event in events[bisect.bisect_left(trigger_starts, timex.end) :]:
            if (
                event.trigger_start - timex.end > settings.ANCHOR_MODIFIER_CHARS
                or event.tense != Tense.NONE
            ):
                # a finite verb right after it takes the date as an adjunct:
                # "on Friday finished drafting"
                break
            gap = text[timex.end : event.trigger_start]
            if (
                event.tense == Tense.NONE
                and _MODIFIER_GAP.match(re.sub(r"^['’]s\b", "", gap))
                and not _FUNCTION.search(gap)
            ):
                if event.timex is None and _compatible(event, timex, text, reference):
                    event.timex = t_index
                    taken.add(t_index)
                break
    _scheduled(events, timexes, text, taken)
    for event in events:
        if event.timex is not None:
            continue
        best = None
        # candidates start inside the clause, just before it (preposed) or just after the trigger
        low = bisect.bisect_left(timex_starts, event.start - settings.ANCHOR_PREPOSED_CHARS)
        high = bisect.bisect_right(
            timex_starts, max(event.end, event.trigger_end + settings.ANCHOR_TRAILING_CHARS)
        )
        for t_index in range(low, high):
            timex = timexes[t_index]
            if t_index in taken:
                continue
            inside = event.start <= timex.start and timex.end <= event.end
            between = [
                events[k]
                for k in range(
                    bisect.bisect_left(trigger_starts, event.trigger_end),
                    bisect.bisect_left(trigger_starts, timex.start),
                )
                if events[k] is not event and events[k].trigger_end <= timex.start
            ]
            if timex.start >= event.trigger_end and _counted_from(event, timex, between, text):
                continue  # "resigned three days after the vote on May 4": the date is the vote's
            if timex.start >= event.trigger_end and _before_finite(
                event, timex, events, trigger_starts, text
            ):
                continue  # "a rival said to be weighing a run, in March was fined"
            if any(
                other.event_class == "REPORTING" and other.tense != Tense.NONE for other in between
            ):
                continue  # "... to intervene, a spokesperson said on Saturday": the saying's date
            if (
                inside
                and timex.end <= event.trigger_start
                and any(
                    other.role == Role.VERB
                    and event.start <= other.trigger_start
                    and other.trigger_end <= timex.start
                    for other in events[
                        bisect.bisect_left(trigger_starts, event.start) : bisect.bisect_left(
                            trigger_starts, timex.start
                        )
                    ]
                    if other is not event
                )
            ):
                continue  # "aid promised in mid-January has not arrived": the date is the promise's
            preposed = bool(
                timex.end <= event.trigger_start
                and _opens_sentence(text, timex.start)
                and (
                    inside
                    or (
                        timex.end <= event.start
                        and _PREPOSED_GAP.match(text[timex.end : event.start])
                        # a dateline is a sentence of its own: it dates the report, not the
                        # event of the sentence after it ("February 5, 2009\nWilliams was
                        # arrested", the arrest on the Sunday before)
                        and sentence_around(text, timex.start)[1] > event.start
                    )
                )
            )
            trailing = not inside and _trailing(event, timex, between, text)
            preposed = preposed or bool(
                timex.end <= event.start
                and _WHEN_CLAUSE.match(text, event.start)
                and _WHEN_GAP.match(text[timex.end : event.start])
            )
            if not (inside or preposed or trailing) or not _compatible(
                event, timex, text, reference, preposed
            ):
                continue
            if (
                event.source is not None
                and 0 <= event.source < len(events)
                and timex.end <= events[event.source].trigger_start <= event.trigger_start
            ):
                continue  # "On Monday, the party said it would appeal": Monday is the saying's
            distance = min(
                abs(timex.start - event.trigger_end), abs(event.trigger_start - timex.end)
            )
            if event.role == Role.VERB and _premodifier(timex, text):
                distance += (
                    settings.ANCHOR_PREMODIFIER_PENALTY
                )  # "report first-quarter results on April 28": April 28 first
            if event.event_class == "REPORTING" and _reported_content(
                event, timex, between, text, preposed
            ):
                continue  # a report takes its own date ("said Monday"), not one of what it reports
            if _complement_takes(event, timex, events, text):
                # "expected the coalition to convene ... in the coming days": the convening's date
                continue
            if best is None or distance < best[0]:
                best = (distance, t_index)
        if best is not None:
            event.timex = best[1]


def _scheduled(events: list[Event], timexes: list[TimeExpr], text: str, taken: set) -> None:
    """A date after "is scheduled for" dates the event noun before it (``scheduled`` of
    ordering.yaml): "The next policy meeting is scheduled for January 29"."""
    pattern = rules()["scheduled"]["regex"]
    trigger_starts = [event.trigger_start for event in events]
    for t_index, timex in enumerate(timexes):
        if t_index in taken or timex.type not in ("DATE", "TIME"):
            continue
        k = bisect.bisect_left(trigger_starts, timex.start) - 1
        while k >= 0 and timex.start - events[k].trigger_end <= settings.ANCHOR_TRAILING_CHARS * 2:
            event = events[k]
            if (
                event.role == Role.NOMINAL
                and event.timex is None
                and pattern.fullmatch(text, event.trigger_end, timex.start)
            ):
                event.timex = t_index
                taken.add(t_index)
                break
            k -= 1


def ranged(timexes: list[TimeExpr], index: int, text: str) -> list[int]:
    """Indices of the expressions joined with ``timexes[index]`` as a range or coordination.

    Examples:
        >>> text = "rented from May 14 to June 30 by the week"
        >>> tx = [TimeExpr(12, 18, "May 14", "DATE", "1989-05-14", None, None, "day", "r"),
        ...       TimeExpr(22, 29, "June 30", "DATE", "1989-06-30", None, None, "day", "r")]
        >>> ranged(tx, 1, text)
        [0, 1]
    """
    joiner = rules()["ranges"]["regex"]
    low = high = index
    while low > 0 and joiner.match(text[timexes[low - 1].end : timexes[low].start]):
        low -= 1
    while high + 1 < len(timexes) and joiner.match(
        text[timexes[high].end : timexes[high + 1].start]
    ):
        high += 1
    return list(range(low, high + 1))


class Signal(NamedTuple):
    """A signal word before a date and what it makes of the date."""

    word: str  # as written, spaces normalized: "since", "by", "no later than"
    kind: str  # what it makes of the date (``timex_signals`` of ordering.yaml): start, end, ...
    part: str | None  # the part of the date a phrase in between names: START, MID, END


def signal_of(text: str, timex: TimeExpr, nouns: frozenset[int] = frozenset()) -> Signal | None:
    """The signal word right before a date, what it makes of it (``timex_signals`` of
    ordering.yaml) and the part of the date a phrase in between names ("by the end of the
    second quarter": END), or None. ``nouns``: where the nominal events' triggers end; "since
    the attacks on Oct. 7" counts only when "attacks" is one ("after the waiver lapsed on
    March 8" dates the verb).

    Examples:
        >>> march = TimeExpr(11, 21, "March 2011", "DATE", "2011-03", None, None, "month", "r")
        >>> signal_of("open since March 2011", march)
        Signal(word='since', kind='start', part=None)
        >>> text = "back to normal by the end of the second quarter"
        >>> signal_of(text, TimeExpr(29, 47, "the second quarter", "DATE", "2025-Q2",
        ...                          None, None, "quarter", "r"))
        Signal(word='by', kind='end', part='END')
        >>> text = "Since the Oct. 7 attacks"
        >>> oct7 = TimeExpr(10, 16, "Oct. 7", "DATE", "2023-10-07", None, None, "day", "r")
        >>> signal_of(text, oct7)
        Signal(word='since', kind='start', part=None)
        >>> later = TimeExpr(21, 27, "Oct. 7", "DATE", "2023-10-07", None, None, "day", "r")
        >>> signal_of("Since the attacks on Oct. 7", later, nouns=frozenset({17}))
        Signal(word='since', kind='start', part=None)
        >>> signal_of("Since the attacks on Oct. 7", later) is None
        True
        >>> signal_of("approved by the board on Oct. 7", later) is None
        True
        >>> may = TimeExpr(12, 15, "May", "DATE", "2018-05", None, None, "month", "r")
        >>> signal_of("since their May liftoff", may)
        Signal(word='since', kind='start', part=None)
    """
    match = _signal_regex().search(text, max(0, timex.start - settings.SIGNAL_CHARS), timex.start)
    if match is None:
        return None
    word = " ".join(match.group(1).lower().split())
    part = match.group(2)
    signals = rules()["timex_signals"]
    if (
        match.group(4)
        and match.group(4).split()[0].lower() in signals["possessives"]
        and word not in signals["possessive_signals"]
    ):
        return None  # "before his June 24 hearing": measured and left (ordering.yaml)
    if match.group(3) and not match.group(4):  # "since the attacks on Oct. 7": the noun's date
        if word not in signals["noun_before_date"]:
            return None  # "approved by the board on Oct. 7": an agent, not a happening
        if _NOUN_TO_DATE.search(match.group(3)).start() + match.start(3) not in nouns:
            return None  # "after the waiver lapsed on March 8": the verb's date
        part = None  # "since the end of the war in 2003": the end is the war's, not 2003's
    kind = signals["words"][word]
    if match.group(3):  # "since the Oct. 7 attacks": the date is a happening's, somewhere inside it
        kind = signals["of_a_noun"].get(kind, kind)
    return Signal(word, kind, _PARTS[part.lower()] if part else None)


def names_its_noun(text: str, timex: TimeExpr, event: Event) -> bool:
    """True when a date between "the" and a nominal names that nominal's time ("since the 2021
    reform"): a signal before the date relates another event to the nominal, not the nominal to
    the date.

    Examples:
        >>> text = "Prices have doubled since the 2021 reform."
        >>> tx = TimeExpr(30, 34, "2021", "DATE", "2021", None, None, "year", "r")
        >>> names_its_noun(text, tx, Event(0, 30, 41, "reform", 35, 41, role=Role.NOMINAL))
        True
        >>> text = "Since the attacks on Oct. 7, Israel has hit"
        >>> oct7 = TimeExpr(21, 27, "Oct. 7", "DATE", "2023-10-07", None, None, "day", "r")
        >>> names_its_noun(text, oct7, Event(0, 0, 20, "attacks", 10, 17, role=Role.NOMINAL))
        True
        >>> text = "Shares fell after Tuesday's vote."
        >>> tue = TimeExpr(18, 25, "Tuesday", "DATE", "2025-05-06", None, None, "day", "r")
        >>> names_its_noun(text, tue, Event(0, 0, 32, "vote", 28, 32, role=Role.NOMINAL))
        True
    """
    if event.role != Role.NOMINAL:
        return False
    if event.trigger_end <= timex.start:  # "since the attacks on Oct. 7": the noun, then its date
        return _NOUN_TO_DATE.fullmatch(text, event.trigger_end, timex.start) is not None
    if event.trigger_start < timex.end:
        return False
    gap = text[timex.end : event.trigger_start]
    # a date in the genitive is its noun's determiner ("after Tuesday's vote", "last week's
    # talks"): it names the noun's time as "the 2021 reform" does
    genitive = GENITIVE.match(gap)
    if genitive:
        gap = gap[genitive.end() :]
    return _MODIFIER_GAP.match(gap + " ") is not None and (
        genitive is not None
        or _DETERMINER_BEFORE.search(
            text, max(0, timex.start - settings.DETERMINER_BEFORE_CHARS), timex.start
        )
        is not None
    )


#: between a noun and the date that names its time ("the attacks on Oct. 7")
_NOUN_TO_DATE = re.compile(r"\s+(?:on|of|in)\s+$")


_PARTS = {"end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID"}


@functools.lru_cache(maxsize=1)
def _signal_regex():
    signals = rules()["timex_signals"]
    words = sorted(signals["words"], key=len, reverse=True)
    determiners = "|".join(re.escape(w) for w in signals["determiners"] + signals["possessives"])
    return re.compile(
        r"\b("
        + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in words)
        + r")\s+(?:the\s+(end|close|beginning|start|middle)\s+of\s+)?"
        + rf"(((?:{determiners})\s+)|(?:{determiners})\s+(?:[\w'’-]+\s+){{1,3}}(?:on|of|in)\s+)?$",
        re.I,
    )
