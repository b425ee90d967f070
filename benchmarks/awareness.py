"""Temporal awareness of entity timelines (the SemEval-2015 Task 4 scorer).

A timeline in the task's format (entity on the first line, then
``ORDER<TAB>DATE<TAB>mention[<TAB>mention ...]``) becomes a graph:

- every mention is an event node; every date with a known year is a time node
  (``2006-03``, ``2006-03-XX`` and ``2006-03-xx`` are the same node);
- each event is SIMULTANEOUS with its date;
- events at the same position are SIMULTANEOUS; every event at one position is
  BEFORE every event at the next position (positions are the distinct ORDER
  values, ascending; position 0, the unanchored events, is the first one
  unless ``unanchored="isolated"``).

Two graphs are compared with UzZaman & Allen's temporal awareness (as in
TempEval-3): precision is the share of the system graph's *reduced*
(non-redundant) relations that the gold graph's *closure* entails, recall the
share of the gold graph's reduced relations that the system's closure
entails; F1 is their harmonic mean. Over several timelines the counts are
summed (micro average).

Relations are points and two relations, so closure is exact: SIMULTANEOUS
classes (union-find) and reachability between classes. A class of k nodes
contributes k - 1 SIMULTANEOUS relations to the reduced graph and each edge of
the transitive reduction of the class graph one BEFORE relation. Which k - 1
relations, and which member pair stands for a BEFORE edge, the description
leaves open; the default ("star") takes the official conversion's core links:
every node of a class SIMULTANEOUS with the class's time node (or, undated, its
first node), BEFORE between those centre nodes. ``reduction="best"`` takes
instead the choice that agrees most with the other graph; it is an upper bound
and rewards lumping: all gold events on one line score about 60 on the trial
data (against 9 with "star"), so it is for comparison only. A contradiction
(two positions sharing one date) makes a class BEFORE itself; it is tolerated.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.errors import TimelineError


class TimelineFormatError(TimelineError, ValueError):
    """A timeline text is not in the task's format (names the line), or a reading option is
    unknown."""


def parse_semeval(text: str) -> tuple[str, list[tuple[int, str, tuple[str, ...]]]]:
    """Parse a timeline in the task's format into ``(entity, [(order, date, mentions), ...])``.

    Examples:
        >>> text = "Acme\\n1\\t2001-05-02\\td1-3-bought\\td2-1-purchase\\n"
        >>> text += "0\\tXXXX-XX-XX\\td1-4-said\\n"
        >>> entity, rows = parse_semeval(text)
        >>> entity
        'Acme'
        >>> for row in rows:
        ...     print(row)
        (1, '2001-05-02', ('d1-3-bought', 'd2-1-purchase'))
        (0, 'XXXX-XX-XX', ('d1-4-said',))
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise TimelineFormatError("timeline: empty text (expected the entity on the first line)")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 3 or not fields[0].lstrip("-").isdigit():
            raise TimelineFormatError(
                f"timeline line {number}: expected ORDER<TAB>DATE<TAB>mention, got {line!r}"
            )
        rows.append((int(fields[0]), fields[1], tuple(f for f in fields[2:] if f)))
    return lines[0].strip(), rows


def time_node(date: str) -> str | None:
    """The time node of a date, or None when the date is not anchored.

    Examples:
        >>> [time_node(date) for date in ("2006-03-XX", "2006-03", "XXXX-XX-XX", "2010-06-07")]
        ['T2006-03', 'T2006-03', None, 'T2010-06-07']
    """
    parts = [p for p in date.strip().split("-") if p]
    if not parts or not parts[0].isdigit():
        return None
    kept = []
    for part in parts:
        if not part.isdigit():
            break
        kept.append(part)
    return "T" + "-".join(kept)


def timeline_relations(
    rows, unanchored: str = "first"
) -> tuple[set[str], list[tuple[str, str, str]]]:
    """Nodes and relations ``(a, '=' or '<', b)`` of a parsed timeline.

    Args:
        rows: ``[(order, date, mentions), ...]`` as from :func:`parse_semeval`.
        unanchored: "first": ORDER 0 is a position like the others (before 1);
            "isolated": ORDER-0 events take part in no relation.

    Examples:
        >>> nodes, rels = timeline_relations([(1, "2001", ("a",)), (2, "XXXX-XX-XX", ("b", "c"))])
        >>> sorted(nodes)
        ['T2001', 'a', 'b', 'c']
        >>> sorted(rels)
        [('a', '<', 'b'), ('a', '<', 'c'), ('a', '=', 'T2001'), ('b', '=', 'c')]
    """
    if unanchored not in ("first", "isolated"):
        raise TimelineFormatError(f"unanchored must be 'first' or 'isolated', got {unanchored!r}")
    nodes: set[str] = set()
    relations: list[tuple[str, str, str]] = []
    positions: dict[int, list[str]] = {}
    for order, date, mentions in rows:
        nodes.update(mentions)
        if order == 0 and unanchored == "isolated":
            continue
        positions.setdefault(order, []).extend(mentions)
        node = time_node(date)
        if node is not None:
            nodes.add(node)
            relations.extend((m, "=", node) for m in mentions)
    ordered = sorted(positions)
    for index, order in enumerate(ordered):
        members = positions[order]
        relations.extend((a, "=", b) for a, b in zip(members, members[1:]))
        if index + 1 < len(ordered):
            relations.extend((a, "<", b) for a in members for b in positions[ordered[index + 1]])
    return nodes, relations


@dataclass
class TemporalGraph:
    """A point graph under SIMULTANEOUS/BEFORE, closed on construction."""

    nodes: set[str]
    relations: list[tuple[str, str, str]]

    def __post_init__(self):
        parent = {n: n for n in self.nodes}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, rel, b in self.relations:
            parent.setdefault(a, a)
            parent.setdefault(b, b)
            self.nodes.update((a, b))
            if rel == "=":
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        self.cls = {n: find(n) for n in self.nodes}
        self.members: dict[str, list[str]] = {}
        for n in sorted(self.nodes):
            self.members.setdefault(self.cls[n], []).append(n)
        self.edges: dict[str, set[str]] = {c: set() for c in self.members}
        for a, rel, b in self.relations:
            if rel == "<":
                self.edges[self.cls[a]].add(self.cls[b])
        self.reach = {c: self._reach(c) for c in self.members}

    def _reach(self, start: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self.edges[start])
        while stack:
            c = stack.pop()
            if c not in seen:
                seen.add(c)
                stack.extend(self.edges[c])
        return seen

    def holds(self, a: str, rel: str, b: str) -> bool:
        """Whether the closure entails ``a rel b`` (False when a node is absent)."""
        if a not in self.cls or b not in self.cls:
            return False
        if rel == "=":
            return self.cls[a] == self.cls[b]
        return self.cls[b] in self.reach[self.cls[a]]

    def reduced_edges(self) -> list[tuple[str, str]]:
        """Class pairs of the transitive reduction of the BEFORE graph (self-loops dropped)."""
        kept = []
        for a in sorted(self.edges):
            for b in sorted(self.edges[a]):
                if a == b:
                    continue
                if not any(c not in (a, b) and b in self.reach[c] for c in self.edges[a]):
                    kept.append((a, b))
        return kept

    def reduced_size(self) -> int:
        return sum(len(m) - 1 for m in self.members.values()) + len(self.reduced_edges())

    def center(self, cls: str) -> str:
        """The node a class's relations hang from in the "star" reduction: its time node, else
        its first node."""
        members = self.members[cls]
        times = [n for n in members if n.startswith("T")]
        return (times or members)[0]

    def verified_in(self, other: TemporalGraph, reduction: str = "star") -> int:
        """How many of this graph's reduced relations the other graph's closure entails.

        ``reduction="best"`` takes, among equivalent reductions, the one that
        agrees most with ``other``; ``"star"`` fixes one: every node of a class
        SIMULTANEOUS with the class's time node (or first node), BEFORE between
        those centre nodes.
        """
        hits = 0
        for cls, members in self.members.items():
            if reduction == "star":
                center = self.center(cls)
                hits += sum(other.holds(n, "=", center) for n in members if n != center)
            else:
                groups = {other.cls.get(n, ("absent", n)) for n in members}
                hits += len(members) - len(groups)
        for a, b in self.reduced_edges():
            if reduction == "star":
                hits += other.holds(self.center(a), "<", self.center(b))
                continue
            left = {other.cls[n] for n in self.members[a] if n in other.cls}
            right = {other.cls[n] for n in self.members[b] if n in other.cls}
            if any(r in other.reach[left_class] for left_class in left for r in right):
                hits += 1
        return hits


def graph_of(timeline, unanchored: str = "first") -> TemporalGraph:
    """The graph of a timeline given as text or as parsed rows."""
    rows = parse_semeval(timeline)[1] if isinstance(timeline, str) else timeline
    nodes, relations = timeline_relations(rows, unanchored)
    return TemporalGraph(nodes, relations)


def _prf(p_hits, p_total, r_hits, r_total) -> dict:
    precision = p_hits / p_total if p_total else 0.0
    recall = r_hits / r_total if r_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "p_hits": p_hits,
        "p_total": p_total,
        "r_hits": r_hits,
        "r_total": r_total,
        "precision": 100 * precision,
        "recall": 100 * recall,
        "f1": 100 * f1,
    }


def awareness(system, gold, unanchored: str = "first", reduction: str = "star") -> dict:
    """Temporal awareness of one system timeline against its gold timeline.

    Args:
        system, gold: timelines as text in the task's format (or parsed rows).
        unanchored: how ORDER 0 is read (see :func:`timeline_relations`).
        reduction: "star" (default) or "best" (see :meth:`TemporalGraph.verified_in`).

    Returns:
        dict with the counts (p_hits, p_total, r_hits, r_total) and precision,
        recall and f1 in percent.

    Examples:
        >>> gold = "X\\n1\\t2001\\ta\\n2\\t2002\\tb\\n3\\t2003\\tc\\n"
        >>> round(awareness(gold, gold)["f1"], 1)
        100.0
        >>> round(awareness("X\\n1\\t2001\\ta\\n2\\t2003\\tc\\n", gold)["f1"], 1)
        57.1
    """
    sys_graph, gold_graph = graph_of(system, unanchored), graph_of(gold, unanchored)
    if reduction not in ("best", "star"):
        raise TimelineFormatError(f"reduction must be 'star' or 'best', got {reduction!r}")
    return _prf(
        sys_graph.verified_in(gold_graph, reduction),
        sys_graph.reduced_size(),
        gold_graph.verified_in(sys_graph, reduction),
        gold_graph.reduced_size(),
    )


def micro_awareness(pairs, unanchored: str = "first", reduction: str = "star") -> dict:
    """Micro-averaged temporal awareness over ``[(system, gold), ...]`` timelines.

    Examples:
        >>> t = "X\\n1\\t2001\\ta\\n2\\t2002\\tb\\n"
        >>> micro_awareness([(t, t), ("X\\n", t)])["recall"]
        50.0
    """
    totals = [0, 0, 0, 0]
    for system, gold in pairs:
        score = awareness(system, gold, unanchored, reduction)
        for i, key in enumerate(("p_hits", "p_total", "r_hits", "r_total")):
            totals[i] += score[key]
    return _prf(*totals)
