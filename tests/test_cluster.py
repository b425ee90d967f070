"""The Dask path on a dask.distributed LocalCluster: the same rows as build_timeline per date window."""

import pandas as pd
import pytest

from timeline import Article, build_timeline

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

from timeline.cluster import build_timeline_dask, partitions  # noqa: E402

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
