"""Cross-document event coreference on ECB+ (``ecbplus-dev``): which mentions tell one real event.

Every topic's articles go through ``build_timeline`` together; a library row stands for the gold
action mention (``ACTION_*`` / ``NEG_ACTION_*`` in the sentences that
``ECBplus_coreference_sentences.csv`` lists) whose tokens its trigger overlaps. Its cluster is its
``same_as`` group; a gold mention the library does not detect is a singleton. Gold clusters are the
``CROSS_DOC_COREF`` instances joined with ``INTRA_DOC_COREF`` chains. Scores, within each topic
and summed over topics as the CoNLL scorer does: MUC, B-cubed, CEAF-e and their mean (CoNLL F1);
pairwise cross-document precision and recall (recall over every gold cross-document pair, detected
or not); subtopic confusions (a proposed cross-document pair between a ``*ecb.xml`` and a
``*ecbplus.xml`` article of one topic: two different real events of the same kind); time per topic.
Beside it, the same-lemma baseline (one cluster per base lemma of the detected mentions in a topic)
and every mention alone. Then the SemEval-2015 trial's cross-article pairs.

ECB+ articles carry no publication date: :func:`dateline` reads one from a short line near the top
that is a full date ("Published: April 10, 2007"), else none.

Topics are split in two halves: odd topics fit the weights (``python -m
benchmarks.stories_fit``), even topics check them; both are printed, the floors hold for all.

    python -m benchmarks.stories [--corpus DIR] [--topics 1,3,5] [--no-floors]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

import timeline
from benchmarks import cat, floors
from timeline.events.lemmas import base_lemma

CI_BENCHMARK = True


def dateline(text: str, lines: int = 4, width: int = 60) -> str | None:
    """The publication date a short line near the top gives in full (year, month, day), else None.

    A URL line does not count (its numbers are no date the library reads), nor a date inside a
    sentence: the line must be at most ``width`` characters and its date expression at least half
    of it.

    Examples:
        >>> dateline("http: / / example. com / x\\nTitle here\\n"
        ...          "Published: April 10, 2007\\nA man was shot.")
        '2007-04-10'
        >>> dateline("POSTED: 05 / 02 / 07, 9: 00\\nJudge sentences Orozco") is None
        True
        >>> dateline("The fire on April 10, 2007 destroyed the church and three houses.") is None
        True
    """
    for line in text.split("\n")[:lines]:
        label, colon, rest = line.partition(":")
        rest = rest if colon and label.strip().isalpha() else line  # "Published: ..." -> "..."
        if len(line) > width:
            continue
        for tx in timeline.find_timexes(line).itertuples():
            value = str(tx.value)
            if (
                tx.type == "DATE"
                and len(value) == 10
                and value[:4].isdigit()
                and (tx.end - tx.start) * 2 >= len(rest.strip())
            ):
                return value
    return None


# --- reading the gold ----------------------------------------------------------------------


def scored_sentences(root: Path) -> set[tuple[str, int]]:
    """(file stem, sentence number) pairs of ECBplus_coreference_sentences.csv."""
    with open(root / "ECBplus_coreference_sentences.csv", encoding="utf-8") as handle:
        return {
            (f"{row['Topic']}_{row['File']}", int(row["Sentence Number"]))
            for row in csv.DictReader(handle)
        }


def _find(parent: dict, x: str) -> str:
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def gold_mentions(doc: cat.Document, scored: set, parent: dict) -> dict[str, str]:
    """Action mention m_id -> its node in ``parent``, a union-find shared by a topic's documents
    (``_find(parent, node)`` is then its gold cluster), for the mentions in scored sentences."""
    stem = Path(doc.path).stem

    def find(x):
        return _find(parent, x)

    for rel in doc.relations:
        if rel.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        nodes = [f"{stem}:{m}" for m in (*rel.sources, *rel.targets)]
        if rel.tag == "CROSS_DOC_COREF":
            target = doc.markables.get(rel.targets[0]) if rel.targets else None
            instance = (target.attrs.get("instance_id") if target else None) or rel.attrs.get(
                "note"
            )
            if instance:
                nodes.append(f"instance:{instance}")
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
    out = {}
    for m in doc.markables.values():
        if not m.t_ids or not (m.tag.startswith("ACTION_") or m.tag.startswith("NEG_ACTION_")):
            continue
        tokens = doc.tokens_of(m)
        if tokens and (stem, tokens[0].sentence) in scored:
            out[m.m_id] = f"{stem}:{m.m_id}"
    return out


# --- the scores ------------------------------------------------------------------------------


def _hungarian(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment (rows <= columns), O(n^2 m)."""
    n, m = len(weights), len(weights[0]) if weights else 0
    if not n or not m:
        return 0.0
    if n > m:
        weights = [list(col) for col in zip(*weights)]
        n, m = m, n
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0], i0, delta, j1 = True, p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0], j0 = p[j1], j1
    return sum(weights[p[j] - 1][j - 1] for j in range(1, m + 1) if p[j])


def coref_counts(key: list[set], response: list[set]) -> dict[str, float]:
    """Numerators and denominators of MUC, B-cubed and CEAF-e for one topic (same mention set).

    Examples:
        >>> c = coref_counts([{1, 2, 3}, {4}], [{1, 2}, {3, 4}])
        >>> c["muc_r"], c["muc_rd"], c["muc_p"], c["muc_pd"]
        (1, 2, 1, 2)
    """
    where_k = {m: k for k, c in enumerate(key) for m in c}
    where_r = {m: k for k, c in enumerate(response) for m in c}

    def muc(a, where_b):
        return sum(len(c) - len({where_b[m] for m in c}) for c in a), sum(len(c) - 1 for c in a)

    def b3(a, b, where_b):
        return sum(len(a_c & b[where_b[m]]) / len(a_c) for a_c in a for m in a_c)

    out = {}
    out["muc_r"], out["muc_rd"] = muc(key, where_r)
    out["muc_p"], out["muc_pd"] = muc(response, where_k)
    out["b3_r"], out["b3_p"], out["b3_n"] = (
        b3(key, response, where_r),
        b3(response, key, where_k),
        len(where_k),
    )
    overlap: dict[tuple[int, int], int] = Counter(
        (k, where_r[m]) for k, c in enumerate(key) for m in c
    )
    weights = [[0.0] * len(response) for _ in key]
    for (k, r), n in overlap.items():
        weights[k][r] = 2 * n / (len(key[k]) + len(response[r]))
    out["ceaf"], out["ceaf_k"], out["ceaf_r"] = _hungarian(weights), len(key), len(response)
    return out


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def coref_scores(counts: list[dict]) -> dict[str, float]:
    """MUC, B-cubed, CEAF-e F1 and CoNLL F1 (percent) from per-topic counts, summed over topics."""
    t = Counter()
    for c in counts:
        t.update(c)
    muc = _f(t["muc_p"] / (t["muc_pd"] or 1), t["muc_r"] / (t["muc_rd"] or 1))
    b3 = _f(t["b3_p"] / (t["b3_n"] or 1), t["b3_r"] / (t["b3_n"] or 1))
    ceaf = _f(t["ceaf"] / (t["ceaf_r"] or 1), t["ceaf"] / (t["ceaf_k"] or 1))
    return {
        "muc": 100 * muc,
        "b3": 100 * b3,
        "ceafe": 100 * ceaf,
        "conll": 100 * (muc + b3 + ceaf) / 3,
    }


def pair_counts(mentions: dict, gold: dict, response: dict) -> Counter:
    """Cross-document pairs: proposed, correct, gold (all gold mentions), subtopic confusions.

    ``mentions`` maps a mention key (file stem, m_id) to whether the library detected it."""
    c = Counter()
    keys = sorted(mentions)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a[0] == b[0]:
                continue
            same_gold = gold[a] == gold[b]
            c["gold"] += same_gold
            if mentions[a] and mentions[b] and response[a] == response[b]:
                c["proposed"] += 1
                c["correct"] += same_gold
                c["confusions"] += a[0].endswith("plus") != b[0].endswith("plus")
    return c


# --- one topic -------------------------------------------------------------------------------


def _clusters(assign: dict) -> list[set]:
    groups: dict = {}
    for m, k in assign.items():
        groups.setdefault(k, set()).add(m)
    return list(groups.values())


def run_topic(folder: Path, scored: set) -> dict:
    """Build the topic's timeline, align rows with gold mentions, score the links and the
    baselines."""
    docs = cat.read_folder(folder)
    articles = [
        timeline.Article(d.text, id=Path(d.path).stem, published=dateline(d.text)) for d in docs
    ]
    started = time.perf_counter()
    frame = timeline.build_timeline(articles)
    seconds = time.perf_counter() - started
    rows = {}
    for row in frame.itertuples():
        rows.setdefault(row.article_id, []).append(row)
    gold, detected, system, lemma, parent = {}, {}, {}, {}, {}
    for doc in docs:
        stem = Path(doc.path).stem
        spans = [(r.trigger_start, r.trigger_end, r) for r in rows.get(stem, [])]
        for m_id, cluster in gold_mentions(doc, scored, parent).items():
            key = (stem, m_id)
            gold[key] = cluster
            tokens = doc.tokens_of(doc.markables[m_id])
            hit = next(
                (r for s, e, r in spans if any(s < t.end and t.start < e for t in tokens)),
                None,
            )
            detected[key] = hit is not None
            if hit is None:
                system[key] = lemma[key] = ("alone", key)
            else:
                system[key] = hit.same_as if isinstance(hit.same_as, str) else hit.event_id
                lemma[key] = base_lemma(hit.trigger.split()[0])
    gold = {key: _find(parent, node) for key, node in gold.items()}
    key_clusters = _clusters(gold)
    oracle = {k: gold[k] if detected[k] else ("alone", k) for k in gold}
    return {
        "seconds": seconds,
        "docs": len(docs),
        "mentions": len(gold),
        "detected": sum(detected.values()),
        "system": coref_counts(key_clusters, _clusters(system)),
        "lemma": coref_counts(key_clusters, _clusters(lemma)),
        "alone": coref_counts(key_clusters, [{m} for m in gold]),
        "oracle": coref_counts(key_clusters, _clusters(oracle)),
        "pairs": pair_counts(detected, gold, system),
        "lemma_pairs": pair_counts(detected, gold, lemma),
    }


def report(name: str, results: list[dict]) -> dict:
    """Print one line per system for a set of topics; return the library's measures."""
    out = {}
    for label, counts, pairs in (
        ("timeline (same_as)", "system", "pairs"),
        ("same-lemma baseline", "lemma", "lemma_pairs"),
        ("every mention alone", "alone", None),
        ("gold links, detected", "oracle", None),
    ):
        s = coref_scores([r[counts] for r in results])
        line = f"{name:<10}{label:<22}{s['muc']:>6.1f}{s['b3']:>7.1f}{s['ceafe']:>7.1f}"
        line += f"{s['conll']:>7.1f}"
        if pairs:
            p = Counter()
            for r in results:
                p.update(r[pairs])
            precision = p["correct"] / p["proposed"] if p["proposed"] else 0.0
            recall = p["correct"] / p["gold"] if p["gold"] else 0.0
            share = p["confusions"] / p["proposed"] if p["proposed"] else 0.0
            line += f"{p['proposed']:>9,}{precision:>7.3f}{recall:>7.3f}"
            line += f"{p['confusions']:>7,}{100 * share:>6.1f}%"
            if counts == "system":
                out = dict(s, precision=precision, recall=recall, confusion_share=100 * share)
        print(line)
    return out


def topic_folders(root: Path) -> list[Path]:
    """The topic folders of an ECB+ copy, in topic order (numbers, not text: 2 before 10)."""
    return sorted((p for p in (root / "ECB+").iterdir() if p.is_dir()), key=lambda p: int(p.name))


def ecb_root(corpus: str | None) -> Path | None:
    """The ecbplus-dev folder given on the command line (default ../shared's), or None, saying
    so, when no ECB+ copy is there: the benchmarks then measure nothing and do not fail."""
    root = Path(corpus) if corpus else cat.ECBPLUS
    if not (root / "ECB+").is_dir():
        print(f"no ECB+ corpus at {root}; nothing to measure")
        return None
    return root


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", help="the ecbplus-dev folder (default ../shared/corpora/ecbplus-dev)"
    )
    parser.add_argument("--topics", help="comma-separated topic numbers (default: all)")
    parser.add_argument("--no-floors", action="store_true", help="report only")
    parser.add_argument("--no-semeval", action="store_true", help="skip the SemEval trial pairs")
    args = parser.parse_args(argv)
    root = ecb_root(args.corpus)
    if root is None:
        return 0
    scored = scored_sentences(root)
    topics = topic_folders(root)
    if args.topics:
        wanted = set(args.topics.split(","))
        topics = [t for t in topics if t.name in wanted]
    results = {}
    for folder in topics:
        results[int(folder.name)] = run_topic(folder, scored)
    every = list(results.values())
    docs = sum(r["docs"] for r in every)
    print(
        f"ECB+ dev: {len(every)} topics, {docs} articles, "
        f"{sum(r['mentions'] for r in every):,} gold action mentions in scored sentences, "
        f"{sum(r['detected'] for r in every):,} detected"
    )
    seconds = [r["seconds"] for r in every]
    print(
        "time per topic (build_timeline, linking included): "
        f"mean {sum(seconds) / len(seconds):.2f} s, "
        f"max {max(seconds):.2f} s; {docs / sum(seconds):.1f} articles/s"
    )
    print(
        f"\n{'topics':<10}{'system':<22}{'MUC':>6}{'B3':>7}{'CEAF-e':>7}{'CoNLL':>7}"
        f"{'xdoc pairs':>9}{'P':>7}{'R':>7}{'subtop':>7}{'share':>7}"
    )
    measured = {}
    for name, keep in (
        ("fit (odd)", lambda t: t % 2 == 1),
        ("check(even)", lambda t: t % 2 == 0),
        ("all", lambda t: True),
    ):
        chosen = [r for t, r in results.items() if keep(t)]
        if chosen:
            measured[name] = report(name, chosen)
    print(
        "Published (gold mentions, CoNLL F1): Barhom et al. 2019 79.5, Cattan et al. 2021 81, "
        "Held et al. 2021 85.7"
    )
    if not args.no_semeval:
        semeval_pairs()
    if args.no_floors or args.topics:
        return 0
    m = measured["all"]
    return floors.check(
        "stories",
        {
            "conll_f1": m["conll"],
            "pairwise_precision": m["precision"],
            "pairwise_recall": m["recall"],
            "subtopic_confusion_share": m["confusion_share"],
        },
    )


def semeval_pairs() -> None:
    """The SemEval-2015 trial (30 Apple articles): cross-article links against the gold
    timelines."""
    from benchmarks import semeval_data
    from benchmarks.semeval_timeline import Aligner, cross_article_links, gold_text

    root = semeval_data.TRIAL
    if not (root / semeval_data.RAW_DIR).is_dir():
        return
    docs = semeval_data.read_corpus(root)
    aligner = Aligner(docs, semeval_data.read_corpus(root, gold_events=True))
    golds = [gold_text(tl, aligner) for tl in semeval_data.read_timelines(root)]
    frame = timeline.build_timeline(
        [timeline.Article(d.text, id=d.doc_id, title=d.title, published=d.dct) for d in docs]
    )
    links = cross_article_links(frame, golds, aligner)
    print(
        f"\nSemEval-2015 trial, cross-article links: {links['proposed']} proposed, "
        f"{links['judged']} between gold mentions, {links['correct']} correct; they cover "
        f"{links['covered']} of {links['gold']} gold cross-article pairs"
    )


if __name__ == "__main__":
    sys.exit(main())
