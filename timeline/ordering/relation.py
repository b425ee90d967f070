"""Relations derived from bounds: an event against the publication or a temporal expression.

What a timeline row's bounds ``[earliest, latest]`` say about its relation (BEFORE,
AFTER, OVERLAP, or undetermined) to a reference: the publication moment (the DCT) or
an expression of the article. Re-exported by :mod:`timeline.ordering`; used by
``benchmarks/relations.py`` against TimeML TLINKs.
"""

from __future__ import annotations

import datetime as dt  # noqa: F401  (doctests)

from .tense import PubRelation

RELATIONS = ("BEFORE", "AFTER", "OVERLAP")


def relation_to(
    earliest, latest, first, last=None, moment: bool = False, lean: str | None = None
) -> str | None:
    """The relation of an event to a reference span of days, derived from the event's bounds.

    The event lies somewhere in the days ``[earliest, latest]`` (None or NaT = open
    side); the reference covers the days ``[first, last]`` (``last`` defaults to
    ``first``). With ``moment`` the reference is one moment of the day ``first``
    (the publication): an event bounded to end by that day ended before it.

    * BEFORE: the event ends before the reference (for a moment: by its day,
      having possibly started earlier, as tense ``past`` bounds it; for days,
      the same when ``lean`` is BEFORE: a present perfect, which places its
      event before the present period, against an expression naming that day);
    * AFTER: it starts after the reference (for a moment: on or after its day,
      with an open or later end);
    * within the reference: OVERLAP, the reference includes it; for a moment,
      ``lean`` (BEFORE for a past event, AFTER for a future one: the side tense
      gives) orders a same-day event against the moment;
    * nothing bounds the event, or (for a moment) its possible days hold the
      moment's day on both sides: OVERLAP, the one relation nothing contradicts;
    * otherwise (it may fall on either side of an edge): None, undetermined.

    Examples:
        >>> P = dt.date(2025, 2, 28)
        >>> relation_to(None, P, P, moment=True), relation_to(P, None, P, moment=True)
        ('BEFORE', 'AFTER')
        >>> relation_to(P, P, P, moment=True), relation_to(P, P, P, moment=True, lean="BEFORE")
        ('OVERLAP', 'BEFORE')
        >>> relation_to(None, P, P) is None
        True
        >>> relation_to(None, P, P, lean="BEFORE"), relation_to(None, None, P)
        ('BEFORE', 'OVERLAP')
        >>> feb = (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
        >>> relation_to(dt.date(2025, 2, 3), dt.date(2025, 2, 3), *feb)
        'OVERLAP'
        >>> relation_to(None, dt.date(2025, 1, 9), *feb)
        'BEFORE'
    """
    known = lambda value: value is not None and value == value  # noqa: E731  (NaT != NaT)
    lo, hi = (earliest if known(earliest) else None), (latest if known(latest) else None)
    last = first if last is None else last
    touches = hi is not None and hi == first and (lo is None or lo < first)
    if hi is not None and (hi < first or (touches and (moment or lean == "BEFORE"))):
        return "BEFORE"
    if lo is not None and (lo > last or (moment and lo == last and (hi is None or hi > last))):
        return "AFTER"
    if lo is not None and hi is not None and first <= lo and hi <= last:
        return lean if moment and lean in RELATIONS else "OVERLAP"
    if (lo is None and hi is None) or (
        moment and (lo is None or lo <= first) and (hi is None or hi >= last)
    ):
        return "OVERLAP"
    return None


def relation_to_expression(
    earliest,
    latest,
    first,
    last,
    anchored: bool = False,
    clause_mate: bool = False,
    lean: str | None = None,
    dated_elsewhere: bool = False,
) -> str | None:
    """The relation of an event to a temporal expression of its article covering days
    ``[first, last]``.

    * the expression anchors the event (``anchored``): OVERLAP, the event lies within it
      by construction, whatever the expression's normalization;
    * the expression stands in the event's own clause but anchoring chose another
      dating (``clause_mate``): undetermined (None). Clause-mates that do not date the
      event are ends of ranges, items of lists, appositions ("the quarter ended
      Sept. 30"), or the better dating; bounds taken from another expression say
      nothing reliable about them;
    * anchoring dated the event by another expression (``dated_elsewhere``):
      undetermined (None). An expression related to an event that another one
      dates is most often its true date (anchoring chose the wrong one: a maturity
      date, a range end) rather than a distinct time before or after it; measured
      on TimeBank + AQUAINT, 6 of 26 BEFORE/AFTER decisions from such bounds were right;
    * otherwise :func:`relation_to` on the days, with ``lean`` (BEFORE for a present
      perfect, which places its event before the present period).

    Examples:
        >>> d = dt.date(2025, 2, 3)
        >>> relation_to_expression(d, d, dt.date(2025, 2, 1), dt.date(2025, 2, 28), anchored=True)
        'OVERLAP'
        >>> march = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
        >>> relation_to_expression(d, d, *march)
        'BEFORE'
        >>> relation_to_expression(d, d, *march, clause_mate=True) is None
        True
        >>> relation_to_expression(d, d, *march, dated_elsewhere=True) is None
        True
    """
    if anchored:
        return "OVERLAP"
    if clause_mate or dated_elsewhere:
        return None
    return relation_to(earliest, latest, first, last, lean=lean)


#: What the timeline frame's ``publication`` column says for each relation to the publication
#: moment.
PUBLICATION_SIDES = {"BEFORE": "before", "OVERLAP": "during", "AFTER": "after"}
_LEAN = {
    PubRelation.BEFORE: "BEFORE",
    PubRelation.AFTER: "AFTER",
    PubRelation.DEFINITE: "BEFORE",
}  # "the announcement": told, so past


def publication_side(earliest, latest, published, tense_relation: str) -> str | None:
    """Where an event lies against its article's publication: before, during, after, or None.

    ``tense_relation`` is what tense, aspect and modality alone say
    (:func:`timeline.cues.publication_relation`: before, after, includes, ...);
    it orders an event of the publication day against the publication moment.
    An event is "during" only when its tense says it holds at publication (a
    present state) or its bounds are the publication day; bounds that merely
    allow the publication moment ("after February 1", or nothing at all) leave
    it undetermined (None), which a reader must not take for "during".

    Examples:
        >>> P = dt.date(2025, 2, 28)
        >>> publication_side(dt.date(2025, 2, 1), dt.date(2025, 2, 1), P, "before")
        'before'
        >>> publication_side(P, None, P, "after"), publication_side(None, None, P, "includes")
        ('after', 'during')
        >>> publication_side(None, None, P, "none") is None
        True
        >>> publication_side(dt.date(2025, 2, 1), None, P, "none") is None
        True
        >>> publication_side(None, P, None, "before") is None   # no publication date
        True
    """
    if published is None:
        return None
    relation = relation_to(earliest, latest, published, moment=True, lean=_LEAN.get(tense_relation))
    on_the_day = earliest == latest == published
    if relation == "OVERLAP" and tense_relation != PubRelation.INCLUDES and not on_the_day:
        return None  # bounds that merely allow the publication moment are no evidence of "during"
    return PUBLICATION_SIDES.get(relation)
