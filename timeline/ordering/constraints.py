"""Turning the ordering evidence into network constraints.

Part of the ordering stage (:mod:`timeline.ordering` solves, ranks and
explains). Every event ``i`` has two time points, start ``S_i`` = node
``2 + 2i`` and end ``E_i`` = node ``3 + 2i``, beside the origin (node 0, day
number 0) and the publication point ``P`` (node 1). :func:`constrain` adds,
most trusted first: the publication date, anchoring expressions, tense and
modality against ``P``, vague-window cue words, discourse cues, support-verb
objects, aspectual verbs and reported speech. Each constraint records its
rule id and its basis (explicit, relative, inferred).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace

from timeline.model import Cue, Event, Kind, Precision, Role, Tense, TimeExpr

from . import cues, offsets
from .anchoring import names_its_noun, ranged, signal_of
from .network import Network
from .tense import PubRelation

ORIGIN, PUB = 0, 1


def start_point(i: int) -> int:
    """The network node of event ``i``'s start (nodes 0 and 1 are the origin and publication)."""
    return 2 + 2 * i


def end_point(i: int) -> int:
    """The network node of event ``i``'s end."""
    return 3 + 2 * i


def day_of(day: float) -> dt.date | None:
    """A day number of the network as a date; None for an unbounded side.

    Examples:
        >>> day_of(739310.0), day_of(float("inf"))
        (datetime.date(2025, 2, 28), None)
    """
    return dt.date.fromordinal(int(day)) if math.isfinite(day) else None


def _vague_name(timex: TimeExpr) -> str | None:
    """The vague window of an expression: its rule's ``vague`` option, else by value."""
    from timeline.temporal.rulebook import load_rules

    names = {rule.id: rule.options.get("vague") for rule in load_rules()}
    return names.get(timex.rule) or cues.rules()["vague_values"].get(timex.value)


def _vague_offsets(timex: TimeExpr, reference: dt.date | None) -> tuple[float, float] | None:
    """Days before/after P a vague or reference-relative expression spans, or None (absolute)."""
    name = (
        _vague_name(timex)
        if timex.precision == Precision.VAGUE or timex.value in cues.rules()["vague_values"]
        else None
    )
    if name:
        from timeline.temporal.rulebook import vague_window

        return tuple(float(x) for x in vague_window(name))
    if timex.anchored and reference and (timex.earliest or timex.latest):
        before = (reference - timex.earliest).days if timex.earliest else math.inf
        after = (timex.latest - reference).days if timex.latest else math.inf
        return before, after
    return None


class Builder:
    """Adds the constraints of one article to a network, keeping who set what."""

    def __init__(self, events, timexes, reference, text):
        self.events, self.timexes, self.reference, self.text = events, timexes, reference, text
        self.nouns = frozenset(e.trigger_end for e in events if e.role == Role.NOMINAL)
        self.net = Network(2 + 2 * len(events))
        self.basis: dict[tuple[int, int], str] = {}
        self.warnings: list[list[str]] = [[] for _ in events]
        self.explicit: set[int] = set()
        self.relation: list[str] = ["none"] * len(events)
        self.relation_rule: list[str] = ["none"] * len(events)

    def leq(self, x: int, y: int, k: float, rule: str, label: str, basis: str, events=()) -> bool:
        """Constrain ``x <= y + k``; on a contradiction warn the events involved."""
        if not math.isfinite(k):
            return True
        conflict = self.net.add(y, x, k, rule, label)
        if conflict is None:
            if (y, x) in self.net.edges and self.net.edges[(y, x)].label == label:
                self.basis[(y, x)] = basis
            return True
        message = conflict.describe()
        for node in {x, y} | {n for c in conflict.involved for n in (c.earlier, c.later)}:
            if node >= 2 and message not in self.warnings[(node - 2) // 2]:
                self.warnings[(node - 2) // 2].append(message)
        return False

    def to_publication(self, i: int, relation: str, rule: str, basis: str = "inferred") -> None:
        trigger = self.events[i].trigger
        if relation == PubRelation.BEFORE:
            self.leq(end_point(i), PUB, 0, rule, f"'{trigger}' ends by publication", basis)
        elif relation == PubRelation.AFTER:
            self.leq(
                PUB, start_point(i), 0, rule, f"'{trigger}' starts at or after publication", basis
            )
        elif relation == PubRelation.INCLUDES:
            self.leq(
                start_point(i), PUB, 0, rule, f"'{trigger}' holds at publication (start)", basis
            )
            self.leq(PUB, end_point(i), 0, rule, f"'{trigger}' holds at publication (end)", basis)

    def between(self, a: int, relation: str, b: int, rule: str, label: str) -> None:
        if relation == Cue.BEFORE:
            self.leq(end_point(a), start_point(b), 0, rule, label, "relative")
        elif relation == Cue.AFTER:
            self.leq(end_point(b), start_point(a), 0, rule, label, "relative")
        elif relation == Cue.DURING:  # a within b
            self.leq(start_point(b), start_point(a), 0, rule, label, "relative")
            self.leq(end_point(a), end_point(b), 0, rule, label, "relative")
        elif relation == Cue.OVERLAP:
            self.leq(start_point(a), end_point(b), 0, rule, label, "relative")
            self.leq(start_point(b), end_point(a), 0, rule, label, "relative")
        elif relation == Cue.ENDS:  # a ends when b happens (b: "ceased")
            self.leq(end_point(a), end_point(b), 0, rule, label, "relative")
            self.leq(start_point(b), end_point(a), 0, rule, label, "relative")
            self.leq(start_point(a), start_point(b), 0, rule, label, "relative")
        elif relation == Cue.BEGINS:  # a begins when b happens (b: "began")
            self.leq(start_point(a), end_point(b), 0, rule, label, "relative")
            self.leq(start_point(b), start_point(a), 0, rule, label, "relative")
        elif relation == Cue.SAME:
            for x, y in (
                (start_point(a), start_point(b)),
                (start_point(b), start_point(a)),
                (end_point(a), end_point(b)),
                (end_point(b), end_point(a)),
            ):
                self.leq(x, y, 0, rule, label, "relative")

    def dating(self, index: int) -> TimeExpr:
        """The anchoring expression, widened over the expressions ranged or coordinated with it
        (rule ``anchor_range`` of ordering.yaml: "from May 14 to June 30", "in 1990 and 1991")."""
        timex, joined = self.timexes[index], ranged(self.timexes, index, self.text)
        if len(joined) == 1 or any(
            self.timexes[k].earliest is None or self.timexes[k].latest is None for k in joined
        ):
            return timex
        chain = [self.timexes[k] for k in joined]
        # each end's modifier narrows that end only: "between mid-April and June" runs from the
        # middle of April to the end of June, not through the middle third of April..June
        ends = [_narrowed(t) for t in chain]
        return replace(
            timex,
            earliest=min(first for first, _ in ends),
            latest=max(last for _, last in ends),
            text=self.text[chain[0].start : chain[-1].end],
            rule=cues.rules()["ranges"]["id"],
            anchored=any(t.anchored for t in chain),
            mod=None,
        )

    def anchor(self, i: int) -> None:
        event, timex = self.events[i], self.dating(self.events[i].timex)
        s, e, state = start_point(i), end_point(i), event.kind == Kind.STATE
        label = f"'{event.trigger}' within '{timex.text}' ({timex.value})"
        offsets = _vague_offsets(timex, self.reference)
        if offsets is not None:
            # an expression read against the publication date ("June 5", "last week") is bounded in
            # days from it, so that a corrected publication date moves it
            basis = (
                "relative"
                if timex.precision == Precision.VAGUE or not timex.anchored
                else "explicit"
            )
            before, after = offsets

            def at_least(point, days_after_start, why):  # point >= start of the expression + days
                self.leq(PUB, point, before - days_after_start, timex.rule, why, basis)

            def at_most(point, days_after_end, why):  # point <= end of the expression + days
                self.leq(point, PUB, after + days_after_end, timex.rule, why, basis)

            span = (after + before) if math.isfinite(after + before) else None
        elif timex.earliest is not None or timex.latest is not None:
            first, last = timex.earliest, timex.latest

            def at_least(point, days_after_start, why):
                if first is not None:
                    self.leq(
                        ORIGIN,
                        point,
                        -(first.toordinal() + days_after_start),
                        timex.rule,
                        why,
                        "explicit",
                    )

            def at_most(point, days_after_end, why):
                if last is not None:
                    self.leq(
                        point,
                        ORIGIN,
                        last.toordinal() + days_after_end,
                        timex.rule,
                        why,
                        "explicit",
                    )

            span = (last - first).days if first is not None and last is not None else None
        else:
            return
        signal = (
            signal_of(self.text, timex, self.nouns)
            if span is not None and not names_its_noun(self.text, timex, event)
            else None
        )
        signals = cues.rules()["timex_signals"]
        if (
            signal is not None
            and signal.word in signals["negated_within"]
            and (event.modality == "negated" or _postponed(self.text, event, signals))
        ):
            # "did not end until late July": it ended then, within late July; "postponed the
            # vote until March": the vote is in March
            signal = None
        # the part of the expression its modifier names: "late October" and "the end of June"
        # are their last third, "early next year" its first
        mod = signal.part or timex.mod if signal is not None else timex.mod
        part_start, part_end = _part(span, mod) if span is not None else (0, 0)
        if signal is None:
            first_point, last_point = (e, s) if state else (s, e)
            at_least(first_point, part_start, label)
            at_most(last_point, part_end - (span or 0), label)
        else:
            kind = signal.kind
            why = f"'{event.trigger}' {signal.word} '{timex.text}' ({timex.value})"
            if kind == "start":  # "since March 2011": starts at or after it (a state, within it)
                at_least(s, part_start, why)
                if state:
                    at_most(s, part_end - span, why)
            elif kind == Cue.AFTER:  # "after June 5": starts the day after it at the earliest
                at_least(s, part_end + 1, why)
            elif kind in (
                "end",
                "through",
            ):  # "until/by Friday": ends by its end (a state, within it);
                at_most(e, part_end - span, why)  # "worked through the night": ends within it
                if state or kind == "through":
                    at_least(e, part_start, why)
            elif mod == "END":  # "before the end of June": by the end of June
                at_most(e, 0, why)
            else:  # "before March": ends before it begins
                at_most(e, part_start - span - 1, why)
        if timex.precision != Precision.VAGUE and timex.value not in cues.rules()["vague_values"]:
            self.explicit.add(i)


def _postponed(text: str, event: Event, signals: dict) -> bool:
    """Whether a nominal event is the object of a verb that puts it off (``postponing_verbs``
    of ordering.yaml: "delayed the launch", "put off the hearing").

    Examples:
        >>> text = "The council postponed the vote until March."
        >>> vote = Event(0, 22, 30, "vote", 26, 30, role="nominal")
        >>> verbs = {"postponing_verbs": ["postponed"]}
        >>> _postponed(text, vote, verbs)
        True
        >>> _postponed("The council held the vote until March.", vote, verbs)
        False
    """
    if event.role != Role.NOMINAL:
        return False
    before = re.findall(r"[\w'’-]+", text[: event.trigger_start].lower()[-60:])[-4:]
    grams = set(before) | {" ".join(pair) for pair in zip(before, before[1:])}
    return not grams.isdisjoint(signals["postponing_verbs"])


def _part(span: int, mod: str | None) -> tuple[int, int]:
    """Days from an expression's first day to the first and last day of the part its modifier
    names ("late October" is its last third, "early next year" its first); all of it otherwise.

    Examples:
        >>> _part(30, "END"), _part(30, "MID"), _part(30, None)
        ((20, 30), (10, 20), (0, 30))
    """
    return {
        "START": (0, span // 3),
        "MID": (span // 3, 2 * span // 3),
        "END": (2 * span // 3, span),
    }.get(mod, (0, span))


def _narrowed(timex: TimeExpr) -> tuple[dt.date, dt.date]:
    """An expression's first and last day, narrowed to the part its modifier names."""
    first, last = timex.earliest, timex.latest
    low, high = _part((last - first).days, timex.mod)
    return first + dt.timedelta(days=low), first + dt.timedelta(days=high)


def _governing(i: int, events: list[Event]) -> int | None:
    """The finite event whose clause holds an untensed event (nearest trigger before it)."""
    event = events[i]
    best = None
    for j, other in enumerate(events):
        if j == i or other.tense == Tense.NONE or other.sentence != event.sentence:
            continue
        if (
            other.start <= event.trigger_start < other.end
            and other.trigger_start <= event.trigger_start
        ):
            if best is None or other.trigger_start > events[best].trigger_start:
                best = j
    return best


def _governor_before(i: int, events: list[Event]) -> int | None:
    """The finite event whose clause holds event ``i``, else the nearest finite event before it
    in its sentence."""
    j = _governing(i, events)
    if j is None:
        before = [
            k
            for k, e in enumerate(events)
            if k != i
            and e.sentence == events[i].sentence
            and e.tense != Tense.NONE
            and e.trigger_end <= events[i].trigger_start
        ]
        j = max(before, key=lambda k: events[k].trigger_start) if before else None
    return j


def _subject_of(i: int, events: list[Event]) -> int | None:
    """The next verb of the sentence whose subject (an actor) is the event noun ``i``, with
    nothing but the noun's own phrase between: "a deal will be signed"."""
    event = events[i]
    later = [
        j
        for j, other in enumerate(events)
        if other.sentence == event.sentence
        and other.role == Role.VERB
        and other.trigger_start > event.trigger_end
    ]
    if not later:
        return None
    j = min(later, key=lambda k: events[k].trigger_start)
    word = event.trigger.lower()
    return (
        j
        if any(word in actor.lower().split() for actor in events[j].actors + events[j].undergoers)
        else None
    )


def _sentence_head(i: int, events: list[Event], relations) -> int | None:
    """The nearest finite event of the sentence placed before or around publication (for an
    event noun no clause holds; a future neighbour says little about a noun outside its
    clause)."""
    event = events[i]
    near = [
        (abs(other.trigger_start - event.trigger_start), j)
        for j, other in enumerate(events)
        if j != i
        and other.sentence == event.sentence
        and other.tense != Tense.NONE
        and relations[j][0] in (PubRelation.BEFORE, PubRelation.INCLUDES)
    ]
    return min(near)[1] if near else None


def constrain(builder: Builder) -> None:
    """Add every constraint of one article to ``builder.net``, most trusted first.

    Examples:
        >>> signed = Event(0, 0, 6, "signed", 0, 6, tense="past")
        >>> b = Builder([signed], [], dt.date(2025, 2, 28), "signed")
        >>> constrain(b)
        >>> [c.rule for c in b.net.accepted if c.rule != "structure"]
        ['publication', 'publication', 'tense_past']
        >>> day_of(b.net.upper(end_point(0)))
        datetime.date(2025, 2, 28)
    """
    events, reference = builder.events, builder.reference
    for i in range(len(events)):
        builder.leq(
            start_point(i),
            end_point(i),
            0,
            "structure",
            f"'{events[i].trigger}' starts before it ends",
            "none",
        )
    if reference is not None:
        day = reference.toordinal()
        builder.leq(
            PUB, ORIGIN, day, "publication", f"published {reference.isoformat()}", "explicit"
        )
        builder.leq(
            ORIGIN, PUB, -day, "publication", f"published {reference.isoformat()}", "explicit"
        )
    for i, event in enumerate(events):
        if event.timex is not None and 0 <= event.timex < len(builder.timexes):
            builder.anchor(i)
        elif event.timex is not None:
            builder.warnings[i].append(
                f"anchor index {event.timex} names no temporal expression: ignored"
            )
            event.timex = None
    relations = [cues.publication_relation(e, builder.text) for e in events]
    for i, (relation, rule) in enumerate(relations):
        if relation == PubRelation.INHERIT:
            j = _governing(i, events) if events[i].timex is None else None
            subject_of = (
                _subject_of(i, events) if j is None and events[i].role == Role.NOMINAL else None
            )
            if j is not None and relations[j][0] != PubRelation.INHERIT:
                relation, rule = relations[j][0], "clause_inherit"
            elif subject_of is not None and relations[subject_of][0] == PubRelation.AFTER:
                # "a deal will be signed": the deal is ahead
                relation, rule = PubRelation.AFTER, "subject_inherit"
            else:
                k = (
                    _sentence_head(i, events, relations)
                    if events[i].timex is None and events[i].role == Role.NOMINAL
                    else None
                )
                relation, rule = (
                    (relations[k][0], "sentence_inherit")
                    if k is not None
                    else (PubRelation.NONE, "none")
                )
        elif relation == PubRelation.SENTENCE:
            k = _sentence_head(i, events, relations)
            relation = relations[k][0] if k is not None else PubRelation.NONE
        elif relation in (PubRelation.DEFINITE, PubRelation.PROCESS):
            j = _governing(i, events)
            relation = (
                PubRelation.AFTER
                if j is not None
                and relations[j][0] == PubRelation.AFTER
                and not (
                    relation == PubRelation.DEFINITE
                    and events[j].lemma in cues.rules()["retrospective_lemmas"]
                )
                else (
                    PubRelation.BEFORE if relation == PubRelation.DEFINITE else PubRelation.INCLUDES
                )
            )
        elif relation == PubRelation.WITH_GOVERNOR:
            j = _governor_before(i, events)
            if j is not None and events[j].timex is not None:
                # the expression that dates the act dates what it achieved ("made an appearance
                # in March to unveil the iPad": the unveiling in March)
                events[i].timex = events[j].timex
                builder.anchor(i)
            if j is not None:
                builder.between(
                    i,
                    Cue.DURING,
                    j,
                    rule,
                    f"'{events[i].trigger}' within '{events[j].trigger}', which it completes",
                )
            # the governor stands before it: its relation is resolved already
            relation = builder.relation[j] if j is not None and j < i else PubRelation.NONE
            if relation not in (PubRelation.BEFORE, PubRelation.INCLUDES, PubRelation.AFTER):
                relation = PubRelation.NONE
        elif relation == PubRelation.AFTER_GOVERNOR:
            j = _governor_before(i, events)
            if j is not None and relations[j][0] == PubRelation.BEFORE:
                builder.between(
                    i,
                    Cue.AFTER,
                    j,
                    rule,
                    f"'{events[i].trigger}' after '{events[j].trigger}', which governs it",
                )
            relation = (
                PubRelation.NONE
                if j is not None and relations[j][0] == PubRelation.BEFORE
                else PubRelation.AFTER
            )
        builder.relation[i], builder.relation_rule[i] = relation, rule
        builder.to_publication(i, relation, rule)
    for i, name, rule, label in cues.windows(events, builder.timexes, builder.text):
        from timeline.temporal.rulebook import vague_window

        before, after = vague_window(name)
        builder.leq(PUB, start_point(i), before, rule, label, "relative")
        builder.leq(end_point(i), PUB, after, rule, label, "relative")
    for found in cues.relations(events, builder.text, builder.timexes):
        if found.other is not None:
            builder.between(found.main, found.relation, found.other, found.rule, found.label)
    for bound in offsets.bounds(
        events, builder.timexes, builder.text
    ):  # durations, deadlines, coreference
        later = (
            PUB
            if bound.a is None
            else start_point(bound.a)
            if bound.a_point == "start"
            else end_point(bound.a)
        )
        earlier = (
            PUB
            if bound.b is None
            else start_point(bound.b)
            if bound.b_point == "start"
            else end_point(bound.b)
        )
        builder.leq(later, earlier, bound.days, bound.rule, bound.label, "relative")
    for i, event in enumerate(events):
        reported = cues.reported_relation(event, builder.text)
        if reported and 0 <= event.source < len(events) and event.source != i:
            relation, rule = reported
            label = f"'{event.trigger}' {relation} its report '{events[event.source].trigger}'"
            if relation == Cue.AFTER:
                builder.leq(start_point(event.source), start_point(i), 0, rule, label, "relative")
            else:
                builder.between(i, relation, event.source, rule, label)
