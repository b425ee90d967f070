"""Ordering: bounds for every event by constraint propagation, one total order, conflicts.

The last analysis stage. Every event ``i`` gets two time points, its start
``S_i`` and end ``E_i`` (day numbers), beside the origin and the publication
point ``P``. Evidence becomes difference constraints, added most trusted
first (see :mod:`timeline.network`):

1. the publication date (when known) fixes ``P``;
2. an anchoring temporal expression puts the event inside its interval
   (basis ``explicit``; a vague one such as "recent" is a window relative to
   ``P``, basis ``relative``);
3. tense/aspect/modality place it against ``P`` (basis ``inferred``);
4. discourse cues, support-verb objects and reported speech relate events
   (basis ``relative``).

The tightest bounds are shortest paths. A constraint that contradicts the
accepted ones is rejected and reported in ``Bounds.warning`` with every
constraint involved. Without a publication date nothing is filled in: bounds
stay relative to ``P``, and explicit full dates may bound ``P`` (reported).
"""
from __future__ import annotations

import datetime as dt
import heapq
import math
from dataclasses import replace

from . import anchoring, cues
from .model import Bounds, Event, TimeExpr
from .network import Network

ORIGIN, PUB = 0, 1
_BASIS_RANK = {"explicit": 3, "relative": 2, "inferred": 1, "none": 0}


def _start(i: int) -> int:
    return 2 + 2 * i


def _end(i: int) -> int:
    return 3 + 2 * i


def _date(day: float) -> dt.date | None:
    return dt.date.fromordinal(int(day)) if math.isfinite(day) else None


def _vague_name(timex: TimeExpr) -> str | None:
    """The vague window of an expression: its rule's ``vague`` option, else by value."""
    from .rules import load_rules
    names = {rule.id: rule.options.get("vague") for rule in load_rules()}
    return names.get(timex.rule) or cues.rules()["vague_values"].get(timex.value)


def _vague_offsets(timex: TimeExpr, reference: dt.date | None) -> tuple[float, float] | None:
    """Days before/after P a vague or reference-relative expression spans, or None (absolute)."""
    name = _vague_name(timex) if timex.precision == "vague" or timex.value in cues.rules()["vague_values"] else None
    if name:
        from .rules import vague_window
        return tuple(float(x) for x in vague_window(name))
    if timex.anchored and reference and (timex.earliest or timex.latest):
        before = (reference - timex.earliest).days if timex.earliest else math.inf
        after = (timex.latest - reference).days if timex.latest else math.inf
        return before, after
    return None


class _Builder:
    """Adds the constraints of one article to a network, keeping who set what."""

    def __init__(self, events, timexes, reference, text):
        self.events, self.timexes, self.reference, self.text = events, timexes, reference, text
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
        if relation == "before":
            self.leq(_end(i), PUB, 0, rule, f"'{trigger}' ends by publication", basis)
        elif relation == "after":
            self.leq(PUB, _start(i), 0, rule, f"'{trigger}' starts at or after publication", basis)
        elif relation == "includes":
            self.leq(_start(i), PUB, 0, rule, f"'{trigger}' holds at publication (start)", basis)
            self.leq(PUB, _end(i), 0, rule, f"'{trigger}' holds at publication (end)", basis)

    def between(self, a: int, relation: str, b: int, rule: str, label: str) -> None:
        if relation == "before":
            self.leq(_end(a), _start(b), 0, rule, label, "relative")
        elif relation == "after":
            self.leq(_end(b), _start(a), 0, rule, label, "relative")
        elif relation == "overlap":
            self.leq(_start(a), _end(b), 0, rule, label, "relative")
            self.leq(_start(b), _end(a), 0, rule, label, "relative")
        elif relation == "ends":      # a ends when b happens (b: "ceased")
            self.leq(_end(a), _end(b), 0, rule, label, "relative")
            self.leq(_start(b), _end(a), 0, rule, label, "relative")
            self.leq(_start(a), _start(b), 0, rule, label, "relative")
        elif relation == "begins":    # a begins when b happens (b: "began")
            self.leq(_start(a), _end(b), 0, rule, label, "relative")
            self.leq(_start(b), _start(a), 0, rule, label, "relative")
        elif relation == "same":
            for x, y in ((_start(a), _start(b)), (_start(b), _start(a)), (_end(a), _end(b)), (_end(b), _end(a))):
                self.leq(x, y, 0, rule, label, "relative")

    def anchor(self, i: int) -> None:
        event, timex = self.events[i], self.timexes[self.events[i].timex]
        s, e, state = _start(i), _end(i), event.kind == "state"
        label = f"'{event.trigger}' within '{timex.text}' ({timex.value})"
        offsets = _vague_offsets(timex, self.reference)
        if offsets is not None:
            basis = "relative" if timex.precision == "vague" or not timex.anchored else "explicit"
            before, after = offsets
            first, last = (e, s) if state else (s, e)
            self.leq(PUB, first, before, timex.rule, label, basis)
            self.leq(last, PUB, after, timex.rule, label, basis)
        elif timex.earliest is not None or timex.latest is not None:
            first, last = (e, s) if state else (s, e)
            if timex.earliest is not None:
                self.leq(ORIGIN, first, -timex.earliest.toordinal(), timex.rule, label, "explicit")
            if timex.latest is not None:
                self.leq(last, ORIGIN, timex.latest.toordinal(), timex.rule, label, "explicit")
        else:
            return
        if timex.precision != "vague" and timex.value not in cues.rules()["vague_values"]:
            self.explicit.add(i)


def _governing(i: int, events: list[Event]) -> int | None:
    """The finite event whose clause holds an untensed event (nearest trigger before it)."""
    event = events[i]
    best = None
    for j, other in enumerate(events):
        if j == i or other.tense == "none" or other.sentence != event.sentence:
            continue
        if other.start <= event.trigger_start < other.end and other.trigger_start <= event.trigger_start:
            if best is None or other.trigger_start > events[best].trigger_start:
                best = j
    return best


def _constrain(builder: _Builder) -> None:
    events, reference = builder.events, builder.reference
    for i in range(len(events)):
        builder.leq(_start(i), _end(i), 0, "structure", f"'{events[i].trigger}' starts before it ends", "none")
    if reference is not None:
        day = reference.toordinal()
        builder.leq(PUB, ORIGIN, day, "publication", f"published {reference.isoformat()}", "explicit")
        builder.leq(ORIGIN, PUB, -day, "publication", f"published {reference.isoformat()}", "explicit")
    for i, event in enumerate(events):
        if event.timex is not None and 0 <= event.timex < len(builder.timexes):
            builder.anchor(i)
        elif event.timex is not None:
            builder.warnings[i].append(f"anchor index {event.timex} names no temporal expression: ignored")
            event.timex = None
    relations = [cues.publication_relation(e, builder.text) for e in events]
    for i, (relation, rule) in enumerate(relations):
        if relation == "inherit":
            j = _governing(i, events) if events[i].timex is None else None
            relation, rule = (relations[j][0], "clause_inherit") if j is not None and relations[j][0] != "inherit" else ("none", "none")
        builder.relation[i], builder.relation_rule[i] = relation, rule
        builder.to_publication(i, relation, rule)
    for i, name, rule, label in cues.windows(events, builder.timexes, builder.text):
        from .rules import vague_window
        before, after = vague_window(name)
        builder.leq(PUB, _start(i), before, rule, label, "relative")
        builder.leq(_end(i), PUB, after, rule, label, "relative")
    for found in cues.relations(events, builder.text):
        if found.other is not None:
            builder.between(found.main, found.relation, found.other, found.rule, found.label)
    for i, event in enumerate(events):
        reported = cues.reported_relation(event)
        if reported and 0 <= event.source < len(events) and event.source != i:
            relation, rule = reported
            label = f"'{event.trigger}' {relation} its report '{events[event.source].trigger}'"
            if relation == "after":
                builder.leq(_start(event.source), _start(i), 0, rule, label, "relative")
            else:
                builder.between(i, relation, event.source, rule, label)


def _setter(builder: _Builder, start: int, end: int, reverse: bool = False) -> tuple[str, str]:
    """The non-structural constraint nearest the event on the path that sets a bound (the one acting on it)."""
    path = builder.net.path(start, end)
    for constraint in reversed(path) if reverse else path:
        if constraint.rule not in ("structure", "publication"):
            return builder.basis.get((constraint.earlier, constraint.later), "inferred"), constraint.rule
    return "none", "none"


def _bounds(builder: _Builder) -> list[Bounds]:
    net, events, reference = builder.net, builder.events, builder.reference
    origin = ORIGIN if reference is not None else PUB
    found = []
    for i, event in enumerate(events):
        low, high = net.lower(_start(i)), net.upper(_end(i))
        setters = [s for s in (_setter(builder, _start(i), origin), _setter(builder, origin, _end(i), reverse=True)) if s[0] != "none"]
        if not setters and builder.relation[i] != "none":
            setters = [("inferred", builder.relation_rule[i])]
        basis, rule = max(setters, key=lambda s: _BASIS_RANK[s[0]]) if setters else ("none", "none")
        if i in builder.explicit:
            timex = builder.timexes[event.timex]
            basis, rule, precision = "explicit", timex.rule, timex.precision
            if precision not in ("day", "week", "month", "quarter", "season", "year", "decade", "century", "time"):
                precision = "unknown"
        elif math.isfinite(low) and math.isfinite(high):
            precision = "day" if low == high else "vague"
        else:
            precision = "unknown"
        found.append(Bounds(_date(low), _date(high), precision, basis, rule, 0,
                            "; ".join(builder.warnings[i]) or None))
    return found


def _publication_checks(builder: _Builder, bounds: list[Bounds]) -> None:
    """Name both dates when a past event is dated after publication; report inferred publication bounds."""
    events, reference, net = builder.events, builder.reference, builder.net
    for i, event in enumerate(events):
        if event.timex is None or builder.relation[i] != "before":
            continue
        timex = builder.timexes[event.timex]
        if reference is not None and timex.earliest is not None and timex.earliest > reference:
            note = (f"published {reference.isoformat()} is earlier than {timex.earliest.isoformat()} "
                    f"('{timex.text}'), which the article reports as past ('{event.trigger}'): check the publication date")
            bounds[i].warning = "; ".join(filter(None, [note, bounds[i].warning]))
    if reference is None:
        low, high = net.lower(PUB), net.upper(PUB)
        for value, side, path in ((low, "on or after", net.path(PUB, ORIGIN)), (high, "on or before", net.path(ORIGIN, PUB))):
            if not math.isfinite(value):
                continue
            nodes = [(c.earlier - 2) // 2 for c in path if c.earlier >= 2] + [(c.later - 2) // 2 for c in path if c.later >= 2]
            who = min(nodes) if nodes else 0
            why = ", ".join(c.label for c in path if c.rule != "structure")
            note = f"publication date unknown: inferred {side} {_date(value).isoformat()} from {why}"
            if events:
                bounds[who].warning = "; ".join(filter(None, [bounds[who].warning, note]))


def _order(builder: _Builder) -> tuple[list[int], list[tuple]]:
    """Ranks 1..n (a topological order of the implied precedences, earliest first, ties by
    text position) and each event's sort key."""
    net, events = builder.net, builder.events
    n = len(events)
    starts = [_start(i) for i in range(n)]
    ends = [_end(i) for i in range(n)]
    sub = net.dist[starts][:, ends]          # sub[b, a] = max(E_a - S_b)
    precedes = sub.T <= 0                    # precedes[a, b]: E_a <= S_b
    strict = precedes & ~precedes.T
    indegree = strict.sum(axis=0).tolist()

    def estimate(low, high):
        if math.isfinite(low) and math.isfinite(high):
            return (low + high) / 2
        if math.isfinite(high):
            return high - 0.5
        return low + 0.5 if math.isfinite(low) else None

    def key(i):
        # Where the event most likely lies relative to P (unbounded: at P), then absolute, then text position.
        relative = estimate(net.lower(_start(i), PUB), net.upper(_end(i), PUB))
        absolute = estimate(net.lower(_start(i)), net.upper(_end(i)))
        return (0.0 if relative is None else relative, math.inf if absolute is None else absolute,
                events[i].trigger_start, i)

    heap = [key(i) for i in range(n) if indegree[i] == 0]
    heapq.heapify(heap)
    ranks, done, rank = [0] * n, [False] * n, 0
    while rank < n:
        if not heap:   # cannot happen in a consistent network; stay total anyway
            heap = [key(i) for i in range(n) if not done[i]]
            heapq.heapify(heap)
        i = heapq.heappop(heap)[-1]
        if done[i]:
            continue
        done[i], rank = True, rank + 1
        ranks[i] = rank
        for j in strict[i].nonzero()[0].tolist():
            indegree[j] -= 1
            if indegree[j] == 0 and not done[j]:
                heapq.heappush(heap, key(j))
    return ranks, [key(i)[:3] for i in range(n)]


def solve(events: list[Event], timexes: list[TimeExpr], reference: dt.date | None, text: str = "") -> list[Bounds]:
    """Bounds, basis, rule, rank and conflicts for every event (same order as ``events``).

    Sets ``event.timex`` (the anchoring expression) and ``event.cues`` as it goes.

    Args:
        events: the article's events (``timeline.events.extract``).
        timexes: its temporal expressions (``timeline.temporal.find``).
        reference: the publication date, or None when unknown.
        text: the article text (for discourse cues).

    Returns:
        One :class:`~timeline.model.Bounds` per event.

    Examples:
        >>> text = "On February 1, Trump signed a memorandum. Iraq maintains troops."
        >>> feb1 = TimeExpr(3, 13, "February 1", "DATE", "2025-02-01", dt.date(2025, 2, 1), dt.date(2025, 2, 1), "day", "date_md")
        >>> ev = [Event(0, 0, 41, "signed", 21, 27, tense="past"),
        ...       Event(1, 42, 65, "maintains", 47, 56, kind="state", tense="present")]
        >>> [(b.earliest, b.latest, b.basis, b.rule, b.order) for b in solve(ev, [feb1], dt.date(2025, 2, 28), text)]
        [(datetime.date(2025, 2, 1), datetime.date(2025, 2, 1), 'explicit', 'date_md', 1), (None, None, 'inferred', 'tense_present_state', 2)]
    """
    if not events:
        return []
    anchoring.attach(events, timexes, text, reference)
    blocks = _blocks(events)
    if len(blocks) == 1:
        bounds, ranks, _ = _solve_block(events, timexes, reference, text)
        for bound, rank in zip(bounds, ranks):
            bound.order = rank
        return bounds
    bounds, sequences = [None] * len(events), []
    for block in blocks:
        position = {i: k for k, i in enumerate(block)}
        local = [replace(events[i], source=position.get(events[i].source), cues=[]) for i in block]
        found, ranks, keys = _solve_block(local, timexes, reference, text)
        for k, i in enumerate(block):
            bounds[i] = found[k]
            events[i].cues = [(rule, None if other is None else block[other]) for rule, other in local[k].cues]
        sequences.append(sorted(((ranks[k], keys[k], i) for k, i in enumerate(block))))
    heads, rank = [0] * len(sequences), 0
    while rank < len(events):   # interleave blocks, each kept in its own order
        _, s = min((sequences[s][heads[s]][1], s) for s in range(len(sequences)) if heads[s] < len(sequences[s]))
        rank += 1
        bounds[sequences[s][heads[s]][2]].order = rank
        heads[s] += 1
    return bounds


#: Most events in one network; longer articles are solved in blocks of whole sentences
#: (the network is quadratic in memory and each constraint costs O(n^2)).
BLOCK_EVENTS = 240


def _blocks(events: list[Event]) -> list[list[int]]:
    """Event indices in blocks of whole sentences of at most ``BLOCK_EVENTS`` (unless a sentence is longer)."""
    blocks, current, last_sentence = [], [], None
    for i, event in enumerate(events):
        if len(current) >= BLOCK_EVENTS and event.sentence != last_sentence:
            blocks.append(current)
            current = []
        current.append(i)
        last_sentence = event.sentence
    return blocks + [current]


def _solve_block(events, timexes, reference, text):
    builder = _Builder(events, timexes, reference, text)
    _constrain(builder)
    bounds = _bounds(builder)
    _publication_checks(builder, bounds)
    ranks, keys = _order(builder)
    return bounds, ranks, keys


def _point(node: int, events: list[Event]) -> str:
    if node == ORIGIN:
        return "day 0"
    if node == PUB:
        return "publication"
    i = (node - 2) // 2
    return f"{'start' if node % 2 == 0 else 'end'}({events[i].trigger}#{i + 1})"


def _readable(c, events: list[Event]) -> str:
    """``later - earlier <= weight`` in words: dates for the origin, offsets in days otherwise."""
    if c.earlier == ORIGIN:
        return f"{_point(c.later, events)} <= {_date(c.weight).isoformat()}"
    if c.later == ORIGIN:
        return f"{_point(c.earlier, events)} >= {_date(-c.weight).isoformat()}"
    offset = "" if c.weight == 0 else f" {'+' if c.weight > 0 else '-'} {abs(c.weight):g} days"
    return f"{_point(c.later, events)} <= {_point(c.earlier, events)}{offset}"


def constraints(events: list[Event], timexes: list[TimeExpr], reference: dt.date | None, text: str = "") -> list[dict]:
    """Every constraint the ordering stage considered, in the order it was added, for inspection.

    Each row: ``rule``, ``label`` (in words), ``constraint`` (``later - earlier <= days``
    on named time points), ``status`` (accepted / rejected) and, for a rejected one,
    ``conflict`` naming the accepted constraints it contradicts. Structural
    constraints (start <= end) are left out. Long articles are explained block by block.

    Examples:
        >>> text = "On February 1, Trump signed a memorandum."
        >>> feb1 = TimeExpr(3, 13, "February 1", "DATE", "2025-02-01", dt.date(2025, 2, 1), dt.date(2025, 2, 1), "day", "date_md")
        >>> rows = constraints([Event(0, 0, 41, "signed", 21, 27, tense="past")], [feb1], dt.date(2025, 1, 15), text)
        >>> [(r["rule"], r["status"]) for r in rows]
        [('publication', 'accepted'), ('publication', 'accepted'), ('date_md', 'accepted'), ('date_md', 'accepted'), ('tense_past', 'rejected')]
    """
    if not events:
        return []
    anchoring.attach(events, timexes, text, reference)
    rows = []
    for block in _blocks(events):
        position = {i: k for k, i in enumerate(block)}
        local = [replace(events[i], source=position.get(events[i].source), cues=[]) for i in block]
        builder = _Builder(local, timexes, reference, text)
        _constrain(builder)
        rejected = {id(c.rejected): c for c in builder.net.conflicts}
        considered = sorted(builder.net.accepted + [c.rejected for c in builder.net.conflicts], key=builder.net.sequence.get)
        for c in considered:
            if c.rule == "structure":
                continue
            conflict = rejected.get(id(c))
            rows.append({"rule": c.rule, "label": c.label, "constraint": _readable(c, local),
                         "status": "rejected" if conflict else "accepted",
                         "conflict": conflict.describe() if conflict else None})
    return rows

