"""Temporal expressions: find them in text and normalize them TimeML-style.

Stage 2 of the pipeline. All rule families of ``timeline/rules/*.yaml`` are
composed into ONE compiled scanner (an alternation of named patterns, in
priority order) that runs once over the text; each match is normalized by the
rule's normalizer (:mod:`timeline.normalize`) against the reference date, the
article's publication date. Without a reference date nothing is filled in:
values keep ``X`` placeholders and intervals stay open.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

import pandas as pd

from . import normalize
from .article import Article, check_text, parse_published
from .model import TimeExpr
from .rules import fragments_and_tables, load_rules, tense_cues, uniquify
from .schema import TIMEX, conform


class _Scanner:
    """The compiled alternation of every rule, and per rule its group names."""

    def __init__(self, rules):
        parts, self.rules, self.groups = [], [], []
        for index, rule in enumerate(rules):
            body, pairs = uniquify(rule.pattern, f"g{index}_")
            if rule.options.get("case") == "sensitive":
                body = f"(?-i:{body})"
            parts.append(f"(?P<r{index}>{body})")
            self.rules.append(rule)
            self.groups.append(pairs)
        self.pattern = re.compile(r"(?<![\w@#])(?:" + "|".join(parts) + r")(?![\w@]|-\d)", re.IGNORECASE)
        self.index = {f"r{i}": i for i in range(len(parts))}

    def rule_of(self, match):
        i = self.index[match.lastgroup]
        groups = {}
        for name, global_name in self.groups[i]:
            value = match.group(global_name)
            if value is not None and name not in groups:
                groups[name] = value
        return self.rules[i], groups


@functools.lru_cache(maxsize=None)
def scanner() -> _Scanner:
    """The compiled scanner of all rules (built once per process)."""
    return _Scanner(load_rules())


class Context:
    """What a normalizer may ask about a match: reference date, tables, clause tense."""

    def __init__(self, text: str, reference: dt.date | None):
        self.text = text
        self.reference = reference
        self.tables = fragments_and_tables()[1]
        self.previous: list[TimeExpr] = []

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future' or None: the tense cue nearest to [start, end) in its sentence."""
        cues = _tense_patterns()
        text = self.text
        lo, hi = max(0, start - 250), min(len(text), end + 250)
        left = text[lo:start]
        cut = None
        for cut in cues["boundary"].finditer(left):
            pass
        if cut is not None:
            lo += cut.end()
        stop = cues["boundary"].search(text, end, hi)
        if stop:
            hi = stop.start()
        best, best_distance = None, None
        for name in ("past", "future"):
            for match in cues[name].finditer(text, lo, hi):
                if start <= match.start() < end:
                    continue
                distance = start - match.end() if match.end() <= start else match.start() - end
                if best_distance is None or distance < best_distance:
                    best, best_distance = name, distance
        return best


@functools.lru_cache(maxsize=None)
def _tense_patterns() -> dict:
    return {k: re.compile(v, re.IGNORECASE) for k, v in tense_cues().items()}


def find(text: str, reference: dt.date | None) -> list[TimeExpr]:
    """Find and normalize the temporal expressions of a text.

    Args:
        text: the article text.
        reference: the reference date (publication date), or None when unknown:
            then no year is ever filled in and intervals stay open.

    Returns:
        TimeExpr records sorted by start, non-overlapping, each with its rule id.

    Examples:
        >>> [(t.text, t.value) for t in find("On February 1, Trump signed it.", dt.date(2025, 2, 28))]
        [('February 1', '2025-02-01')]
        >>> [(t.text, t.value) for t in find("On February 1, Trump signed it.", None)]
        [('February 1', 'XXXX-02-01')]
    """
    scan = scanner()
    context = Context(text, reference)
    found: list[TimeExpr] = []
    for match in scan.pattern.finditer(text):
        rule, groups = scan.rule_of(match)
        start, end = match.span()
        result = normalize.normalize(rule, groups, context, start, end)
        if result is None:
            continue
        type_, value, mod = result
        earliest, latest, precision = normalize.interval(type_, value, reference, rule)
        expr = TimeExpr(start, end, text[start:end], type_, value, earliest, latest, precision, rule.id,
                        mod=mod, anchored=reference is not None and value != normalize.strip_anchor(value))
        found.append(expr)
        context.previous.append(expr)
    return found


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
        [['in the coming days', 'DATE', 'FUTURE_REF']]
        >>> df.earliest[0].date(), df.latest[0].date()
        (datetime.date(2025, 2, 28), datetime.date(2025, 3, 14))
    """
    if isinstance(text_or_article, Article):
        text = text_or_article.text
        reference = parse_published(published) if published is not None else text_or_article.published
    else:
        text = check_text(text_or_article)
        reference = parse_published(published)
    records = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
                "earliest": pd.NaT if t.earliest is None else pd.Timestamp(t.earliest),
                "latest": pd.NaT if t.latest is None else pd.Timestamp(t.latest),
                "precision": t.precision, "rule": t.rule} for t in find(text, reference)]
    return conform(records, TIMEX)
