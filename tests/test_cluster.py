"""The Dask path on a dask.distributed LocalCluster: the same rows as build_timeline per date
window."""

import datetime as dt
from typing import NamedTuple

import pandas as pd
import pytest

from timeline import Article, ArticleError, build_timeline

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

from timeline.cluster import (  # noqa: E402
    build_timeline_dask,
    partition_frame,
    partitions,
    release_caches,
)

TEXTS = [
    ("On February 1, Trump signed a memorandum on Iraq.", "2025-02-02"),
    ("Trump signed the memorandum on February 1, officials said.", "2025-02-03"),
    ("The coalition will hold an emergency meeting in the coming days.", "2025-02-28"),
    ("Rubio and the Iraqi prime minister held a call on March 30.", "2025-04-01"),
    ("The ministers met in Baghdad on April 2 and agreed a plan.", "2025-04-04"),
    ("Officials said the talks went on.", None),
]


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_partitions_by_date_and_rows_identical_to_build_timeline(client, tmp_path):
    articles = [Article(t, id=f"n{k}", published=d) for k, (t, d) in enumerate(TEXTS)]
    ddf = build_timeline_dask(articles, partition_days=14, cache=tmp_path)
    parts = partitions(articles, partition_days=14)
    assert [[a.id for a in p] for p in parts] == [["n0", "n1"], ["n2"], ["n3", "n4"], ["n5"]]
    assert ddf.npartitions == 4
    computed = client.compute(ddf).result()
    expected = pd.concat([build_timeline(p) for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(computed.reset_index(drop=True), expected)
    # linking by block: the two reports of the signing share a partition and are linked
    signed = computed[computed.trigger == "signed"]
    assert len(signed) == 2 and set(signed.same_as.dropna()) < set(signed.event_id)
    # the workers filled the cache: a rerun reads it and gives the same frame
    assert len(list(tmp_path.glob("*.parquet"))) == len(articles)
    again = client.compute(build_timeline_dask(articles, partition_days=14, cache=tmp_path))
    pd.testing.assert_frame_equal(again.result().reset_index(drop=True), expected)


class Ref(NamedTuple):
    """What the driver holds of an article when the workers read it themselves."""

    id: str
    published: dt.date | None


def load_texts(refs: list[Ref]) -> list[Article]:
    return [Article(TEXTS[int(r.id[1:])][0], id=r.id, published=r.published) for r in refs]


def test_references_and_a_loader_give_the_same_frame(client):
    articles = [Article(t, id=f"n{k}", published=d) for k, (t, d) in enumerate(TEXTS)]
    refs = [Ref(a.id, a.published) for a in articles]
    ddf = build_timeline_dask(refs, partition_days=14, load=load_texts)
    assert ddf.npartitions == 4
    expected = client.compute(build_timeline_dask(articles, partition_days=14)).result()
    pd.testing.assert_frame_equal(client.compute(ddf).result(), expected)


def test_a_loader_must_give_the_articles_it_was_asked_for():
    refs = [Ref("n0", dt.date(2025, 2, 2)), Ref("n1", dt.date(2025, 2, 3))]
    with pytest.raises(ArticleError, match="same ids in order"):
        partition_frame(refs, load=lambda r: load_texts(r[::-1]))
    with pytest.raises(ArticleError, match="load must be a function"):
        build_timeline_dask(refs, load="n0.txt")
    with pytest.raises(ArticleError, match="references with an id and a published date"):
        build_timeline_dask(["n0"], load=load_texts)


def test_a_worker_releases_what_it_read_and_its_rows_do_not_change():
    """Partition after partition in one process, as a worker runs them: each frame is the one
    build_timeline gives with every cache warm, and after each the caches of what was read are
    empty while the loaded tables stay."""
    from timeline.events.classes import noun_event
    from timeline.stories import merge
    from timeline.temporal.scanner import scanner

    articles = [Article(t, id=f"n{k}", published=d) for k, (t, d) in enumerate(TEXTS)]
    parts = partitions(articles, partition_days=14)
    warm = [build_timeline(p) for p in parts]
    assert noun_event.cache_info().currsize > 0
    for part, expected in zip(parts, warm):
        pd.testing.assert_frame_equal(partition_frame(part), expected)
        assert noun_event.cache_info().currsize == 0
        assert scanner.cache_info().currsize == 1 and merge.rules.cache_info().currsize == 1
    assert release_caches() == 0
