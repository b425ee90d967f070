"""A simple temporal network: difference constraints on day numbers.

The ordering stage turns dates, tense and discourse cues into constraints
``x - y <= w`` between time points (day numbers); the tightest bounds are the
shortest paths of the constraint graph (an edge ``y -> x`` of weight ``w``).
Constraints are added one at a time, most trusted first, and the all-pairs
distance matrix is updated incrementally (at most O(n^2) per constraint with numpy, in
practice the few points the new edge connects).
A constraint that would close a negative cycle contradicts the ones already
accepted: it is rejected and returned as a :class:`Conflict` naming every
constraint involved, so the network never holds ``earliest > latest``.

Node 0 is the origin (day number 0 = ``date.fromordinal`` origin), so an
absolute date ``d`` for point ``x`` is ``d <= x - origin <= d``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from timeline import settings

INF = math.inf


@dataclass(frozen=True)
class Constraint:
    """``later - earlier <= weight`` (with ``weight`` in days), and why."""

    earlier: int
    later: int
    weight: float
    rule: str
    label: str


@dataclass(frozen=True)
class Conflict:
    """A rejected constraint and the accepted constraints it contradicts."""

    rejected: Constraint
    involved: tuple[Constraint, ...]

    def describe(self) -> str:
        others = "; ".join(f"{c.label} [{c.rule}]" for c in self.involved if c.rule != "structure")
        return (
            f"conflict: {self.rejected.label} [{self.rejected.rule}] contradicts {others}; rejected"
        )


class Network:
    """Time points with incremental shortest paths.

    Examples:
        >>> net = Network(3)            # origin 0, points 1 and 2
        >>> net.add(0, 1, 10, "r1", "x <= 10") is None   # x1 - x0 <= 10
        True
        >>> net.add(1, 2, -2, "r2", "y <= x - 2") is None  # x2 - x1 <= -2
        True
        >>> net.upper(2), net.lower(2)
        (8.0, -inf)
        >>> net.add(2, 0, -9, "r3", "y >= 9").describe()   # x0 - x2 <= -9: y >= 9 contradicts
        'conflict: y >= 9 [r3] contradicts x <= 10 [r1]; y <= x - 2 [r2]; rejected'
    """

    def __init__(self, size: int):
        self.size = size
        self.dist = np.full((size, size), INF)
        np.fill_diagonal(self.dist, 0.0)
        self.next = np.tile(np.arange(size), (size, 1))  # first hop of the shortest path i -> j
        self.edges: dict[tuple[int, int], Constraint] = {}
        self.accepted: list[Constraint] = []
        self.conflicts: list[Conflict] = []
        self.sequence: dict[Constraint, int] = {}  # when each constraint was considered

    def add(
        self, earlier: int, later: int, weight: float, rule: str, label: str
    ) -> Conflict | None:
        """Add ``later - earlier <= weight``; return a Conflict (and keep the network) if
        inconsistent."""
        constraint = Constraint(earlier, later, float(weight), rule, label)
        self.sequence.setdefault(constraint, len(self.sequence))
        u, v, w = earlier, later, float(weight)
        if u == v:
            return None
        dist = self.dist
        # ``item`` gives Python floats: numpy scalar arithmetic cost more than the rest of a
        # typical add, which touches few points
        if dist.item(v, u) + w < 0:
            conflict = Conflict(constraint, tuple(self.path(v, u)))
            self.conflicts.append(conflict)
            return conflict
        self.accepted.append(constraint)
        if w >= dist.item(u, v):
            return None
        self.edges[(u, v)] = constraint
        # only paths i -> u -> v -> j can shorten, so only rows reaching u and columns v reaches:
        # in news most points are tied to few others, and the full n x n update dominated long
        # articles
        to_u, from_v = dist[:, u], dist[v]
        rows = (to_u < INF).nonzero()[0]
        cols = (from_v < INF).nonzero()[0]
        if rows.size * cols.size <= settings.NETWORK_FEW_PAIRS:
            self._shorten_few(u, v, w, rows.tolist(), cols.tolist())
            return None
        through = (to_u[rows] + w)[:, None] + from_v[cols][None, :]
        better_i, better_j = (through < dist[rows[:, None], cols]).nonzero()
        if better_i.size:
            i, j = rows[better_i], cols[better_j]
            hop = self.next[i, u]
            self.next[i, j] = np.where(i == u, v, hop)
            dist[i, j] = through[better_i, better_j]
        return None

    def _shorten_few(self, u: int, v: int, w: float, rows: list, cols: list) -> None:
        """The update of :meth:`add` for few pairs, one pair at a time: the same sums in
        the same order (so the same floats), every value read before any is written."""
        dist, hops = self.dist, self.next
        reach = [dist.item(i, u) + w for i in rows]
        onward = [dist.item(v, j) for j in cols]
        shorter = []
        for i, to_v in zip(rows, reach):
            hop = v if i == u else hops.item(i, u)
            for j, rest in zip(cols, onward):
                length = to_v + rest
                if length < dist.item(i, j):
                    shorter.append((i, j, length, hop))
        for i, j, length, hop in shorter:
            dist[i, j] = length
            hops[i, j] = hop

    def path(self, start: int, end: int) -> list[Constraint]:
        """The constraints along the shortest path ``start -> end`` (empty if none)."""
        found, node, guard = [], start, 0
        if not math.isfinite(self.dist[start, end]):
            return found
        while node != end and guard <= self.size:
            hop = int(self.next[node, end])
            edge = self.edges.get((node, hop))
            if edge is not None:
                found.append(edge)
            node, guard = hop, guard + 1
        return found

    def upper(self, point: int, origin: int = 0) -> float:
        """Largest value of ``point - origin`` (inf = unbounded)."""
        return float(self.dist[origin, point])

    def lower(self, point: int, origin: int = 0) -> float:
        """Smallest value of ``point - origin`` (-inf = unbounded)."""
        return float(-self.dist[point, origin])

    def implies(self, earlier: int, later: int) -> bool:
        """True when every solution has ``earlier <= later``."""
        return bool(self.dist[later, earlier] <= 0)
