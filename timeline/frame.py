"""Assembling the timeline DataFrame: the last stage of the pipeline.

``build_timeline`` runs, for each article: ``segment.sentences`` ->
``temporal.find`` -> ``events.extract`` -> ``ordering.solve``, then turns the
records into one frame with the schema declared in ``schema.TIMELINE``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from timeline import events, ordering, temporal, when
from timeline.errors import ArticleError
from timeline.events import actors, salience
from timeline.events.lexicon import lexicon
from timeline.io import segment
from timeline.io.article import Article, check_text, parse_published
from timeline.ordering import likely
from timeline.schema import TIMELINE, conform
from timeline.stories import merge


def _as_articles(source, published) -> list[Article]:
    if isinstance(source, Article):
        articles = [source]
    elif isinstance(source, str):
        articles = [Article(check_text(source), published=published)]
        published = None
    elif isinstance(source, (list, tuple)):
        articles = [a if isinstance(a, Article) else Article(check_text(a)) for a in source]
        if not articles:
            raise ArticleError("build_timeline: no articles given")
    else:
        raise ArticleError(
            f"build_timeline: expected an Article, a list of Articles or text, got {type(source).__name__}"
        )
    if published is not None:
        date = parse_published(published, "build_timeline: published")
        articles = [Article(a.text, a.id, a.title, a.source, a.url, date, a.path) for a in articles]
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ArticleError(
            f"build_timeline: article ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}"
        )
    return articles


_FIRST, _LAST = pd.Timestamp.min.date(), pd.Timestamp.max.date()


def _day(value: dt.date | None):
    """A bound as a Timestamp; NaT when unbounded or outside what datetime64[ns] holds (1677-2262)."""
    if value is None or not (_FIRST <= value <= _LAST):
        return pd.NaT
    return pd.Timestamp(value)


def _range_note(bound) -> str | None:
    outside = [
        f"{name} {value.isoformat()}"
        for name, value in (("earliest", bound.earliest), ("latest", bound.latest))
        if value is not None and not (_FIRST <= value <= _LAST)
    ]
    note = (
        f"{', '.join(outside)} outside the representable range 1677-2262: left open"
        if outside
        else None
    )
    return "; ".join(filter(None, [bound.warning, note])) or None


def article_records(article: Article) -> list[dict]:
    """The timeline rows of one article, as dicts in schema order (before ranking across articles)."""
    text, reference = article.text, article.published
    sentences = segment.sentences(text)
    timexes = temporal.find(text, reference)
    extracted = events.extract(text, sentences, timexes, reference)
    ordered = ordering.solve(extracted, timexes, reference, text=text)
    bounds = ordered.bounds
    # salience and full names annotate this frame's own copies, never what an earlier
    # stage returned
    found = [replace(event, actors=list(event.actors)) for event in ordered.events]
    salience.mark_newsworthy(found, lexicon().words["support"])
    actors.full_names(actors.premodifier_actors(found, text))
    # ids name the trigger's offset, not the event's ordinal: a ledger that cites an
    # event as evidence must still point at it after the extractor finds one more or
    # one fewer event earlier in the article
    width = max(4, len(str(len(text))))
    event_id = lambda event: f"{article.id}-t{event.trigger_start:0{width}d}"  # noqa: E731
    rows = []
    for event, bound, relation in zip(found, bounds, ordered.relations):
        anchor = timexes[event.timex] if event.timex is not None else None
        rows.append(
            {
                "event_id": event_id(event),
                "article_id": article.id,
                "sentence": event.sentence,
                "start": event.start,
                "end": event.end,
                "text": text[event.start : event.end],
                "trigger": event.trigger,
                "trigger_start": event.trigger_start,
                "trigger_end": event.trigger_end,
                "actors": list(event.actors),
                "kind": event.kind,
                "modality": event.modality,
                "timex": anchor.text if anchor else None,
                "value": anchor.value if anchor else None,
                "earliest": _day(bound.earliest),
                "latest": _day(bound.latest),
                "precision": bound.precision,
                "basis": bound.basis,
                "rule": bound.rule,
                "order": bound.order,
                "publication": ordering.publication_side(
                    bound.earliest,
                    bound.latest,
                    reference,
                    relation,
                ),
                "when": None,  # with the likely interval, below
                "event_class": event.event_class,
                "tense": event.tense,
                "aspect": event.aspect,
                "source": None if event.source is None else event_id(found[event.source]),
                "newsworthy": event.newsworthy,
                "warning": _range_note(bound),
                "lemma": event.lemma,  # not a column: read by merge.link
            }
        )
    for row, bound in zip(rows, bounds):
        guess = likely.estimate(
            {**row, "earliest": bound.earliest, "latest": bound.latest}, reference
        )
        row["likely"] = _day(guess.likely)
        row["likely_earliest"] = _day(guess.earliest)
        row["likely_latest"] = _day(guess.latest)
        row["likely_basis"] = guess.basis
        row["when"] = when.describe(
            bound.earliest, bound.latest, reference, guess.earliest, guess.latest
        )
    return rows


def explain_ordering(source, published=None) -> pd.DataFrame:
    """The constraints behind the bounds and the order, one row per constraint, in the order added.

    Columns: ``article_id, rule, label, constraint, status, conflict``; ``status`` is
    ``accepted`` or ``rejected`` (a rejected constraint contradicts accepted ones, named in
    ``conflict``). Takes the same sources as :func:`build_timeline`.

    Examples:
        >>> rows = explain_ordering("On February 1, Trump signed a memorandum.", published="2025-01-15")
        >>> "tense_past" in rows.loc[rows.status == "rejected", "rule"].tolist()
        True
    """
    rows = []
    for article in _as_articles(source, published):
        text, reference = article.text, article.published
        timexes = temporal.find(text, reference)
        found = events.extract(text, segment.sentences(text), timexes, reference)
        rows.extend(
            {"article_id": article.id, **row}
            for row in ordering.constraints(found, timexes, reference, text)
        )
    return pd.DataFrame(
        rows, columns=["article_id", "rule", "label", "constraint", "status", "conflict"]
    )


def build_timeline(source, published=None) -> pd.DataFrame:
    """Build the timeline of one or several articles.

    Args:
        source: an :class:`Article`, a list of them, or article text.
        published: publication date overriding the articles' own
            ('YYYY-MM-DD' or a date); None keeps theirs (possibly unknown).

    Returns:
        A DataFrame with the columns of ``schema.TIMELINE``, one row per event,
        sorted by ``order``: each article's own order (consistent with all its
        constraints, ties by text position), articles interleaved by bounds.
        Conflicts and inferences are in the ``warning`` column. Mentions of one
        event in several articles are linked by ``same_as`` (a proposal, see
        :func:`timeline.merge.merged_events`); every row keeps its own bounds.

    Examples:
        >>> df = build_timeline("On February 1, Trump signed a memorandum.", published="2025-02-28")
        >>> df[["trigger", "value", "basis"]].iloc[0].tolist()
        ['signed', '2025-02-01', 'explicit']
    """
    records = []
    for article in _as_articles(source, published):
        records.append(sorted(article_records(article), key=lambda row: row["order"]))
    merge.link(records)  # several articles: same_as, merge_evidence, date conflicts in warning
    frame = conform(_merge(records), TIMELINE)
    frame["order"] = range(1, len(frame) + 1)
    return frame


def _key(row: dict) -> tuple:
    latest, earliest = row["latest"], row["earliest"]
    return (
        pd.Timestamp.max if pd.isna(latest) else latest,
        pd.Timestamp.min if pd.isna(earliest) else earliest,
        row["article_id"],
    )


def _merge(per_article: list[list[dict]]) -> list[dict]:
    """Interleave articles, each kept in its own order: repeatedly take the head that ends earliest.

    Every article keeps its own constraints (its own publication date and
    order); across articles only the bounds are compared.

    Examples:
        >>> a = [{"article_id": "a", "order": 1, "earliest": pd.NaT, "latest": pd.Timestamp("2025-02-10")}]
        >>> b = [{"article_id": "b", "order": 1, "earliest": pd.NaT, "latest": pd.Timestamp("2025-02-01")}]
        >>> [row["article_id"] for row in _merge([a, b])]
        ['b', 'a']
    """
    heads = [0] * len(per_article)
    merged = []
    while True:
        ready = [
            (_key(rows[heads[k]]), k) for k, rows in enumerate(per_article) if heads[k] < len(rows)
        ]
        if not ready:
            return merged
        _, k = min(ready)
        merged.append(per_article[k][heads[k]])
        heads[k] += 1
