"""Fit the linking model's weights on the fitting half of ``ecbplus-dev`` and write them, with
their evidence, to ``timeline/stories/rules/weights.yaml``.

The fitting half is the odd topics (the even ones check: ``python -m benchmarks.stories``
prints both). Every two mentions of one act that both stand for gold action mentions are an
example (coreferent or not); a logistic regression (L2, Newton's method, numpy) gives the
weights; the link threshold and the threshold that makes articles one story are the pair of a
small grid that gives the best CoNLL F1 on the fitting half after clustering, among those whose
subtopic confusions stay within 1% of the links (half the target of 2%: the other half has
run higher). Deterministic: the same corpus gives the same
file. (The weights are fitted once per story threshold, since ``same_story`` depends on it.)

    python -m benchmarks.stories_fit [--corpus DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import yaml

import timeline
from benchmarks import cat, stories
from timeline.frame import article_records
from timeline.stories import merge

NAMES = merge.FEATURES
TARGET_CONFUSION = 0.02
# The grid chooses within half the target: the unseen half has run two to four times the fitting
# half's share (0.3% / 1.2% before issue 14's third pass; story threshold 0.12 gives 1.3% / 4.1%).
CHOSEN_CONFUSION = TARGET_CONFUSION / 2
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
STORY_THRESHOLDS = (0.12, 0.14, 0.16, 0.2)


def prepare(folder: Path, scored: set) -> dict:
    """A topic's per-article rows and the gold cluster of every row that stands for a gold
    mention."""
    docs = cat.read_folder(folder)
    records, gold, parent, row_of, keys, published = [], {}, {}, {}, [], []
    for doc in docs:
        stem = Path(doc.path).stem
        article = timeline.Article(doc.text, id=stem, published=stories.dateline(doc.text))
        published.append(article.published)
        rows = sorted(article_records(article), key=lambda r: r["order"])
        records.append(rows)
        for m_id, node in stories.gold_mentions(doc, scored, parent).items():
            key = (stem, m_id)
            keys.append(key)
            gold[key] = node
            tokens = doc.tokens_of(doc.markables[m_id])
            hit = next(
                (
                    r
                    for r in rows
                    if any(
                        r["trigger_start"] < t.end and t.start < r["trigger_end"] for t in tokens
                    )
                ),
                None,
            )
            if hit is not None:
                row_of[key] = hit["event_id"]
    gold = {k: stories._find(parent, v) for k, v in gold.items()}
    cluster_of_row = {row_of[k]: gold[k] for k in row_of}
    return {
        "records": records,
        "published": published,  # as build_timeline gives them to merge.link
        "texts": [doc.text for doc in docs],  # for error reports' context
        "gold": gold,
        "row_of": row_of,
        "row_gold": cluster_of_row,
    }


def examples(topic: dict, weights: dict):
    """(features, label) of every scored pair whose two rows stand for gold mentions, the pairs
    being those ``weights`` (whose story threshold decides which articles are one story) score."""
    X, y = [], []
    pairs_of = merge.scored_pairs(topic["records"], topic["published"], weights=weights)
    for _, mentions, pairs in pairs_of:
        for (i, j), (found, _) in pairs.items():
            a, b = mentions[i].row["event_id"], mentions[j].row["event_id"]
            if found is None or found is merge.DATES_APART:
                continue  # kept apart: no example
            if a not in topic["row_gold"] or b not in topic["row_gold"]:
                continue
            X.append([found[n] for n in NAMES])
            y.append(topic["row_gold"][a] == topic["row_gold"][b])
    return X, y


def fit(X: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method; the intercept (last weight) is not penalized."""
    A = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(A.shape[1])
    penalty = np.eye(A.shape[1]) * l2
    penalty[-1, -1] = 0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-A @ w))
        grad = A.T @ (p - y) + penalty @ w
        hess = A.T @ (A * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def evaluate(topic: dict, scored: list, threshold: float) -> tuple[dict, object]:
    """Cluster the topic's scored pairs (``merge.scored_pairs``, computed once per weights) at a
    threshold; coreference counts and cross-document pairs, as the benchmark scores them."""
    head = {}
    for _, mentions, pairs in scored:
        for members in merge.separate(
            merge.cluster(len(mentions), pairs, threshold), pairs, threshold
        ):
            first = mentions[members[0]].row["event_id"]
            for k in members:
                head[mentions[k].row["event_id"]] = first
    system = {
        k: head.get(topic["row_of"][k], topic["row_of"][k])
        if k in topic["row_of"]
        else ("alone", k)
        for k in topic["gold"]
    }
    detected = {k: k in topic["row_of"] for k in topic["gold"]}
    key_clusters = stories._clusters(topic["gold"])
    return stories.coref_counts(key_clusters, stories._clusters(system)), stories.pair_counts(
        detected, topic["gold"], system
    )


def _neutral() -> dict:
    """Weights that score every pair alike (the features do not depend on the weights)."""
    return {"intercept": 0.0, "threshold": 0.5, "features": {n: {"weight": 0.0} for n in NAMES}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="the ecbplus-dev folder")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write weights.yaml")
    parser.add_argument("--cache", help="a pickle of the prepared topics (made when absent)")
    args = parser.parse_args(argv)
    root = Path(args.corpus) if args.corpus else cat.ECBPLUS
    scored = stories.scored_sentences(root)
    folders = sorted(
        (p for p in (root / "ECB+").iterdir() if p.is_dir() and int(p.name) % 2 == 1),
        key=lambda p: int(p.name),
    )
    if args.cache and Path(args.cache).exists():
        topics = pickle.loads(Path(args.cache).read_bytes())
    else:
        topics = [prepare(f, scored) for f in folders]
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(topics))
    best = None
    for story_threshold in STORY_THRESHOLDS:
        neutral = {"story_threshold": story_threshold, **_neutral()}
        X, y = [], []
        for topic in topics:
            tx, ty = examples(topic, neutral)
            X += tx
            y += ty
        X, y = np.array(X, dtype=float), np.array(y, dtype=float)
        w = fit(X, y)
        weights = {
            "intercept": round(float(w[-1]), 3),
            "threshold": 0.5,
            "story_threshold": story_threshold,
            "features": {
                name: {
                    "weight": round(float(w[k]), 3),
                    "mean_coreferent": round(float(X[y == 1, k].mean()), 3),
                    "mean_not": round(float(X[y == 0, k].mean()), 3),
                }
                for k, name in enumerate(NAMES)
            },
        }
        # pairs for the lowest threshold of the grid: blocking keeps every pair it could need
        scored = [
            list(
                merge.scored_pairs(
                    t["records"], t["published"], threshold=min(THRESHOLDS), weights=weights
                )
            )
            for t in topics
        ]
        for threshold in THRESHOLDS:
            weights["threshold"] = threshold
            counts = [evaluate(t, sc, threshold) for t, sc in zip(topics, scored)]
            s = stories.coref_scores([c for c, _ in counts])
            p = Counter()
            for _, pairs in counts:
                p.update(pairs)
            precision = p["correct"] / p["proposed"] if p["proposed"] else 0.0
            share = p["confusions"] / p["proposed"] if p["proposed"] else 0.0
            print(
                f"story threshold {story_threshold:.2f}, threshold {threshold:.2f}: "
                f"CoNLL F1 {s['conll']:.1f}, pairwise P {precision:.3f}, subtopic confusions "
                f"{100 * share:.1f}% (fitting half)",
                flush=True,
            )
            # the subtopic-confusion target first (within half of 2% of links), then CoNLL F1
            # (the precision target, 0.85, costs about 7 points of CoNLL F1 on the fitting half:
            # printed, not chosen)
            rank = (share <= CHOSEN_CONFUSION, s["conll"])
            if best is None or rank > best[0]:
                best = (rank, threshold, dict(weights), X, y)
    (_, conll), _, weights, X, y = best
    weights["threshold"] = best[1]
    evidence = {
        "fitted_on": "ecbplus-dev odd topics: " + ", ".join(f.name for f in folders),
        "pairs": int(len(y)),
        "coreferent_pairs": int(y.sum()),
        "fitting_half_conll_f1": round(conll, 1),
        "method": (
            "logistic regression, L2 1.0 (intercept free), Newton; threshold by grid on CoNLL F1"
        ),
        "refit": "python -m benchmarks.stories_fit",
    }
    print(yaml.safe_dump({"evidence": evidence, **weights}, sort_keys=False))
    if not args.dry_run:
        text = (
            "# The linking model of timeline.stories.merge: p = 1 / (1 + exp(-(intercept + sum of\n"
            "# weight x feature))); mentions are joined (average link) while p >= threshold.\n"
            "# Written by python -m benchmarks.stories_fit; do not edit by hand. For every feature"
            " its\n"
            "# mean over the coreferent and the other example pairs is its evidence.\n"
        ) + yaml.safe_dump({"evidence": evidence, **weights}, sort_keys=False)
        merge.WEIGHTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
