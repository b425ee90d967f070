"""Assembling the timeline DataFrame: the last stage of the pipeline.

``build_timeline`` runs, for each article: ``segment.sentences`` ->
``temporal.find`` -> ``events.extract`` -> ``ordering.solve``, then turns the
records into one frame with the schema declared in ``schema.TIMELINE``.
"""

from __future__ import annotations

import datetime as dt
import heapq
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace

import pandas as pd

from timeline import events, ordering, temporal, when
from timeline.caches import read_cache
from timeline.errors import ArticleError
from timeline.events import actors, salience
from timeline.events.lexicon import lexicon
from timeline.io import cache as cache_io
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
            "build_timeline: expected an Article, a list of Articles or text, "
            f"got {type(source).__name__}"
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


# whole days datetime64[ns] holds: Timestamp.min is 1677-09-21 00:12, so that day is outside
_FIRST = pd.Timestamp.min.date() + dt.timedelta(days=1)
_LAST = pd.Timestamp.max.date() - dt.timedelta(days=1)


@read_cache()
def _day(value: dt.date | None):
    """A bound as a Timestamp; NaT when unbounded or outside what datetime64[ns] holds
    (1677-2262). Remembered per day: an article's rows repeat a few days, and building a
    Timestamp costs more than the rest of a row's dates."""
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
    """The timeline rows of one article, as dicts in schema order (before ranking across
    articles)."""
    text, reference = article.text, article.published
    sentences = segment.sentences(text)
    timexes = temporal.find(text, reference)
    extracted = events.extract(text, sentences)
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
                "trigger_rule": event.trigger_rule,
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
    told_after = likely.occasions(rows, reference)
    for row, bound, occasion in zip(rows, bounds, told_after):
        guess = likely.estimate(
            {**row, "earliest": bound.earliest, "latest": bound.latest, "occasion": occasion},
            reference,
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
        >>> text = "On February 1, Trump signed a memorandum."
        >>> rows = explain_ordering(text, published="2025-01-15")
        >>> "tense_past" in rows.loc[rows.status == "rejected", "rule"].tolist()
        True
    """
    rows = []
    for article in _as_articles(source, published):
        text, reference = article.text, article.published
        timexes = temporal.find(text, reference)
        found = events.extract(text, segment.sentences(text))
        rows.extend(
            {"article_id": article.id, **row}
            for row in ordering.constraints(found, timexes, reference, text)
        )
    return pd.DataFrame(
        rows, columns=["article_id", "rule", "label", "constraint", "status", "conflict"]
    )


def build_timeline(
    source, published=None, workers: int = 1, cache=None, progress: bool | None = None
) -> pd.DataFrame:
    """Build the timeline of one or several articles.

    Args:
        source: an :class:`Article`, a list of them, or article text.
        published: publication date overriding the articles' own
            ('YYYY-MM-DD' or a date); None keeps theirs (possibly unknown).
        workers: processes for the per-article work (1: in this process). The result
            is identical to the serial run's.
        cache: a folder for per-article Parquet files keyed by text, id, publication
            date and library version (:mod:`timeline.io.cache`): a rerun reads the
            unchanged articles instead of analysing them again. None: no cache.
        progress: a progress bar on stderr; None shows it only on a terminal and for
            more than a few articles (never under nbval or in a pipe).

    Returns:
        A DataFrame with the columns of ``schema.TIMELINE``, one row per event,
        sorted by ``order``: each article's own order (consistent with all its
        constraints, ties by text position), articles interleaved by bounds so that
        no row comes after one that its bounds put strictly later. Conflicts and
        inferences are in the ``warning`` column. Mentions of one event in several
        articles are linked by ``same_as`` (a proposal, see
        :func:`timeline.merge.merged_events`); every row keeps its own bounds.

    Examples:
        >>> df = build_timeline("On February 1, Trump signed a memorandum.", published="2025-02-28")
        >>> df[["trigger", "value", "basis"]].iloc[0].tolist()
        ['signed', '2025-02-01', 'explicit']
        >>> two = [Article("Trump signed it on February 1.", id="a", published="2025-02-28"),
        ...        Article("They met on February 3.", id="b", published="2025-02-28")]
        >>> build_timeline(two, workers=2).equals(build_timeline(two))
        True
    """
    articles = _as_articles(source, published)
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ArticleError(f"build_timeline: workers must be a whole number >= 1, got {workers!r}")
    records = per_article_records(articles, workers=workers, cache=cache, progress=progress)
    # one event's mentions, within and across articles: same_as, merge_evidence, date conflicts
    records = merge.link(records, published=[a.published for a in articles])
    frame = conform(interleave(records), TIMELINE)
    frame["order"] = range(1, len(frame) + 1)
    return frame


def _sorted_records(article: Article) -> list[dict]:
    return sorted(article_records(article), key=lambda row: row["order"])


#: The columns a cached article keeps: the timeline's and the lemma that linking reads.
_CACHED = [*TIMELINE.names, "lemma"]

#: What a worker analyses once when it starts, so that every rule table, the lexicon and
#: the tagger are loaded before its first task instead of inside it.
_WARM_UP = Article(
    "On February 1, 2025, the minister said the talks had ended. They will meet next week.",
    id="warm-up",
    published="2025-02-28",
)


def _start_worker() -> None:
    article_records(_WARM_UP)


def _packed_records(articles: list[Article]) -> tuple[list[str], list[list[tuple]]]:
    """One task of the process pool: several articles' rows, packed for the trip back.

    Rows travel as tuples under one list of column names, and equal strings and days as
    one object each (pickle then writes them once): about a third of the bytes of the
    rows as dicts, and a fifth of the time to read them back in the parent, which does
    that work while its workers wait.
    """
    seen: dict = {}
    packed, columns = [], []
    for article in articles:
        rows = _sorted_records(article)
        if rows and not columns:
            columns = list(rows[0])
        packed.append(
            [
                tuple(
                    seen.setdefault(v, v) if isinstance(v, (str, pd.Timestamp)) else v
                    for v in row.values()
                )
                for row in rows
            ]
        )
    return columns, packed


def _in_pool(articles: list[Article], workers: int, bar):
    """Each article's rows from a process pool, in the articles' order.

    Articles go in chunks (a few per task keeps the per-task cost under 1%), the longest
    first so that the last tasks are short and no worker idles while another finishes a
    long article.
    """
    longest_first = sorted(range(len(articles)), key=lambda k: -len(articles[k].text))
    size = max(1, min(8, len(articles) // (16 * workers)))
    chunks = [longest_first[k : k + size] for k in range(0, len(longest_first), size)]
    results: list[list[dict] | None] = [None] * len(articles)
    with ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)), initializer=_start_worker
    ) as pool:
        tasks = {
            pool.submit(_packed_records, [articles[k] for k in chunk]): chunk for chunk in chunks
        }
        for task in as_completed(tasks):
            columns, packed = task.result()
            for k, rows in zip(tasks[task], packed):
                results[k] = [dict(zip(columns, row)) for row in rows]
            bar.update(len(packed))
    return results


def per_article_records(
    articles: list[Article], workers: int = 1, cache=None, progress: bool | None = None
) -> list[list[dict]]:
    """Each article's rows in its own order, in the articles' order: the per-article work of
    :func:`build_timeline`, in a process pool when ``workers > 1``, read from ``cache`` when
    the article is unchanged there.

    Examples:
        >>> article = Article("Trump signed it.", id="a", published="2025-02-28")
        >>> rows = per_article_records([article])
        >>> [(row["event_id"], row["order"]) for row in rows[0]]
        [('a-t0006', 1)]
    """
    results: list[list[dict] | None] = [None] * len(articles)
    keys = [cache_io.article_key(a) for a in articles] if cache is not None else None
    if cache is not None:
        for k, key in enumerate(keys):
            results[k] = cache_io.load(cache, key, _CACHED)
    todo = [k for k, rows in enumerate(results) if rows is None]
    bar = _progress_bar(len(todo), progress)
    try:
        if workers > 1 and len(todo) > 1:
            for k, rows in zip(todo, _in_pool([articles[k] for k in todo], workers, bar)):
                results[k] = rows
        else:
            for k in todo:
                results[k] = _sorted_records(articles[k])
                bar.update()
    finally:
        bar.close()
    if cache is not None:
        for k in todo:
            cache_io.store(cache, keys[k], results[k], _CACHED)
    return results


def _progress_bar(total: int, progress: bool | None):
    """tqdm on stderr: ``None`` shows it on a terminal for more than a few articles only."""
    from tqdm.auto import tqdm

    disable = (None if total > 20 else True) if progress is None else not progress
    return tqdm(total=total, unit="article", disable=disable, file=sys.stderr)


def _key(row: dict) -> tuple:
    latest, earliest = row["latest"], row["earliest"]
    return (
        pd.Timestamp.max if pd.isna(latest) else latest,
        pd.Timestamp.min if pd.isna(earliest) else earliest,
        row["article_id"],
    )


def interleave(per_article: list[list[dict]]) -> list[dict]:
    """Interleave articles, each kept in its own order, so that the bounds are never contradicted.

    A k-way merge (``heapq.merge``, linear in the rows times log k) on a key whose first
    part is the smallest ``latest`` of the row and every row after it in its article:
    that key never decreases along an article, and a row is emitted only when no row
    still waiting anywhere must end before it starts. Comparing heads by their own
    ``latest`` would let an open-ended head hold back a dated row behind it. Every
    article keeps its own constraints (its own publication date and order); across
    articles only the bounds are compared.

    Examples:
        >>> day = pd.Timestamp
        >>> a = [{"article_id": "a", "order": 1, "earliest": pd.NaT, "latest": day("2025-02-10")}]
        >>> b = [{"article_id": "b", "order": 1, "earliest": pd.NaT, "latest": day("2025-02-01")}]
        >>> [row["article_id"] for row in interleave([a, b])]
        ['b', 'a']
        >>> c = [{"article_id": "c", "earliest": day("2025-02-25"), "latest": day("2025-02-25")}]
        >>> d = [{"article_id": "d", "earliest": pd.NaT, "latest": day("2025-02-28")},
        ...      {"article_id": "d", "earliest": day("2025-02-06"), "latest": day("2025-02-20")}]
        >>> [row["earliest"].day for row in interleave([c, d]) if not pd.isna(row["earliest"])]
        [6, 25]
    """
    keyed = []
    for number, rows in enumerate(per_article):
        keys, floor = [], pd.Timestamp.max
        for position in range(len(rows) - 1, -1, -1):
            key = _key(rows[position])
            floor = min(floor, key[0])
            keys.append((floor, *key, number, position))
        keys.reverse()
        keyed.append(zip(keys, rows))
    return [row for _, row in heapq.merge(*keyed, key=lambda pair: pair[0])]
