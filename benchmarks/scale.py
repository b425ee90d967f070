"""Many articles in one call: CPU per article, the log-log slope, links found, parallel speed-up.

Articles are made from the gold corpora's texts (TimeBank + AQUAINT with their DCTs,
MEANTIME's Apple articles with theirs, ECB+ topics 1-35 without one): the k-th copy of a
document gets its own id, its paragraphs rotated by k (distinct-ish text) and its
publication date moved by 37k days, so copies are neither identical nor all on one day.
For each N, ``build_timeline`` on the first N articles is timed in CPU seconds (this
process: reading, per-article analysis, linking, the interleave); the slope is
``log(cpu[N2] / cpu[N1]) / log(N2 / N1)``, 1.0 being linear.

The three phases of ``build_timeline`` are timed apart: the per-article work, linking
(``merge.link``) and the interleave with the frame; ``slope_without_linking`` leaves the
linking out.

``python -m benchmarks.scale`` (CI: N = 100, 300, 600, slopes from 300 to 600);
``--full`` adds N = 1,000 and 3,000 (slopes 300 -> 3,000; minutes, not in CI);
the per-article work of the N = 300 set is also timed with 1 and W processes (``--workers
W``, 2 by default, 1 to skip): wall clock, CPU of this process and of its workers, the load
average (wall clock means something only on an otherwise idle machine, the CPU bound always).
``--dask N --workers W [--cache DIR]`` runs N articles through the Dask path on a LocalCluster
of W processes instead (not in CI): the driver holds references, the workers build the
articles, fill the Parquet cache and send back counts (see :func:`dask_run`); each progress
line gives the workers' peak memory so far.

A worker's memory (CI: the partitions of the last N in turn against the largest alone, see
:func:`worker_memory`; ``--memory N`` only that, for any N): what a worker keeps from one
partition to the next is the first peak above the second. ``--reprints K [K ...]``: linking
alone on one article reprinted K times (see :func:`reprints`; not in CI).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import math
import os
import resource
import sys
import time
from pathlib import Path
from typing import NamedTuple

from benchmarks import cat, tml
from benchmarks.floors import check

CI_BENCHMARK = True

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def _documents(corpus: Path) -> list[tuple[str, str, dt.date | None]]:
    """(id, text, publication date) of every usable corpus document, in a fixed order."""
    found = []
    for part, docs in sorted(tml.tbaq_documents(corpus / "tbaq-cleaned").items()):
        for doc in docs:
            published = dt.date.fromisoformat(doc.dct[:10]) if doc.dct else None
            found.append((f"{part}-{doc.doc_id}", doc.text, published))
    apple = corpus / "meantime-apple" / "intra_cross-doc_annotation" / "corpus_apple"
    if apple.is_dir():
        for doc in cat.read_folder(apple):
            when = cat.creation_time(doc)
            published = dt.date.fromisoformat(when[:10]) if when and when[:4].isdigit() else None
            found.append((f"meantime-{Path(doc.path).stem[:12]}", doc.text, published))
    ecb = corpus / "ecbplus-dev" / "ECB+"
    if ecb.is_dir():
        topics = sorted(
            (p for p in ecb.iterdir() if p.name.isdigit() and int(p.name) <= 35),
            key=lambda p: int(p.name),
        )
        for topic in topics:
            for doc in cat.read_folder(topic):
                found.append((f"ecb-{Path(doc.path).stem}", doc.text, None))
    return [(doc_id, text, published) for doc_id, text, published in found if text.strip()]


def _copy(docs: list, k: int) -> tuple[str, str, dt.date | None]:
    """(id, text, publication date) of the k-th benchmark article."""
    doc_id, text, published = docs[k % len(docs)]
    copy = k // len(docs)
    if copy:
        paragraphs = [p for p in text.split("\n") if p.strip()]
        shift = copy % max(1, len(paragraphs))
        text = "\n".join(paragraphs[shift:] + paragraphs[:shift])
        if published is not None:
            published = published + dt.timedelta(days=37 * copy)
    return f"{doc_id}-c{copy}", text, published


#: runs of each size; the fastest counts (see main)
SCALE_REPEATS = 2


def articles(n: int, corpus: Path = CORPORA) -> list:
    """The first ``n`` benchmark articles (copies of the corpus documents, see the module doc)."""
    from timeline import Article

    docs = _documents(corpus)
    return [Article(text, id=i, published=d) for i, text, d in (_copy(docs, k) for k in range(n))]


class Reference(NamedTuple):
    """A benchmark article without its text: what the Dask driver holds for each article."""

    id: str
    published: dt.date | None
    number: int


@functools.cache
def _documents_once(corpus: Path) -> list:
    return _documents(corpus)


def references(n: int, corpus: Path = CORPORA) -> list[Reference]:
    """The first ``n`` benchmark articles as references (ids and dates, no text)."""
    docs = _documents_once(corpus)
    made = []
    for k in range(n):
        doc_id, _, published = docs[k % len(docs)]
        copy = k // len(docs)
        if copy and published is not None:
            published = published + dt.timedelta(days=37 * copy)
        made.append(Reference(f"{doc_id}-c{copy}", published, k))
    return made


def load_references(corpus: Path, refs: list[Reference]) -> list:
    """The Articles behind ``refs``, built where this runs (a Dask worker reads the corpora
    once)."""
    from timeline import Article

    docs = _documents_once(corpus)
    return [
        Article(text, id=i, published=d) for i, text, d in (_copy(docs, r.number) for r in refs)
    ]


def links(df) -> int:
    """Rows linked to another article's mention (``same_as`` set and not the row itself)."""
    return int((df.same_as.notna() & (df.same_as != df.event_id)).sum())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPORA, help="the shared corpora folder")
    parser.add_argument("--full", action="store_true", help="also N = 3,000 (not in CI)")
    parser.add_argument(
        "--workers", type=int, default=2, help="time N = 300 with 1 and W processes (1: skip)"
    )
    parser.add_argument(
        "--dask",
        type=int,
        default=0,
        metavar="N",
        help="only: N articles through timeline.cluster on a LocalCluster of --workers processes",
    )
    parser.add_argument(
        "--cache", type=Path, default=None, help="with --dask: the per-article Parquet cache"
    )
    parser.add_argument(
        "--memory",
        type=int,
        default=0,
        metavar="N",
        help="only: a worker's peak memory over the partitions of N articles (see worker_memory)",
    )
    parser.add_argument(
        "--reprints",
        type=int,
        nargs="+",
        default=[],
        metavar="K",
        help="only: merge.link on the longest ECB+ article reprinted K times (see reprints)",
    )
    args = parser.parse_args(argv)
    if args.reprints:
        for k in args.reprints:
            print(reprints(k, args.corpus))
        return 0
    if args.memory:
        worker_memory(args.memory, args.corpus)
        return 0
    if args.dask:
        return dask_run(args.dask, max(1, args.workers), args.corpus, args.cache)
    from timeline import build_timeline
    from timeline.frame import interleave, per_article_records
    from timeline.schema import TIMELINE, conform
    from timeline.stories import merge

    sizes = [100, 300, 600] + ([1000, 3000] if args.full else [])
    pool = articles(sizes[-1], args.corpus)
    build_timeline(pool[:2])  # warm up: rules, tagger, lexicon
    cpu, work = {}, {}
    print(f"{'N':>6} {'CPU s':>8} {'ms/article':>11} {'linking s':>10} {'events':>8} {'links':>6}")
    for n in sizes:  # build_timeline's three phases, timed apart
        part = pool[:n]
        # the best of two runs, as timeit takes: one run's CPU time varies by a fifth with the
        # collector's and the allocator's state, enough to tip a slope over its ceiling
        best = None
        for _ in range(SCALE_REPEATS):
            records = df = None  # the last run's frame is garbage before this one is timed
            gc.collect()
            started = time.process_time()
            records = per_article_records(part)
            analysed = time.process_time()
            records = merge.link(records, published=[a.published for a in part])
            linked = time.process_time()
            df = conform(interleave(records), TIMELINE)
            done = time.process_time()
            phases = (analysed - started, linked - analysed, done - linked)
            best = phases if best is None else tuple(map(min, best, phases))
        cpu[n], work[n] = sum(best), best[0] + best[2]
        print(
            f"{n:>6,} {cpu[n]:>8.1f} {cpu[n] / n * 1000:>11.1f} {best[1]:>10.1f} "
            f"{len(df):>8,} {links(df):>6,}",
            flush=True,
        )
    slope = lambda t, a, b: math.log(t[b] / t[a]) / math.log(b / a)  # noqa: E731
    last = sizes[-1]
    measured = {
        "slope": slope(cpu, 300, last),
        "slope_without_linking": slope(work, 300, last),
        "ms_per_article": cpu[last] / last * 1000,
    }
    print(
        f"log-log slope 300 -> {last:,}: {measured['slope']:.2f} "
        f"(without linking: {measured['slope_without_linking']:.2f}); "
        f"100 -> 300: {slope(cpu, 100, 300):.2f}"
    )
    if args.workers > 1:
        measured.update(parallel_run(pool[:300], args.workers))
    measured.update(worker_memory(last, args.corpus))
    return check("scale", measured)


def parallel_run(pool: list, workers: int) -> dict:
    """The per-article work on ``pool`` with 1 and ``workers`` processes: wall clock, CPU of
    this process and of its workers, and the machine's load (other work shares the cores).

    The CPU bound is the speed-up an idle machine would give at best: ``workers`` x the
    serial CPU over all the CPU the parallel run spent (this process's included, as it
    unpacks results on the same cores while the workers run).
    """
    from timeline.frame import per_article_records

    print(
        f"\nper-article work, N = {len(pool)}: {'workers':>7} {'wall s':>7} {'CPU s':>6} "
        f"{'workers CPU s':>13} {'speed-up':>8} {'CPU bound':>9} {'load before/after':>17}"
    )
    runs, results = {}, {}
    for count in (1, workers):
        load = os.getloadavg()[0]
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, cpu = time.perf_counter(), time.process_time()
        results[count] = per_article_records(pool, workers=count, progress=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        child = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        runs[count] = (wall, cpu, child, load, os.getloadavg()[0])
    serial_wall, serial_cpu = runs[1][0], runs[1][1] + runs[1][2]
    for count, (wall, cpu, child, before, after) in runs.items():
        bound = count * serial_cpu / (cpu + child)
        print(
            f"{'':29}{count:>7} {wall:>7.1f} {cpu:>6.1f} {child:>13.1f} "
            f"{serial_wall / wall:>7.2f}x {bound:>8.2f}x {before:>8.1f} / {after:.1f}"
        )
    wall, cpu, child, _, _ = runs[workers]
    print(
        f"identical to the serial run: {results[workers] == results[1]}; "
        f"{os.cpu_count()} cores, load = 1-minute load average"
    )
    return {
        "parallel_speed_up": serial_wall / wall,
        "parallel_cpu_bound": workers * serial_cpu / (cpu + child),
    }


def _partitions_peak(n: int, corpus: Path, largest: bool) -> tuple[float, float]:
    """(start, peak) RSS in MB of this process running the partitions of the first ``n``
    articles one after another as one Dask worker does (each partition's articles built here,
    its frame dropped once made); with ``largest``, the largest partition alone."""
    from timeline.cluster import partition_frame, partitions
    from timeline.frame import article_records

    refs = references(n, corpus)
    parts = partitions(refs)
    load = functools.partial(load_references, corpus)
    article_records(load(parts[0][:1])[0])  # rules, lexicon, tagger and corpora, as at a start
    start = _peak_rss_mb()
    for part in [max(parts, key=len)] if largest else parts:
        partition_frame(part, load=load)
    return start, _peak_rss_mb()


def worker_memory(n: int, corpus: Path) -> dict:
    """A worker's peak memory against one partition's: the partitions of the first ``n``
    articles in a fresh process one after another, then the largest of them alone in another.

    What a worker keeps from one partition to the next (caches, results not yet gathered)
    shows as the first peak above the second; the partition's own working set is the second
    above the process's start (rules, lexicon and corpora loaded).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    peaks = {}
    for largest in (False, True):
        # a fresh process each, so that neither peak includes the other's (or this one's) work
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            peaks[largest] = pool.submit(_partitions_peak, n, corpus, largest).result()
    (start, worker), (_, alone) = peaks[False], peaks[True]
    print(
        f"\nworker memory, N = {n:,}: start {start:,.0f} MB; every partition in turn: peak "
        f"{worker:,.0f} MB; the largest partition alone: peak {alone:,.0f} MB "
        f"(ratio {(worker - start) / max(1.0, alone - start):.2f} above the start)"
    )
    return {
        "worker_peak_mb": worker,
        "partition_peak_mb": alone,
        "worker_over_partition": (worker - start) / max(1.0, alone - start),
    }


def _link_reprints(k: int, corpus: Path) -> dict:
    from timeline.frame import per_article_records
    from timeline.stories import merge

    docs = _documents_once(corpus)
    ecb = [k for k, (doc_id, _, _) in enumerate(docs) if doc_id.startswith("ecb-")]
    longest = max(ecb, key=lambda k: len(docs[k][1]))
    made = load_references(
        corpus, [Reference(f"r-c{c}", None, longest + c * len(docs)) for c in range(k)]
    )
    records = per_article_records(made, progress=False)
    merge.rules()
    before, cpu = _rss_mb(), _cpu_s()
    Path("/proc/self/clear_refs").write_text("5", encoding="ascii")  # VmHWM from here on
    linked = merge.link(records, published=[a.published for a in made])
    return {
        "copies": k,
        "mentions": sum(map(len, records)),
        "link_peak_mb": round(_peak_rss_mb() - before, 1),
        "link_cpu_s": round(_cpu_s() - cpu, 2),
        "linked_rows": sum(1 for article in linked for row in article if row.get("same_as")),
    }


def reprints(k: int, corpus: Path = CORPORA) -> dict:
    """Peak memory (MB above the RSS before it) and CPU of ``merge.link`` alone on the longest
    ECB+ article reprinted ``k`` times (the builder's copies: own ids, paragraphs rotated,
    undated), in a fresh process (Linux only: the peak is reset through ``clear_refs``). At
    N = 100,000 the undated partitions hold about 94 copies of five such articles."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_link_reprints, k, corpus).result()


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _summary(frame, articles: int) -> dict:
    return {
        "articles": articles,
        "rows": len(frame),
        "links": links(frame),
    }


def _peak_rss_mb() -> float:
    """This process's peak RSS in MB: VmHWM where Linux gives it, as ``ru_maxrss`` keeps, across
    the exec of a spawned worker, the peak of the process that started it."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def dask_run(n: int, workers: int, corpus: Path, cache: Path | None = None) -> int:
    """``n`` articles through :func:`timeline.cluster.build_timeline_dask` on a LocalCluster.

    The driver holds references only (ids, dates, a number); each task builds its
    partition's Articles on its worker from the corpora, writes each article's rows to the
    Parquet cache and sends back three counts, never the rows: the driver's memory does not
    grow with ``n``. Progress lines give the elapsed time and the rate, so that a run
    stopped early still says what the whole would take (partitions finish in no set order:
    a dated partition of many copies costs more than an undated one of few).
    """
    import dask
    from distributed import Client, LocalCluster, as_completed

    from timeline.cluster import build_timeline_dask, partitions

    started = time.perf_counter()
    refs = references(n, corpus)
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        ddf = build_timeline_dask(
            refs,
            cache=str(cache) if cache else None,
            load=functools.partial(load_references, corpus),
        )
        print(
            f"Dask, {workers} worker processes, {n:,} articles in {ddf.npartitions} partitions; "
            f"cache {cache}; load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        sizes = [len(part) for part in partitions(refs)]  # the partitions ddf was cut into
        summaries = [dask.delayed(_summary)(p, k) for p, k in zip(ddf.to_delayed(), sizes)]
        tasks = client.compute(summaries)
        total = {"articles": 0, "rows": 0, "links": 0}
        step, shown = max(1, n // 20), 0
        for task in as_completed(tasks):
            for key, value in task.result().items():
                total[key] += value
            task.release()
            if total["articles"] - shown >= step or total["articles"] == n:
                shown, wall = total["articles"], time.perf_counter() - started
                cpu = sum(client.run(_cpu_s).values())
                peak = max(client.run(_peak_rss_mb).values())
                print(
                    f"  {shown:>8,} articles {total['rows']:>10,} rows {total['links']:>9,} links "
                    f"{wall:>8.0f} s wall ({wall / shown * 1000:.1f} ms/article, whole run at "
                    f"this rate {wall / shown * n:,.0f} s); workers {cpu:,.0f} CPU s, peak "
                    f"{peak:,.0f} MB; load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
        wall = time.perf_counter() - started
        worker_mb = client.run(_peak_rss_mb)
        worker_cpu = client.run(_cpu_s)
    print(
        f"{n:,} articles: {total['rows']:,} rows, {total['links']:,} links within partitions, "
        f"{wall:,.0f} s wall ({wall / n * 1000:.1f} ms/article); CPU s: workers "
        f"{sum(worker_cpu.values()):,.0f}, driver {_cpu_s():,.0f}; peak memory: driver "
        f"{_peak_rss_mb():,.0f} MB, workers {max(worker_mb.values()):,.0f} MB at most"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
