"""Temporal expressions: find them in text and normalize them TimeML-style.

Stage 2 of the pipeline. All rule families of ``timeline/rules/*.yaml`` are
composed into ONE compiled scanner (an alternation of named patterns, in
priority order) that runs once over the text; each match is normalized by the
rule's normalizer (:mod:`timeline.normalize`) against the reference date, the
article's publication date. Without a reference date nothing is filled in:
values keep ``X`` placeholders and intervals stay open.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

import pandas as pd

from timeline import settings
from timeline.io.article import Article, check_text, parse_published
from timeline.io.segment import sentences, unwrapped
from timeline.model import TimeExpr
from timeline.schema import TIMEX, conform

from . import normalize
from .rulebook import fragments_and_tables, tense_cues
from .scanner import scanner


class Context:
    """What a normalizer may ask about a match: reference date, tables, clause tense."""

    def __init__(self, text: str, reference: dt.date | None):
        self.text = text
        self.reference = reference
        self.tables = fragments_and_tables()[1]
        self.previous: list[TimeExpr] = []
        self.previous_rules: list = []  # (TimeExpr, Rule) pairs, in text order
        self.first_quarter: tuple = (
            0,
            None,
        )  # anaphora's scan: (rules scanned, first quarter or None)

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in sentences(self.text)]

    def clause_around(self, start: int, end: int) -> tuple[int, int]:
        """The span a tense cue of [start, end) must lie in: its sentence (io.segment's one
        notion of a sentence) cut at semicolons, which join clauses of their own tense."""
        starts = self._sentence_starts
        k = bisect.bisect_right(starts, start)
        lo = starts[k - 1] if k else 0
        hi = starts[k] if k < len(starts) else len(self.text)
        cut = self.text.rfind(";", lo, start)
        if cut >= 0:
            lo = cut + 1
        stop = self.text.find(";", end, hi)
        return lo, hi if stop < 0 else stop

    def same_sentence(self, start: int, end: int) -> bool:
        """True when text[start:end] lies inside one clause span (:meth:`clause_around`)."""
        lo, hi = self.clause_around(start, start)
        return lo <= start and end <= hi

    def ended(self, start: int) -> bool:
        """True when the expression starting at ``start`` closes a period
        ("the quarter ended June 30")."""
        return (
            _tense_patterns()["ended"].search(
                self.text, max(0, start - settings.ENDED_CHARS), start
            )
            is not None
        )

    def possessive(self, end: int) -> bool:
        """True when a possessive follows the expression ending at ``end``
        ("Wednesday's ruling")."""
        return _tense_patterns()["possessive"].match(self.text, end) is not None

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future' or None: the tense cue nearest to [start, end) in its sentence."""
        cues = _tense_patterns()
        text = self.text
        lo, hi = (
            max(0, start - settings.TENSE_CUE_CHARS),
            min(len(text), end + settings.TENSE_CUE_CHARS),
        )
        clause_lo, clause_hi = self.clause_around(start, end)
        lo, hi = max(lo, clause_lo), min(hi, clause_hi)
        best, best_distance, best_deadline = None, None, False
        verb, verb_distance = (
            None,
            None,
        )  # the nearest cue before the expression that is no deadline word
        fallback = None  # the first cue of a later clause
        for match in cues["either"].finditer(text, lo, hi):
            if start <= match.start() < end:
                continue
            kind = "future" if match.lastgroup in ("scheduled", "deadline") else match.lastgroup
            if match.start() >= end and match.group().lower() == "planned":
                # "On Friday, the council planned to repaint": a plan told after the day is of
                # that day
                continue
            # a cue after the expression counts triple: the governing verb usually comes before
            # ("will depart at 5 a.m. Thursday, the mayor said"); after a comma it is another
            # clause's, such as a postposed report's, and counts only when nothing else does
            if match.start() >= end and "," in text[end : match.start()]:
                if fallback is None:
                    fallback = kind
                continue
            distance = start - match.end() if match.end() <= start else 3 * (match.start() - end)
            deadline = match.lastgroup == "deadline"
            if (
                not deadline
                and match.end() <= start
                and (verb_distance is None or distance < verb_distance)
            ):
                verb, verb_distance = kind, distance
            if best_distance is None or distance < best_distance:
                best, best_distance, best_deadline = kind, distance, deadline
        # "by"/"until" looks ahead unless a past cue before it disagrees; then the nearer date wins:
        # "troops were supposed to leave by January 26" (two months ago), "agreed to extend the
        # cuts until the end of June" (three months ahead)
        if best is None:
            return fallback
        return None if best_deadline and verb == "past" else best


@functools.cache
def _tense_patterns() -> dict:
    cues = tense_cues()
    compiled = {k: re.compile(v, re.IGNORECASE) for k, v in cues.items()}
    # one pass finds every kind of cue; a deadline first (its verb of scheduling may be a future
    # cue too), then future, so a word that is both ("planned") counts as future, then the
    # scheduled present (a future cue too), then the past.
    # Every cue starts at a word boundary with a letter (or the ' of "'ll"): asserting that
    # first skips the long alternations at all other positions, without changing any match.
    compiled["either"] = re.compile(
        f"\\b(?=[\\w'])(?:(?P<deadline>{cues['deadline']})|(?P<future>{cues['future']})"
        f"|(?P<scheduled>{cues['scheduled']})"
        f"|(?P<past>{cues['past']}))",
        re.IGNORECASE,
    )
    return compiled


def _core_group(match) -> str:
    """The scanner's name of a rule's ``core`` group: the part of the match that is the
    expression."""
    for name, value in match.groupdict().items():
        if value is not None and name.endswith("_core"):
            return name
    return 0


def find(text: str, reference: dt.date | None) -> list[TimeExpr]:
    """Find and normalize the temporal expressions of a text.

    Args:
        text: the article text.
        reference: the reference date (publication date), or None when unknown:
            then no year is ever filled in and intervals stay open.

    Returns:
        TimeExpr records sorted by start, non-overlapping, each with its rule id.

    Examples:
        >>> text = "On February 1, Trump signed it."
        >>> [(t.text, t.value) for t in find(text, dt.date(2025, 2, 28))]
        [('February 1', '2025-02-01')]
        >>> [(t.text, t.value) for t in find(text, None)]
        [('February 1', 'XXXX-02-01')]
        >>> text = "Two men were\\nheld on Friday, and\\nthe court freed\\nthem the next\\nweek."
        >>> [(t.text, t.value) for t in find(text, dt.date(2025, 2, 28))]
        [('Friday', '2025-02-28'), ('the next\\nweek', '2025-W10')]
    """
    written = text
    # a hard-wrapped text's line breaks inside sentences are spaces to the rules: "the
    # following\nday" is one expression (offsets are unchanged)
    text = unwrapped(text)
    context = Context(text, reference)
    # the same expressions read without a reference date tell which values depend on it
    unanchored = Context(text, None)
    unanchored.previous, unanchored.previous_rules = context.previous, context.previous_rules
    found: list[TimeExpr] = []
    for rule, groups, match in scanner().scan(text):
        start, end = match.span(_core_group(match)) if "core" in groups else match.span()
        try:
            result = normalize.normalize(rule, groups, context, start, end)
            if result is None:
                continue
            type_, value, mod = result
            if _is_title(text, start, end):
                continue
            earliest, latest, precision = normalize.interval(type_, value, reference, rule)
            earliest, latest = normalize.amount_bounds(
                rule, groups, context.tables, reference, mod, earliest, latest
            )
            earliest, latest = normalize.reference_side(
                groups, context.tables, reference, earliest, latest
            )
            anchored = (
                reference is not None
                and rule.norm != "fixed"
                and normalize.normalize(rule, groups, unanchored, start, end) != result
            )
        except (OverflowError, ValueError):
            # a shift that leaves the calendar (year 1 or 9999 and "last year"): no expression,
            # so the event it would date keeps open bounds
            continue
        expr = TimeExpr(
            start,
            end,
            written[start:end],
            type_,
            value,
            earliest,
            latest,
            precision,
            rule.id,
            mod=mod,
            anchored=anchored,
        )
        found.append(expr)
        context.previous.append(expr)
        context.previous_rules.append((expr, rule))
    return found


#: a capitalized unit word inside a sentence names a show or a film ("60 Minutes", ABC's
#: "This Week", "High Noon"), not a time; holidays ("Election Day") are not units
_TITLE_UNIT = re.compile(
    r"(?-i:(?:Seconds?|Minutes?|Hours?|Weeks?|Months?|Years?|Decades?|Noon|Midnight|Century))$"
)
#: ... when the words before it are running text (a lower-case word) or an opening quote, so
#: that a title-case headline ("Talks Resume Next Week") keeps its dates
_TITLE_CONTEXT = re.compile(r"(?-i:(?:(?<![\w'])[a-z][\w'-]*,?|[\"`'](?:[A-Z][\w-]*\s)?)\s*)$")
#: a capitalized "Today" right after an acronym names a paper or a programme
#: ("USA Today", "VOA Today")
_NAMED_TODAY = re.compile(r"(?-i:(?<![\w.])[A-Z]{2,}\s+Today)$")


def _is_title(text: str, start: int, end: int) -> bool:
    """True when a matched expression ends with a capitalized unit word inside running text or
    quotes.

    Examples:
        >>> _is_title('he said on "60 Minutes" that', 11, 21)
        True
        >>> _is_title("Talks Resume Next Week", 13, 22)
        False
        >>> _is_title("This is KZQ Today.", 12, 17), _is_title("He left. Today, it rains.", 9, 14)
        (True, False)
    """
    if _NAMED_TODAY.search(text, max(0, start - settings.NAMED_TODAY_CHARS), end):
        return True
    if not _TITLE_UNIT.search(text, start, end) or text[start:end].isupper():
        return False
    return (
        _TITLE_CONTEXT.search(text, max(0, start - settings.TITLE_CONTEXT_CHARS), start) is not None
    )


_FIRST, _LAST = pd.Timestamp.min.date(), pd.Timestamp.max.date()


def _timestamp(day: dt.date | None):
    """A calendar day (schema.conform makes it a Timestamp); None when open or outside
    datetime64[ns]."""
    if day is None or not _FIRST < day < _LAST:
        return None
    return day


def find_timexes(text_or_article, published=None) -> pd.DataFrame:
    """The temporal expressions of an article or text, as a DataFrame.

    Args:
        text_or_article: an :class:`~timeline.article.Article` or article text.
        published: reference date (date or 'YYYY-MM-DD'); for an Article,
            overrides its ``published``. None keeps the article's (maybe unknown).

    Returns:
        A frame with the columns of ``schema.TIMEX``: start, end, text, type,
        value, earliest, latest, precision, rule.

    Examples:
        >>> df = find_timexes("Talks resume in the coming days.", published="2025-02-28")
        >>> df[["text", "type", "value"]].values.tolist()
        [['the coming days', 'DATE', 'FUTURE_REF']]
        >>> df.earliest[0].date(), df.latest[0].date()
        (datetime.date(2025, 2, 28), datetime.date(2025, 3, 14))
    """
    if isinstance(text_or_article, Article):
        text = text_or_article.text
        reference = (
            parse_published(published) if published is not None else text_or_article.published
        )
    else:
        text = check_text(text_or_article)
        reference = parse_published(published)
    records = [
        {
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "type": t.type,
            "value": t.value,
            "earliest": _timestamp(t.earliest),
            "latest": _timestamp(t.latest),
            "precision": t.precision,
            "rule": t.rule,
        }
        for t in find(text, reference)
    ]
    return conform(records, TIMEX)
