"""Corpora beyond one machine: per-article timelines as a Dask DataFrame.

The per-article work is the same function :func:`timeline.frame.build_timeline` runs
(:func:`~timeline.frame.per_article_records`); Dask only decides where it runs. Articles
are sorted by publication date and cut into partitions of consecutive dates (at most
``partition_days`` days and ``partition_size`` articles each; articles without a date go
last, in partitions of their own). Each partition is one task: its articles' rows, the
links between them (:func:`timeline.stories.merge.link`: linking by block, the block being
the partition's dates) and their interleave, as a frame of ``schema.TIMELINE``.

What differs from one ``build_timeline`` call: mentions in different partitions are not
linked (a story told in two date windows stays two groups), and ``order`` ranks rows
within their partition (partitions come in date order). With a ``cache`` folder on a file
system every worker sees, a rerun skips the unchanged articles.

For corpora too large to hold in the driver, pass light references instead of Articles
(anything with an ``id`` and a ``published`` date, such as the rows of an index frame) and a
``load`` function: the graph then carries only the references, and each task builds its
partition's Articles on its worker.

Needs the ``scale`` extra (``pip install -e ".[scale]"``: dask, distributed, pyarrow).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from timeline.caches import release_caches
from timeline.errors import ArticleError
from timeline.frame import interleave, per_article_records
from timeline.io.article import Article
from timeline.schema import TIMELINE, conform
from timeline.stories import merge


def partitions(articles: list, partition_days: int = 31, partition_size: int = 500) -> list[list]:
    """Articles sorted by publication date (then id), cut into partitions of consecutive dates.

    Anything with an ``id`` and a ``published`` date (or None) partitions the same way.

    Examples:
        >>> a = [Article("They met.", id=i, published=d) for i, d in
        ...      [("x", "2025-03-20"), ("y", "2025-02-01"), ("z", None), ("w", "2025-02-10")]]
        >>> [[x.id for x in part] for part in partitions(a, partition_days=30)]
        [['y', 'w'], ['x'], ['z']]
    """
    if not isinstance(partition_days, int) or partition_days < 1 or partition_size < 1:
        raise ArticleError("partitions: partition_days and partition_size must be >= 1")
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ArticleError("partitions: article ids repeat")
    dated = sorted(
        (a for a in articles if a.published is not None), key=lambda a: (a.published, a.id)
    )
    undated = sorted((a for a in articles if a.published is None), key=lambda a: a.id)
    parts: list[list[Article]] = []
    for article in dated:
        if (
            parts
            and len(parts[-1]) < partition_size
            and article.published - parts[-1][0].published < dt.timedelta(days=partition_days)
        ):
            parts[-1].append(article)
        else:
            parts.append([article])
    parts.extend(undated[k : k + partition_size] for k in range(0, len(undated), partition_size))
    return parts


def partition_frame(articles: list, cache=None, load=None) -> pd.DataFrame:
    """The timeline of one partition: per-article rows, links within it, its interleave.

    With ``load``, ``articles`` are references and ``load(articles)`` gives the Articles
    (the same ids, in the same order).

    Examples:
        >>> part = [Article("Trump signed it on February 1.", id="a", published="2025-02-28")]
        >>> partition_frame(part)[["event_id", "order"]].values.tolist()
        [['a-t0006', 1]]
        >>> texts = {"b": "They met on May 3."}
        >>> read = lambda refs: [Article(texts[r.id], id=r.id, published=r.published) for r in refs]
        >>> from collections import namedtuple
        >>> ref = namedtuple("Ref", "id published")("b", dt.date(2025, 5, 30))
        >>> partition_frame([ref], load=read).event_id.tolist()
        ['b-t0005']
    """
    if load is not None:
        references, articles = articles, list(load(articles))
        loaded = [a.id if isinstance(a, Article) else None for a in articles]
        if loaded != [r.id for r in references]:
            raise ArticleError(
                f"build_timeline_dask: load gave {loaded[:3]}... for the references "
                f"{[r.id for r in references][:3]}...; expected Articles with the same ids in order"
            )
    records = per_article_records(articles, cache=cache, progress=False)
    records = merge.link(records, published=[a.published for a in articles])
    frame = conform(interleave(records), TIMELINE)
    frame["order"] = range(1, len(frame) + 1)
    # a worker runs partition after partition: what this one read is not the next one's
    release_caches()
    return frame


def build_timeline_dask(
    articles, partition_days: int = 31, partition_size: int = 500, cache=None, load=None
):
    """The timelines of many articles as a lazy Dask DataFrame, one partition per date window.

    Run it with any scheduler: a ``dask.distributed.Client`` connected to a cluster (or a
    ``LocalCluster``) computes the partitions on its workers; without one, Dask's default
    local scheduler does. ``.compute()`` gives one pandas frame; ``.to_parquet(folder)``
    writes one file per partition without gathering them.

    Args:
        articles: :class:`~timeline.io.article.Article` values (read them with
            :func:`~timeline.io.article.read_articles`, or build them on the workers).
        partition_days, partition_size: the most days and articles in one partition.
        cache: a folder of per-article Parquet files that every worker can read.
        load: None, or a function run on the workers that turns a partition's references
            (then ``articles`` holds references: objects with ``id`` and ``published``)
            into its Articles; it must pickle (a module-level function or a
            ``functools.partial`` of one).

    Returns:
        A ``dask.dataframe.DataFrame`` with the columns of ``schema.TIMELINE``.

    Examples:
        >>> parts = [Article("Trump signed it on February 1.", id="a", published="2025-02-28"),
        ...          Article("They met on May 3.", id="b", published="2025-05-30")]
        >>> ddf = build_timeline_dask(parts)
        >>> ddf.npartitions, ddf.compute()[["event_id", "order"]].values.tolist()
        (2, [['a-t0006', 1], ['b-t0005', 1]])
    """
    import dask
    import dask.dataframe as dd

    articles = list(articles)
    if load is None and (not articles or not all(isinstance(a, Article) for a in articles)):
        raise ArticleError("build_timeline_dask: expected a non-empty list of Articles")
    if load is not None:
        if not callable(load):
            raise ArticleError(f"build_timeline_dask: load must be a function, got {load!r}")
        odd = [r for r in articles if not (hasattr(r, "id") and hasattr(r, "published"))]
        if not articles or odd:
            raise ArticleError(
                "build_timeline_dask: with load, expected a non-empty list of references "
                f"with an id and a published date, got {odd[:1]}"
            )
    parts = partitions(articles, partition_days, partition_size)
    # the frames keep the schema's own dtypes (Dask would turn str columns into pyarrow strings)
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_map(
            partition_frame,
            parts,
            cache=cache,
            load=load,
            meta=conform([], TIMELINE),
            enforce_metadata=False,
            label="timeline-partition",
        )
