"""Draft questions usable as written (issue 16).

Usage: ``python -m benchmarks.drafts [--split dev|test|all] [-v]``.

Reads the short articles written for it (``benchmarks/data/drafts.yaml``), builds each
timeline, drafts questions with :func:`timeline.candidate_questions` and counts a draft
usable when its title and close date are exactly one the article lists and its
resolution criteria pass :func:`timeline.check_question` (a reachable Yes and No).
Prints, per split, drafts made, usable share (usable / made: the target is 8 of 10) and
recall (expected drafts found). The dev articles were used to write the rules, the test
articles never were; floors are checked on the test split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
import yaml

import timeline
from timeline.forecast.criteria import check_question

from .floors import check

CI_BENCHMARK = True
DATA = Path(__file__).resolve().parent / "data" / "drafts.yaml"


def evaluate(split: str, verbose: bool = False) -> dict:
    articles = yaml.safe_load(DATA.read_text(encoding="utf-8"))["articles"]
    made = usable = expected = found = 0
    for entry in articles:
        if split != "all" and entry["split"] != split:
            continue
        published = str(entry["published"])
        article = timeline.Article(
            " ".join(entry["text"].split()), published=published, id=entry["id"]
        )
        df = timeline.build_timeline(article)
        drafts = timeline.candidate_questions(
            df, horizon=365, reference=published, articles=article
        )
        want = {(e["title"], str(e["close"])) for e in entry["expected"]}
        got = [
            (t, f"{c:%Y-%m-%d}") for t, c in zip(drafts["title"], drafts["scheduled_close_time"])
        ]
        resolvable = [
            not check_question({"resolution_criteria": c, "fine_print": f})
            for c, f in zip(drafts["resolution_criteria"], drafts["fine_print"])
        ]
        got = [g if ok else (g[0] + " [criteria flagged]", g[1]) for g, ok in zip(got, resolvable)]
        hits = {g for g in got if g in want}
        made, usable = made + len(got), usable + sum(g in want for g in got)
        expected, found = expected + len(want), found + len(hits)
        if verbose:
            for g in got:
                print(f"  {entry['id']} {'OK ' if g in want else 'BAD'} {g[0]}  [{g[1]}]")
            for w in sorted(want - hits):
                print(f"  {entry['id']} MISSING {w[0]}  [{w[1]}]")
    return {
        "drafts": made,
        "usable": usable,
        "usable_share": usable / made if made else 0.0,
        "expected": expected,
        "recall": found / expected if expected else 0.0,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="both", choices=["dev", "test", "all", "both"])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    results = {}
    for split in splits:
        r = evaluate(split, args.verbose)
        results[split] = r
        print(
            f"{split:>4}: {r['drafts']} drafts, {r['usable']} usable as written "
            f"({r['usable_share']:.0%}), recall {r['recall']:.0%} of {r['expected']} expected"
        )
    test = results.get("test")
    if test is None:
        return 0
    return check("drafts", {"usable_share": test["usable_share"], "recall": test["recall"]})


if __name__ == "__main__":
    pd.set_option("display.width", 200)
    sys.exit(main())
