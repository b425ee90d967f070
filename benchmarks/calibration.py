"""Calibration of the most-likely dates: do the 80% intervals hold the gold date 80% of the time?

Usage:
    python -m benchmarks.calibration [--corpus PATH] [--no-floors] [--reliability FILE]

The model (:mod:`timeline.ordering.likely`) is fitted on some corpora and tested on the
others (:mod:`benchmarks.fit_likely` reads the gold: events TLINKed within a calendar
day, or put on a day by the SemEval-2015 trial timelines): fit on TimeBank, test on
AQUAINT, ``meantime-apple`` and ``semeval-apple`` (the same articles as ``meantime-apple``,
dated by the timelines); fit on AQUAINT + ``meantime-apple``, test on TimeBank. For each
held-out corpus and kind it prints the
events, how many got an estimate, the share whose gold day lies in the 80% interval
(coverage), the interval's median width in days and the proven bounds' median width
(``open`` when more than half are open on a side). Rows proven to one day (basis
``proven``) are shown apart; the headline coverage is over estimated rows, printed with
the share of them whose gold day is the publication day (``pub. day``): any interval that
holds the publication day covers at least that share, so a corpus whose gold days are
mostly publication days is over-covered by every such interval, however narrow.
Targets: coverage 80 +/- 5% on each held-out corpus; median width <= 3 days for undated
past reporting events. ``--reliability FILE`` writes the held-out coverage of the shipped
settings (``shipped``, and per kind: ``kinds``) and at several nominal levels without
tolerance (``levels``), numbers only, for notebook 06's tables and reliability diagram.
Exits 1 when a score is outside its floor or ceiling in benchmarks/floors/calibration.json.
"""

from __future__ import annotations

#: run by `python -m benchmarks` in CI
CI_BENCHMARK = True

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

from benchmarks import fit_likely, floors
from timeline.io import atomic
from timeline.ordering import likely

SPLITS = (
    (("TimeBank",), ("AQUAINT", "meantime-apple", "semeval-apple")),
    (("AQUAINT", "meantime-apple"), ("TimeBank",)),
)
LEVELS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
_KEY = {
    "TimeBank": "timebank",
    "AQUAINT": "aquaint",
    "meantime-apple": "meantime",
    "semeval-apple": "semeval",
}


def _width(first, last) -> float:
    """Days in [first, last]; infinite when a side is open (None or NaT)."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return float("inf")
    return (pd.Timestamp(last) - pd.Timestamp(first)).days + 1


def score(model: dict, tested: list[dict]) -> dict:
    """Per kind: events, estimated, covered, interval widths, proven widths.

    Rows proven to one day are ``proven``; rows without an estimate are ``none:<kind>``
    (the kind they matched) or ``none``. ``on_publication`` counts the estimated rows whose
    gold day is the publication day.

    >>> m = likely.check_model({"coverage": 0.8, "min_samples": 1, "source": "t",
    ...                         "kinds": [{"id": "k", "offsets": {0: 8, -1: 2}}]})
    >>> import datetime as dt
    >>> d = dt.date(2000, 1, 10)
    >>> s = score(m, [dict(latest=d, offset=0, gold=d, published=d),
    ...               dict(latest=d, offset=-5, gold=d - dt.timedelta(5), published=d)])
    >>> s["k"]["events"], s["k"]["covered"], s["k"]["on_publication"]
    (2, 1, 1)
    """
    per: dict = {}
    for sample in tested:
        guess = likely.estimate(sample, sample["published"], model)
        kind = guess.basis.split()[0]
        if kind == "none":  # name the kind matched without an estimate (estimate: false, too few)
            matched = likely.kind_of(sample, model)
            kind = f"none:{matched['id']}" if matched else "none"
        entry = per.setdefault(
            kind,
            {
                "events": 0,
                "estimated": 0,
                "covered": 0,
                "on_publication": 0,
                "widths": [],
                "proven": [],
            },
        )
        entry["events"] += 1
        if guess.likely is None:
            continue
        entry["estimated"] += 1
        entry["covered"] += guess.earliest <= sample["gold"] <= guess.latest
        entry["on_publication"] += sample["gold"] == sample["published"]
        entry["widths"].append(_width(guess.earliest, guess.latest))
        entry["proven"].append(_width(sample.get("earliest"), sample.get("latest")))
    return per


def _estimated(per: dict) -> list[dict]:
    return [v for k, v in per.items() if k != "proven" and not k.startswith("none")]


def headline(per: dict) -> tuple[int, float]:
    """(estimated rows, coverage) over every kind but ``proven`` and ``none`` (``none:<kind>``)."""
    estimated = _estimated(per)
    n = sum(v["estimated"] for v in estimated)
    covered = sum(v["covered"] for v in estimated)
    return n, covered / n if n else float("nan")


def publication_share(per: dict) -> float:
    """The share of the estimated rows (as in :func:`headline`) whose gold day is the
    publication day: the least coverage of any intervals that all hold the publication day.

    >>> publication_share({"k": {"estimated": 4, "on_publication": 3}, "proven": {}})
    0.75
    """
    estimated = _estimated(per)
    n = sum(v["estimated"] for v in estimated)
    return sum(v["on_publication"] for v in estimated) / n if n else float("nan")


def _median(values) -> str:
    if not values:
        return "-"
    value = statistics.median(values)
    return "open" if value == float("inf") else f"{value:g}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="folder holding tbaq-cleaned/ and meantime-apple/")
    parser.add_argument("--no-floors", action="store_true")
    parser.add_argument("--reliability", help="write held-out coverage per nominal level (JSON)")
    args = parser.parse_args(argv)
    started = time.process_time()
    samples = {name: fit_likely.samples(name, args.corpus) for name in fit_likely.CORPORA}
    table = likely.model()
    measured, reliability, kinds, published_day = {}, [], [], {}
    print(
        f"{'fit':>24} {'test':15} {'kind':20} {'events':>6} {'estim.':>6} "
        f"{'cover':>6} {'width':>6} {'proven':>6}"
    )
    for fitted, tests in SPLITS:
        fit_on = [s for name in fitted for s in samples[name]]
        model = fit_likely.fit(fit_on, table, "+".join(fitted))
        for name in tests:
            per = score(model, samples[name])
            for kind, v in sorted(per.items()):
                cover = f"{v['covered'] / v['estimated']:.2f}" if v["estimated"] else "-"
                kinds.append(
                    {
                        "fit": "+".join(fitted),
                        "test": name,
                        "kind": kind,
                        "events": v["events"],
                        "estimated": v["estimated"],
                        "coverage": round(v["covered"] / v["estimated"], 3)
                        if v["estimated"]
                        else None,
                        "median_width": _median(v["widths"]),
                        "proven_median_width": _median(v["proven"]),
                    }
                )
                print(
                    f"{'+'.join(fitted):>24} {name:15} {kind:20} "
                    f"{v['events']:6} {v['estimated']:6} "
                    f"{cover:>6} {_median(v['widths']):>6} {_median(v['proven']):>6}"
                )
            n, coverage = headline(per)
            on_publication = publication_share(per)
            print(
                f"{'':>24} {name:15} {'ESTIMATED':20} {'':6} {n:6} {coverage:6.3f}"
                f"  (pub. day {on_publication:.3f})\n"
            )
            key = _KEY[name]
            measured[f"coverage_{key}"] = round(coverage, 4)
            published_day[name] = round(on_publication, 4)
            reports = per.get("reporting_past", {}).get("widths") or [float("inf")]
            measured[f"reporting_past_width_{key}"] = statistics.median(reports)
            for level in LEVELS:
                at_level = fit_likely.fit(fit_on, {**table, "coverage": level, "tolerance": 0}, "x")
                events, observed = headline(score(at_level, samples[name]))
                reliability.append(
                    {
                        "fit": "+".join(fitted),
                        "test": name,
                        "nominal": level,
                        "observed": round(observed, 4),
                        "events": events,
                    }
                )
    print("reliability (held-out coverage at each nominal level, tolerance 0):")
    for row in reliability:
        print(
            f"  fit {row['fit']:24} test {row['test']:15} "
            f"nominal {row['nominal']:.2f} observed {row['observed']:.3f}"
        )
    measured["coverage_min"] = min(v for k, v in measured.items() if k.startswith("coverage_"))
    measured["cpu_seconds"] = round(time.process_time() - started, 1)
    print(json.dumps(measured))
    if args.reliability:
        shipped = {
            name: {
                "coverage": measured[f"coverage_{_KEY[name]}"],
                "reporting_past_width": measured[f"reporting_past_width_{_KEY[name]}"],
                "publication_day_share": published_day[name],
            }
            for _, tests in SPLITS
            for name in tests
        }
        report = {"shipped": shipped, "kinds": kinds, "levels": reliability}
        atomic.write_atomically(Path(args.reliability), json.dumps(report, indent=1) + "\n")
    return 0 if args.no_floors else floors.check("calibration", measured)


if __name__ == "__main__":
    sys.exit(main())
