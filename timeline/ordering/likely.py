"""A most-likely date and an 80% interval for every event, beside the proven bounds.

The proven bounds ``[earliest, latest]`` say what the text proves; most of them are
"open .. publication". This module adds an estimate labelled as one: where events of
the same kind fell in gold-annotated news (TimeBank), relative to their article's
publication date, restricted to the proven bounds. The kinds and their empirical
distributions (day offsets from publication, with counts and source corpus) are data,
``ordering/rules/likely.yaml``, written by ``benchmarks/fit_likely.py``;
``benchmarks/calibration.py`` checks on corpora not used to fit that the intervals hold
the gold date about as often as they claim.

How an estimate is made (:func:`estimate`):

1. bounds proven to one day: that day (basis ``proven``);
2. an event told after its report's dated occasion (:func:`occasions`): that day, and the
   days after it that its class of events takes (:func:`occasion_class`: speech the day after
   too), never past publication (basis ``occasion``);
3. otherwise the first kind whose conditions the row meets (class, tense, aspect,
   modality, value, rule, publication side, shape of the bounds);
   (a kind marked ``estimate: false`` is matched but gives no estimate: its held-out
   coverage is too far from the stated one);
4. its offsets are restricted to the proven bounds (the estimate always lies inside
   them) and shrunk toward the pooled distribution (:func:`pooled`: every estimating
   kind's offsets together, restricted alike), which weighs as ``shrinkage`` events
   (data; 0 by default): a kind with few gold events borrows the shape of all of them, a
   kind with hundreds hardly moves (:func:`shrunk`). With none of the kind's own events
   inside the bounds, fewer than ``min_samples`` pooled events there, or fewer than
   ``min_samples`` of the kind's own plus ``shrinkage``, there is no estimate (basis ``none``);
5. the likely day is the most frequent offset left (ties: nearer publication); the
   interval is the narrowest run of offsets around it holding at least ``coverage -
   tolerance`` of what is left (ties: the one holding more, then nearer publication).
   Days are discrete: a share of exactly 80% is rare, and the narrowest run holding 80%
   often holds 90%; ``tolerance`` (data, 0.05) lets a run holding 75% count, and
   ``benchmarks/calibration.py`` measures the coverage on corpora not used to fit.

Nothing is mutated; the same inputs give the same output.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import pandas as pd

from timeline.caches import read_cache
from timeline.errors import RuleError
from timeline.rules import loader
from timeline.rules.loader import Shape

RULES_FILE = Path(__file__).resolve().parent / "rules" / "likely.yaml"
_FIELDS = ("event_class", "tense", "aspect", "modality", "value", "rule", "publication", "shape")


@dataclass(frozen=True)
class Likely:
    """An estimated day and interval, and what they rest on (None: no estimate)."""

    likely: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    basis: str  # a LikelyBasis, or the kind an estimate comes from: "<kind> (<corpus>, n=<events>)"


class LikelyBasis(StrEnum):
    """The ``likely_basis`` values that are not an estimate: the bounds prove one day, or
    no estimate is made. Any other basis names the kind an estimate comes from.

    Members are strings, so frames and exports hold the plain word:
        >>> LikelyBasis.PROVEN == "proven"
        True
    """

    PROVEN = "proven"
    NONE = "none"


NONE = Likely(None, None, None, LikelyBasis.NONE)


#: what likely.yaml may hold (checked by the one rule loader, :mod:`timeline.rules.loader`)
SHAPE = Shape(
    values={"coverage", "tolerance", "min_samples", "min_share", "shrinkage", "source", "events"},
    tables={"kinds": {"id", "when", "n", "offsets", "estimate"}},
    sections={"occasion": {"window", "when", "days", "n", "offsets"}},
    optional={"tolerance", "min_share", "shrinkage", "events", "occasion"},
)


@functools.lru_cache(maxsize=4)
def _load(path: str) -> dict:
    return check_model(loader.load(Path(path), SHAPE), Path(path).name)


def check_model(data, name: str = "likely model") -> dict:
    """Check a model's structure (the layout of ``likely.yaml``); return it with integer offsets.

    Raises:
        RuleError: naming the kind and field that is wrong.

    Examples:
        >>> model = {"coverage": 0.8, "min_samples": 5, "source": "x"}
        >>> kind = {"id": "k", "when": [{"tense": ["past"]}], "offsets": {"0": 4, "-1": 2}}
        >>> m = check_model({**model, "kinds": [kind]})
        >>> m["kinds"][0]["offsets"]
        {-1: 2, 0: 4}
        >>> check_model({**model, "kinds": [{"id": "k", "when": [{"colour": ["red"]}]}]})
        Traceback (most recent call last):
        ...
        timeline.errors.RuleError: likely model: kind 'k': unknown field 'colour' in when
        (known: event_class, tense, aspect, modality, value, rule, publication, shape)
    """
    loader.check(data, SHAPE, name)
    if any(not kind.get("id") for kind in data["kinds"]):
        raise RuleError(f"{name}: a kind without an id")
    kinds = [_checked_kind(kind, kind["id"], name) for kind in data["kinds"]]
    checked = {**data, "kinds": kinds}
    if "occasion" in data:
        checked["occasion"] = _checked_kind(data["occasion"], "occasion", name)
        if not isinstance(checked["occasion"].get("window"), int):
            raise RuleError(f"{name}: occasion: window must be a number of days")
        checked["occasion"]["days"] = [
            _checked_span(span, name) for span in data["occasion"].get("days") or []
        ]
    return checked


#: what a class of events told after an occasion (``occasion.days`` in likely.yaml) may hold
_SPAN_KEYS = {"id", "when", "days", "n", "offsets"}


def _checked_span(span, name: str) -> dict:
    """A class of ``occasion.days``: its keys, ``when`` and a positive number of days checked."""
    if not isinstance(span, dict) or not span.get("id"):
        raise RuleError(f"{name}: occasion: days: a class without an id")
    ident = span["id"]
    extra = sorted(set(span) - _SPAN_KEYS)
    if extra:
        raise RuleError(
            f"{name}: occasion: days: {ident!r}: unknown key {extra[0]!r} "
            f"(known: {', '.join(sorted(_SPAN_KEYS))})"
        )
    days = span.get("days")
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise RuleError(f"{name}: occasion: days: {ident!r}: days must be a whole number >= 1")
    return _checked_kind(span, f"occasion {ident}", name)


def occasion_class(row, table: dict | None = None) -> dict | None:
    """The class of ``occasion.days`` (likely.yaml) a row told after an occasion belongs to, first
    match wins (None: no class); its ``days`` are those of the likely interval counted from the
    occasion's day (1: that day only).

    Speech told after an occasion is often said the day after it (a speaker quoted on the day of
    the wire), an act told after it mostly happened at it (likely.yaml gives the counts).

    Examples:
        >>> said = dict(event_class="REPORTING", tense="past", aspect="none", modality="asserted")
        >>> act = {**said, "event_class": "OCCURRENCE"}
        >>> occasion_class(said)["days"], occasion_class(act)["id"], occasion_class(act)["days"]
        (2, 'act', 1)
    """
    table = table or model()
    fields = _row_fields(row)
    spans = (table.get("occasion") or {}).get("days") or []
    return next((span for span in spans if _meets(fields, span)), None)


def _checked_kind(kind: dict, ident, name: str) -> dict:
    """A kind (or the occasion section) with its ``when`` checked and integer offsets."""
    when = []
    for alternative in kind.get("when") or [{}]:
        for field in alternative:
            if field not in _FIELDS:
                raise RuleError(
                    f"{name}: kind {ident!r}: unknown field {field!r} in when "
                    f"(known: {', '.join(_FIELDS)})"
                )
        when.append({field: [str(v) for v in values] for field, values in alternative.items()})
    try:
        offsets = {int(k): int(v) for k, v in (kind.get("offsets") or {}).items()}
    except (TypeError, ValueError):
        raise RuleError(f"{name}: kind {ident!r}: offsets must be day: count integers") from None
    return {**kind, "when": when, "offsets": dict(sorted(offsets.items()))}


def model(path=None) -> dict:
    """The fitted model, ``ordering/rules/likely.yaml`` unless another path is given."""
    return _load(str(path or RULES_FILE))


def _date(value) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def shape(earliest, latest) -> str:
    """The shape of proven bounds: ``day``, ``closed``, ``until`` (open start), ``from``
    (open end), ``open``.

    Examples:
        >>> shape(None, dt.date(2025, 2, 28)), shape(dt.date(2025, 2, 1), dt.date(2025, 2, 1))
        ('until', 'day')
    """
    first, last = _date(earliest), _date(latest)
    if first and last:
        return "day" if first == last else "closed"
    return "until" if last else "from" if first else "open"


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def kind_of(row, table: dict | None = None) -> dict | None:
    """The first kind of the model whose conditions a row meets (None when none does).

    ``row`` is a mapping with the timeline columns ``event_class, tense, aspect, modality,
    value, rule, publication, earliest, latest``; a condition lists accepted values of a
    field, a kind's ``when`` lists alternatives (any one suffices, every field of it must hold).

    Examples:
        >>> row = dict(event_class="REPORTING", tense="past", aspect="none", modality="asserted",
        ...            value=None, rule="tense_past", publication="before", earliest=None,
        ...            latest=dt.date(2025, 2, 28))
        >>> kind_of(row)["id"]
        'reporting_past'
    """
    table = table or model()
    fields = _row_fields(row)
    return next((kind for kind in table["kinds"] if _meets(fields, kind)), None)


def _row_fields(row) -> dict:
    fields = {f: _text(row.get(f)) for f in _FIELDS if f != "shape"}
    fields["shape"] = shape(row.get("earliest"), row.get("latest"))
    return fields


def _meets(fields: dict, kind: dict) -> bool:
    return any(
        all(fields[f] in accepted for f, accepted in alternative.items())
        for alternative in kind.get("when") or [{}]
    )


def occasions(rows, published, table: dict | None = None) -> list[dt.date | None]:
    """The dated occasion each row of one article is told after (None: none), in ``rows``' order.

    A report tells its occasion ("The team beat Brazil on Sunday.") and then what happened at
    it, in later sentences without a date of their own ("Horan scored in the 42nd minute.").
    A sentence whose dated events (an event with its own expression, proven to one day) all
    fall on one day within the model's ``occasion.window`` days before publication opens an
    occasion; a later sentence with an expression of its own closes it; between them, each
    event meeting ``occasion.when`` (simple past, no expression of its own) is given it.
    Measured in the gold corpora (``occasion.offsets``: day offsets from the occasion), such
    events fall on the occasion's day about two times in three and between it and
    publication almost always, so the occasion gives a likely interval, never a bound.

    ``rows`` are mappings with ``sentence, trigger_start, timex, earliest, latest`` and the
    fields of ``occasion.when``.

    Examples:
        >>> pub = dt.date(2025, 7, 8)
        >>> sunday = dt.date(2025, 7, 6)
        >>> told = dict(timex=None, earliest=None, latest=pub, aspect="none", modality="asserted")
        >>> rows = [dict(told, sentence=0, trigger_start=9, timex="on Sunday", earliest=sunday,
        ...              latest=sunday, tense="past"),
        ...         dict(told, sentence=1, trigger_start=50, tense="past"),
        ...         dict(told, sentence=2, trigger_start=80, tense="present")]
        >>> occasions(rows, pub)
        [None, datetime.date(2025, 7, 6), None]
        >>> occasions(rows, dt.date(2025, 9, 8))  # two months on: no occasion of the report
        [None, None, None]
    """
    table = table or model()
    found: list[dt.date | None] = [None] * len(rows)
    setting = table.get("occasion")
    reference = _date(published)
    if not setting or reference is None:
        return found
    window = setting["window"]
    sentences: dict = {}
    for position, row in enumerate(rows):
        sentences.setdefault(row.get("sentence"), []).append(position)
    current = None
    for sentence in sorted(
        sentences, key=lambda s: min(rows[p]["trigger_start"] for p in sentences[s])
    ):
        positions = sentences[sentence]
        dated = [p for p in positions if _text(rows[p].get("timex"))]
        days = {_date(rows[p].get("earliest")) for p in dated}
        days |= {_date(rows[p].get("latest")) for p in dated}
        if dated:
            day = next(iter(days)) if len(days) == 1 else None
            recent = day is not None and 1 <= (reference - day).days <= window
            current = day if recent else None
            continue
        if current is None:
            continue
        for p in positions:
            if _meets(_row_fields(rows[p]), setting):
                found[p] = current
    return found


def interval(offsets: dict, low=None, high=None, coverage=0.8, min_samples=1, tolerance=0.0):
    """``(likely, first, last, n)`` offsets from a distribution restricted to ``[low, high]``.

    The likely offset is the most frequent one (ties: nearer 0); the interval, the
    narrowest run of offsets around it holding at least ``coverage - tolerance`` of the
    restricted counts (ties: more, then nearer 0). None when fewer than ``min_samples``
    counts are left.

    Examples:
        >>> interval({-3: 1, -1: 3, 0: 5, 2: 1})
        (0, -1, 0, 10)
        >>> interval({-3: 1, -1: 3, 0: 5, 2: 1}, high=-1)
        (-1, -3, -1, 4)
        >>> interval({-3: 1, -1: 3, 0: 5, 2: 1}, high=-1, tolerance=0.05)
        (-1, -1, -1, 4)
        >>> interval({-1: 3, 0: 5}, low=1) is None
        True
    """
    kept = [
        (o, c)
        for o, c in sorted(offsets.items())
        if (low is None or o >= low) and (high is None or o <= high)
    ]
    total = sum(c for _, c in kept)
    if total < max(min_samples, 1):
        return None
    mode = min(range(len(kept)), key=lambda k: (-kept[k][1], abs(kept[k][0])))
    best = None
    for i in range(mode + 1):
        mass = sum(c for _, c in kept[i:mode])
        for j in range(mode, len(kept)):
            mass += kept[j][1]
            if mass >= (coverage - tolerance) * total:
                first, last = kept[i][0], kept[j][0]
                key = (last - first, -mass, abs(first) + abs(last))
                if best is None or key < best[0]:
                    best = (key, first, last, i, j)
                break
    _, first, last, _, _ = best
    return kept[mode][0], first, last, total


def pooled(table: dict) -> dict:
    """Every estimating kind's offsets added together (kinds marked ``estimate: false`` left out).

    Examples:
        >>> pooled({"kinds": [{"offsets": {0: 3, -1: 1}}, {"offsets": {0: 2}},
        ...                   {"offsets": {9: 5}, "estimate": False}]})
        {-1: 1, 0: 5}
    """
    total: dict = {}
    for kind in table["kinds"]:
        if kind.get("estimate") is not False:
            for offset, count in kind["offsets"].items():
                total[offset] = total.get(offset, 0) + count
    return dict(sorted(total.items()))


def shrunk(own: dict, pool: dict, weight: float) -> dict:
    """A kind's counts plus ``weight`` events spread as the pool is (both already restricted to
    the bounds): the posterior mean of a Dirichlet prior centred on the pool.

    Examples:
        >>> shrunk({0: 3}, {-1: 30, 0: 70}, 10)
        {-1: 3.0, 0: 10.0}
        >>> shrunk({0: 3}, {}, 10), shrunk({0: 3}, {-1: 1}, 0)
        ({0: 3}, {0: 3})
    """
    total = sum(pool.values())
    if not weight or not total:
        return dict(own)
    mixed = {offset: float(count) for offset, count in own.items()}
    for offset, count in pool.items():
        mixed[offset] = mixed.get(offset, 0.0) + weight * count / total
    return dict(sorted(mixed.items()))


def _within(offsets: dict, low, high) -> dict:
    return {
        o: c
        for o, c in offsets.items()
        if (low is None or o >= low) and (high is None or o <= high)
    }


def told_after(row, published) -> dt.date | None:
    """The row's ``occasion`` when it can date it: before publication, within the proven bounds.

    Examples:
        >>> row = dict(occasion=dt.date(2025, 7, 6), earliest=None, latest=dt.date(2025, 7, 8))
        >>> told_after(row, dt.date(2025, 7, 8))
        datetime.date(2025, 7, 6)
        >>> told_after({**row, "latest": dt.date(2025, 7, 5)}, None) is None  # proven before it
        True
    """
    occasion, reference = _date(row.get("occasion")), _date(published)
    first, last = _date(row.get("earliest")), _date(row.get("latest"))
    if occasion is None or (reference is not None and occasion >= reference):
        return None
    if (first and occasion < first) or (last and occasion > last):
        return None
    return occasion


def estimate(row, published, table: dict | None = None) -> Likely:
    """The likely day and interval of one timeline row (a mapping of its columns).

    Args:
        row: ``event_class, tense, aspect, modality, value, rule, publication,
            earliest, latest`` (the frame's columns; a dict or a pandas row), and
            ``occasion`` when the row is told after a dated occasion (:func:`occasions`).
        published: the article's publication date (None: only proven days are given).
        table: a model (:func:`model` by default).

    Returns:
        :class:`Likely`; its interval lies inside ``[earliest, latest]``.

    Examples:
        >>> row = dict(event_class="REPORTING", tense="past", aspect="none", modality="asserted",
        ...            value=None, rule="tense_past", publication="before", earliest=None,
        ...            latest=dt.date(2025, 2, 28))
        >>> got = estimate(row, dt.date(2025, 2, 28))
        >>> got.earliest <= got.likely <= got.latest <= dt.date(2025, 2, 28), got.basis.split()[0]
        (True, 'reporting_past')
        >>> estimate({**row, "occasion": dt.date(2025, 2, 23)}, dt.date(2025, 2, 28)).basis
        'occasion (TimeBank, n=27)'
        >>> act = {**row, "event_class": "OCCURRENCE"}
        >>> estimate({**act, "latest": dt.date(2025, 2, 25)}, dt.date(2025, 2, 28)).basis
        'past (TimeBank, n=31)'
        >>> far = {**act, "latest": dt.date(2025, 1, 29)}  # "months before" a report: too few left
        >>> estimate(far, dt.date(2025, 2, 28)).basis  # of the kind's events (min_share)
        <LikelyBasis.NONE: 'none'>
        >>> estimate({**row, "earliest": dt.date(2025, 2, 1), "latest": dt.date(2025, 2, 1)}, None)
        Likely(likely=datetime.date(2025, 2, 1), earliest=datetime.date(2025, 2, 1),
               latest=datetime.date(2025, 2, 1), basis=<LikelyBasis.PROVEN: 'proven'>)
    """
    first, last = _date(row.get("earliest")), _date(row.get("latest"))
    if first and last and first == last:
        return Likely(first, first, last, LikelyBasis.PROVEN)
    reference = _date(published)
    if reference is None:
        return NONE
    table = table or model()
    occasion = told_after(row, reference)
    if occasion:
        # offsets counted from the occasion, restricted to the days from it to publication (or
        # the proven end); too few gold events there: the row's kind speaks instead
        end = (min(last, reference) if last else reference) - occasion
        found = interval(
            table["occasion"]["offsets"],
            0,
            end.days,
            coverage=table["coverage"],
            min_samples=table["min_samples"],
            tolerance=table.get("tolerance", 0.0),
        )
        span = occasion_class(row, table)
        if found is not None:
            likely, start, stop, n = found
            if span is not None:  # the class's days, not the fitted run: see likely.yaml
                start, stop = 0, min(span["days"] - 1, end.days)
                likely = min(max(likely, start), stop)
            day = lambda offset: occasion + dt.timedelta(days=offset)  # noqa: E731
            basis = f"occasion ({table['source']}, n={n})"
            return Likely(day(likely), day(start), day(stop), basis)
    kind = kind_of(row, table)
    if kind is None or kind.get("estimate") is False:
        return NONE
    low = (first - reference).days if first else None
    high = (last - reference).days if last else None
    if table is model():  # the default model: its few (kind, bounds) combinations recur
        position = next(k for k, other in enumerate(table["kinds"]) if other is kind)
        found = _default_offsets(position, low, high)
    else:
        found = _offsets(table, kind, low, high)
    if found is None:
        return NONE
    likely, start, end, n = found
    day = lambda offset: reference + dt.timedelta(days=offset)  # noqa: E731
    try:
        return Likely(day(likely), day(start), day(end), f"{kind['id']} ({table['source']}, n={n})")
    except OverflowError:  # a publication date at the calendar's edge (year 1 or 9999)
        return NONE


def _offsets(table: dict, kind: dict, low, high) -> tuple | None:
    """``(likely, first, last, n)`` offsets of ``kind`` within ``[low, high]`` (None: no
    estimate), ``n`` being the kind's own events there."""
    own = _within(kind["offsets"], low, high)
    pool = _within(pooled(table), low, high)
    weight = table.get("shrinkage", 0)
    # none of the kind's own events within the bounds (the pool would speak for it alone), too
    # few events there at all, or too little weight for this kind: no estimate
    if not own or min(sum(pool.values()), sum(own.values()) + weight) < table["min_samples"]:
        return None
    # bounds that leave only the far tail of the kind ("months before" a report: its past
    # events a year or two back) describe events unlike the kind's: no estimate
    if sum(own.values()) < table.get("min_share", 0) * sum(kind["offsets"].values()):
        return None
    found = interval(
        shrunk(own, pool, weight),
        coverage=table["coverage"],
        tolerance=table.get("tolerance", 0.0),
    )
    if found is None:
        return None
    return (*found[:3], sum(own.values()))


@read_cache()
def _default_offsets(position: int, low, high) -> tuple | None:
    """:func:`_offsets` of the default model's kind at ``position``: a pure function of its
    arguments, computed once per process for each."""
    table = model()
    return _offsets(table, table["kinds"][position], low, high)


def estimate_all(rows, published, table: dict | None = None) -> list[Likely]:
    """:func:`estimate` for each of several rows of one article.

    Examples:
        >>> [str(g.basis) for g in estimate_all([dict(earliest=None, latest=None)], None)]
        ['none']
    """
    return [estimate(row, published, table) for row in rows]
