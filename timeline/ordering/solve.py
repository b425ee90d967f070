"""Ordering: bounds for every event by constraint propagation, one total order, conflicts.

The last analysis stage. Every event ``i`` gets two time points, its start
``S_i`` and end ``E_i`` (day numbers), beside the origin and the publication
point ``P``. Evidence becomes difference constraints, added most trusted
first (:mod:`timeline.constraints`; propagation in :mod:`timeline.network`):

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

from timeline import settings
from timeline.model import Bounds, Event, Ordering, TimeExpr

from . import anchoring
from .constraints import ORIGIN, PUB, Builder, constrain, day_of, end_point, start_point
from .cues import publication_relation
from .relation import RELATIONS, publication_side, relation_to, relation_to_expression  # noqa: F401  (public here)
from .tense import PubRelation

_BASIS_RANK = {"explicit": 3, "relative": 2, "inferred": 1, "none": 0}


def _setter(builder: Builder, start: int, end: int, reverse: bool = False) -> tuple[str, str]:
    """The non-structural constraint nearest the event on the path that sets a bound (the one
    acting on it)."""
    path = builder.net.path(start, end)
    for constraint in reversed(path) if reverse else path:
        if constraint.rule not in ("structure", "publication"):
            return builder.basis.get(
                (constraint.earlier, constraint.later), "inferred"
            ), constraint.rule
    return "none", "none"


def _bounds(builder: Builder) -> list[Bounds]:
    net, events, reference = builder.net, builder.events, builder.reference
    origin = ORIGIN if reference is not None else PUB
    found = []
    for i, event in enumerate(events):
        low, high = net.lower(start_point(i)), net.upper(end_point(i))
        setters = [
            s
            for s in (
                _setter(builder, start_point(i), origin),
                _setter(builder, origin, end_point(i), reverse=True),
            )
            if s[0] != "none"
        ]
        if not setters and builder.relation[i] != PubRelation.NONE:
            setters = [("inferred", builder.relation_rule[i])]
        basis, rule = max(setters, key=lambda s: _BASIS_RANK[s[0]]) if setters else ("none", "none")
        if i in builder.explicit:
            timex = builder.timexes[event.timex]
            basis, rule, precision = "explicit", timex.rule, timex.precision
            if precision not in (
                "day",
                "week",
                "month",
                "quarter",
                "season",
                "year",
                "decade",
                "century",
                "time",
            ):
                precision = "unknown"
        elif math.isfinite(low) and math.isfinite(high):
            precision = "day" if low == high else "vague"
        else:
            precision = "unknown"
        found.append(
            Bounds(
                day_of(low),
                day_of(high),
                precision,
                basis,
                rule,
                0,
                "; ".join(builder.warnings[i]) or None,
            )
        )
    return found


def _publication_checks(builder: Builder, bounds: list[Bounds]) -> None:
    """Name both dates when a past event is dated after publication; report inferred
    publication bounds."""
    events, reference, net = builder.events, builder.reference, builder.net
    for i, event in enumerate(events):
        if event.timex is None or builder.relation[i] != PubRelation.BEFORE:
            continue
        timex = builder.timexes[event.timex]
        if reference is not None and timex.earliest is not None and timex.earliest > reference:
            note = (
                f"published {reference.isoformat()} is earlier than {timex.earliest.isoformat()} "
                f"('{timex.text}'), which the article reports as past ('{event.trigger}'): "
                "check the publication date"
            )
            bounds[i].warning = "; ".join(filter(None, [note, bounds[i].warning]))
    if reference is None:
        low, high = net.lower(PUB), net.upper(PUB)
        for value, side, path in (
            (low, "on or after", net.path(PUB, ORIGIN)),
            (high, "on or before", net.path(ORIGIN, PUB)),
        ):
            if not math.isfinite(value):
                continue
            nodes = [(c.earlier - 2) // 2 for c in path if c.earlier >= 2] + [
                (c.later - 2) // 2 for c in path if c.later >= 2
            ]
            who = min(nodes) if nodes else 0
            why = ", ".join(c.label for c in path if c.rule != "structure")
            note = (
                f"publication date unknown: inferred {side} {day_of(value).isoformat()} from {why}"
            )
            if events:
                bounds[who].warning = "; ".join(filter(None, [bounds[who].warning, note]))


def _order(builder: Builder) -> tuple[list[int], list[tuple]]:
    """Ranks 1..n (a topological order of the implied precedences, earliest first, ties by
    text position) and each event's sort key."""
    net, events = builder.net, builder.events
    n = len(events)
    starts = [start_point(i) for i in range(n)]
    ends = [end_point(i) for i in range(n)]
    sub = net.dist[starts][:, ends]  # sub[b, a] = max(E_a - S_b)
    precedes = sub.T <= 0  # precedes[a, b]: E_a <= S_b
    strict = precedes & ~precedes.T
    indegree = strict.sum(axis=0).tolist()

    def estimate(low, high):
        if math.isfinite(low) and math.isfinite(high):
            return (low + high) / 2
        if math.isfinite(high):
            return high - 0.5
        return low + 0.5 if math.isfinite(low) else None

    def key(i):
        # Where the event most likely lies relative to P (unbounded: at P), then absolute, then
        # text position.
        relative = estimate(net.lower(start_point(i), PUB), net.upper(end_point(i), PUB))
        absolute = estimate(net.lower(start_point(i)), net.upper(end_point(i)))
        return (
            0.0 if relative is None else relative,
            math.inf if absolute is None else absolute,
            events[i].trigger_start,
            i,
        )

    heap = [key(i) for i in range(n) if indegree[i] == 0]
    heapq.heapify(heap)
    ranks, done, rank = [0] * n, [False] * n, 0
    while rank < n:
        if not heap:  # cannot happen in a consistent network; stay total anyway
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


def solve(
    events: list[Event], timexes: list[TimeExpr], reference: dt.date | None, text: str = ""
) -> Ordering:
    """Anchors, cues, bounds, basis, rule, rank and conflicts for every event (same order as
    ``events``).

    The events given are not changed: the result holds anchored copies of them.

    Args:
        events: the article's events (``timeline.events.extract``).
        timexes: its temporal expressions (``timeline.temporal.find``).
        reference: the publication date, or None when unknown.
        text: the article text (for discourse cues).

    Returns:
        An :class:`~timeline.model.Ordering`: the anchored events, one
        :class:`~timeline.model.Bounds` per event, each event's relation to publication.

    Examples:
        >>> text = "On February 1, Trump signed a memorandum. Iraq maintains troops."
        >>> day = dt.date(2025, 2, 1)
        >>> feb1 = TimeExpr(3, 13, "February 1", "DATE", "2025-02-01", day, day, "day", "date_md")
        >>> ev = [Event(0, 0, 41, "signed", 21, 27, tense="past"),
        ...       Event(1, 42, 65, "maintains", 47, 56, kind="state", tense="present")]
        >>> result = solve(ev, [feb1], dt.date(2025, 2, 28), text)
        >>> for b in result.bounds:
        ...     print(b.earliest, b.latest, b.basis, b.rule, b.order)
        2025-02-01 2025-02-01 explicit date_md 1
        None None inferred tense_present_state 2
        >>> result.events[0].timex, ev[0].timex   # the copy is anchored, the input is unchanged
        (0, None)
    """
    events = _anchored(events, timexes, text, reference)
    bounds = _solve(events, timexes, reference, text)
    relations = tuple(publication_relation(event, text)[0] for event in events)
    return Ordering(tuple(events), tuple(bounds), relations)


def _anchored(events, timexes, text, reference) -> list[Event]:
    """Copies of the events (their cue lists too), each anchored to its expression, if any."""
    copies = [replace(event, cues=list(event.cues)) for event in events]
    if copies:
        anchoring.attach(copies, timexes, text, reference)
    return copies


def _solve(events, timexes, reference, text) -> list[Bounds]:
    """Bounds and ranks of anchored events; records each event's cues on it (the copies)."""
    if not events:
        return []
    blocks = _blocks(events)
    if len(blocks) == 1:
        bounds, ranks, _, _ = _solve_block(events, timexes, reference, text)
        for bound, rank in zip(bounds, ranks):
            bound.order = rank
        return bounds
    bounds, sequences, inferred = [None] * len(events), [], []
    for block, block_text in zip(blocks, _block_views(blocks, events, text)):
        position = {i: k for k, i in enumerate(block)}
        local = [replace(events[i], source=position.get(events[i].source), cues=[]) for i in block]
        found, ranks, keys, publication = _solve_block(local, timexes, reference, block_text)
        inferred.append((block, publication))
        for k, i in enumerate(block):
            bounds[i] = found[k]
            events[i].cues = [
                (rule, None if other is None else block[other]) for rule, other in local[k].cues
            ]
        sequences.append(sorted(((ranks[k], keys[k], i) for k, i in enumerate(block))))
    for rank, i in enumerate(_interleave(sequences, bounds), 1):
        bounds[i].order = rank
    if reference is None:
        _publication_across_blocks(inferred, events, bounds)
    return bounds


def _publication_across_blocks(inferred, events: list[Event], bounds: list[Bounds]) -> None:
    """Without a publication date each block bounds it on its own: when one block puts it on or
    after a day that another puts it before, the article contradicts itself, and both blocks'
    first events say so (one network would have rejected one of the constraints).

    Examples:
        >>> ev = [Event(0, 0, 5, "met", 0, 3), Event(1, 6, 11, "left", 6, 10)]
        >>> b = [Bounds(None, None, "unknown", "none", "none") for _ in ev]
        >>> day = dt.date(2025, 3, 1).toordinal()
        >>> _publication_across_blocks([([0], (day, math.inf)), ([1], (-math.inf, day - 9))], ev, b)
        >>> print(b[1].warning)
        publication date unknown and inferred inconsistently:
        on or after 2025-03-01 from the block of 'met' (event 1)
        but on or before 2025-02-20 from the block of 'left' (event 2)
    """
    lows = [(low, block) for block, (low, _) in inferred if math.isfinite(low)]
    highs = [(high, block) for block, (_, high) in inferred if math.isfinite(high)]
    if not lows or not highs:
        return
    low, low_block = max(lows, key=lambda pair: pair[0])
    high, high_block = min(highs, key=lambda pair: pair[0])
    if low <= high:
        return
    where = lambda block: f"the block of '{events[block[0]].trigger}' (event {block[0] + 1})"  # noqa: E731
    note = (
        f"publication date unknown and inferred inconsistently: on or after "
        f"{day_of(low).isoformat()} from {where(low_block)} but on or before "
        f"{day_of(high).isoformat()} from {where(high_block)}"
    )
    for i in {low_block[0], high_block[0]}:
        bounds[i].warning = "; ".join(filter(None, [bounds[i].warning, note]))


def _interleave(sequences: list[list[tuple]], bounds: list[Bounds]):
    """Event indices of all blocks, each block kept in its own order, interleaved by sort key
    so that no event comes after one its bounds put strictly later: a k-way merge whose first
    key is the smallest latest bound of the event and of every event after it in its block
    (that key never decreases along a block; see ``frame.interleave`` for the argument).

    Examples:
        >>> b = [Bounds(None, None, "unknown", "none", "none"),
        ...      Bounds(dt.date(2025, 2, 6), dt.date(2025, 2, 20), "vague", "relative", "r"),
        ...      Bounds(dt.date(2025, 2, 25), dt.date(2025, 2, 25), "day", "explicit", "r")]
        >>> list(_interleave([[(1, (0.0,), 0), (2, (1.0,), 1)], [(1, (-5.0,), 2)]], b))
        [0, 1, 2]
    """
    keyed = []
    for number, sequence in enumerate(sequences):
        keys, floor = [], math.inf
        for _, key, i in reversed(sequence):
            latest = bounds[i].latest
            floor = min(floor, math.inf if latest is None else latest.toordinal())
            keys.append(((floor, key, number), i))
        keys.reverse()
        keyed.append(keys)
    return (i for _, i in heapq.merge(*keyed))


def _block_texts(blocks: list[list[int]], events: list[Event], text: str) -> list[str]:
    """Each block's view of the text: its own stretch (from where the block before ends to where
    its last event ends; the last block to the end), the rest blanked with spaces so offsets
    hold. A discourse cue ("following the call") found in another block's sentences would
    otherwise be read against this block's first sentence.

    Examples:
        >>> ev = [Event(0, 0, 9, "met", 3, 6), Event(1, 10, 19, "left", 13, 17)]
        >>> _block_texts([[0], [1]], ev, "They met. Then left.")
        ['They met.          ', '          Then left.']
    """
    return list(_block_views(blocks, events, text))


def _block_views(blocks: list[list[int]], events: list[Event], text: str):
    """The views of :func:`_block_texts` one at a time: only one text-long copy lives at once."""
    low = 0
    for number, block in enumerate(blocks):
        high = (
            len(text)
            if number == len(blocks) - 1
            else max(max(events[i].end, events[i].trigger_end) for i in block)
        )
        yield " " * low + text[low:high] + " " * (len(text) - high)
        low = high


def _blocks(events: list[Event]) -> list[list[int]]:
    """Event indices in blocks of whole sentences of at most ``settings.BLOCK_EVENTS``; a
    sentence with twice that many events (a run-on or hostile text) is cut every
    ``2 * settings.BLOCK_EVENTS``, so no network grows with the length of a sentence.

    Examples:
        >>> said = Event(0, 0, 1, "said", 0, 1)
        >>> [len(b) for b in _blocks([said] * (4 * settings.BLOCK_EVENTS + 1))]
        [480, 480, 1]
    """
    blocks, current, last_sentence = [], [], None
    for i, event in enumerate(events):
        if len(current) >= settings.BLOCK_EVENTS and (
            event.sentence != last_sentence or len(current) >= 2 * settings.BLOCK_EVENTS
        ):
            blocks.append(current)
            current = []
        current.append(i)
        last_sentence = event.sentence
    return blocks + [current]


def _solve_block(events, timexes, reference, text):
    builder = Builder(events, timexes, reference, text)
    constrain(builder)
    bounds = _bounds(builder)
    _publication_checks(builder, bounds)
    ranks, keys = _order(builder)
    return bounds, ranks, keys, (builder.net.lower(PUB), builder.net.upper(PUB))


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
        return f"{_point(c.later, events)} <= {day_of(c.weight).isoformat()}"
    if c.later == ORIGIN:
        return f"{_point(c.earlier, events)} >= {day_of(-c.weight).isoformat()}"
    offset = "" if c.weight == 0 else f" {'+' if c.weight > 0 else '-'} {abs(c.weight):g} days"
    return f"{_point(c.later, events)} <= {_point(c.earlier, events)}{offset}"


def constraints(
    events: list[Event], timexes: list[TimeExpr], reference: dt.date | None, text: str = ""
) -> list[dict]:
    """Every constraint the ordering stage considered, in the order it was added, for inspection.

    Each row: ``rule``, ``label`` (in words), ``constraint`` (``later - earlier <= days``
    on named time points), ``status`` (accepted / rejected) and, for a rejected one,
    ``conflict`` naming the accepted constraints it contradicts. Structural
    constraints (start <= end) are left out. Long articles are explained block by block.

    Examples:
        >>> text = "On February 1, Trump signed a memorandum."
        >>> day = dt.date(2025, 2, 1)
        >>> feb1 = TimeExpr(3, 13, "February 1", "DATE", "2025-02-01", day, day, "day", "date_md")
        >>> signed = Event(0, 0, 41, "signed", 21, 27, tense="past")
        >>> rows = constraints([signed], [feb1], dt.date(2025, 1, 15), text)
        >>> [(r["rule"], r["status"]) for r in rows]
        [('publication', 'accepted'), ('publication', 'accepted'), ('date_md', 'accepted'),
         ('date_md', 'accepted'), ('tense_past', 'rejected')]
    """
    if not events:
        return []
    events = _anchored(events, timexes, text, reference)
    rows = []
    for block in _blocks(events):
        position = {i: k for k, i in enumerate(block)}
        local = [replace(events[i], source=position.get(events[i].source), cues=[]) for i in block]
        builder = Builder(local, timexes, reference, text)
        constrain(builder)
        rejected = {id(c.rejected): c for c in builder.net.conflicts}
        considered = sorted(
            builder.net.accepted + [c.rejected for c in builder.net.conflicts],
            key=builder.net.sequence.get,
        )
        for c in considered:
            if c.rule == "structure":
                continue
            conflict = rejected.get(id(c))
            rows.append(
                {
                    "rule": c.rule,
                    "label": c.label,
                    "constraint": _readable(c, local),
                    "status": "rejected" if conflict else "accepted",
                    "conflict": conflict.describe() if conflict else None,
                }
            )
    return rows
