"""Event-detection benchmark: timeline.events.extract on TimeBank + AQUAINT (TempEval-3 style).

Usage:
    python -m benchmarks.events [--corpus PATH] [--pipeline] [--errors FILE] [--no-floors]

Reads the TimeML gold (text of <TEXT>, DCT, EVENT tags with their class) with
benchmarks/tml.py, runs ``segment.sentences`` + ``events.extract`` on every
document (``--pipeline``: the ``trigger_start``/``trigger_end`` of
``build_timeline`` rows instead, same offsets, slower) and scores, micro-averaged:

* event P/R/F1: a predicted trigger matches a gold EVENT when their character
  spans overlap (token overlap; each gold event matched at most once);
* class F1: matches whose TimeML class equals the gold class, counted against
  all predictions (precision) and all gold events (recall), as TempEval-3's
  attribute F1.

Anchor (TempEval-3, best system ATT-1): event F1 0.81, class F1 0.72.
``--no-lemminflect`` measures the extractor with word-ending rules in place of the
lemminflect dictionary (the reason that dependency exists).
``--errors FILE`` writes the most frequent misses and false positives, the class
confusions and, per confused pair, the words that carry it.
``--confusion`` prints the class confusion matrix (gold rows, predicted columns; the
``-`` row counts false positives and the ``-`` column misses).
Exits 1 when a score is below its floor in benchmarks/floors/events.json.
"""

from __future__ import annotations

#: run by `python -m benchmarks` in CI
CI_BENCHMARK = True

import argparse
import collections
import datetime as dt
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

from benchmarks import floors, tml
from timeline import events as event_stage
from timeline.io import segment


def _dct(doc) -> dt.date | None:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", doc.dct or "")
    return dt.date(*map(int, match.groups())) if match else None


def predict(doc, pipeline: bool = False) -> list[tuple[int, int, str, str]]:
    """(start, end, class, text) of every predicted trigger of a document."""
    if pipeline:
        import timeline

        frame = timeline.build_timeline(
            timeline.Article(doc.text, id=doc.doc_id, published=_dct(doc))
        )
        found = sorted(
            zip(frame.trigger_start, frame.trigger_end, frame.event_class, frame.trigger)
        )
        return [(int(s), int(e), c, t) for s, e, c, t in found]
    spans = segment.sentences(doc.text)
    return [
        (e.trigger_start, e.trigger_end, e.event_class, e.trigger)
        for e in event_stage.extract(doc.text, spans, [], _dct(doc))
    ]


class Score:
    """Micro-averaged counts over documents."""

    def __init__(self):
        self.gold = self.pred = self.match = self.cls = 0
        self.misses = collections.Counter()
        self.false = collections.Counter()
        self.confusion = collections.Counter()
        self.matrix = collections.Counter()  # (gold class or "-", predicted class or "-")
        self.confused_words = collections.Counter()  # (gold, predicted, word)

    def add(self, gold, pred) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        taken = set()
        by_start = sorted(range(len(gold)), key=lambda k: gold[k][0])
        for ps, pe, pcls, ptext in pred:
            hit = next(
                (k for k in by_start if k not in taken and gold[k][0] < pe and ps < gold[k][1]),
                None,
            )
            if hit is None:
                self.false[ptext.lower()] += 1
                self.matrix[("-", pcls)] += 1
                continue
            taken.add(hit)
            self.match += 1
            self.matrix[(gold[hit][2], pcls)] += 1
            if gold[hit][2] == pcls:
                self.cls += 1
            else:
                self.confusion[(gold[hit][2], pcls)] += 1
                self.confused_words[(gold[hit][2], pcls, ptext.lower())] += 1
        for k, (_, _, cls, text) in enumerate(gold):
            if k not in taken:
                self.misses[text.lower()] += 1
                self.matrix[(cls, "-")] += 1

    def print_matrix(self) -> None:
        classes = [
            "OCCURRENCE",
            "REPORTING",
            "STATE",
            "I_ACTION",
            "I_STATE",
            "ASPECTUAL",
            "PERCEPTION",
            "-",
        ]
        print("gold/pred".ljust(11) + "".join(f"{c[:8]:>9}" for c in classes))
        for g in classes:
            print(f"{g[:10]:<11}" + "".join(f"{self.matrix[(g, p)]:>9}" for p in classes))

    @staticmethod
    def _f(num, pred, gold):
        p = num / pred if pred else 0.0
        r = num / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self) -> dict:
        p, r, f = self._f(self.match, self.pred, self.gold)
        cp, cr, cf = self._f(self.cls, self.pred, self.gold)
        return {
            "gold": self.gold,
            "pred": self.pred,
            "P": p,
            "R": r,
            "F1": f,
            "class_P": cp,
            "class_R": cr,
            "class_F1": cf,
            "class_acc": self.cls / self.match if self.match else 0.0,
        }


def _without_lemminflect() -> None:
    """Swap the dictionary look-ups of the event stage for word-ending rules."""
    import types

    from timeline import classes, lexicon, mentions, tagger

    def lemmas(word):
        pos, _, lemma = lexicon.analyze_morphology(word.lower())
        names = {"N": "NOUN", "V": "VERB", "ADJ": "ADJ", "ADV": "ADV"}
        return {names[p]: (lemma if p == "V" else word,) for p in pos}

    def inflections(lemma, upos=None):
        return {"VB": (lemma,), "VBP": (lemma,)}

    fake = types.SimpleNamespace(
        getAllLemmas=lemmas,
        getAllInflections=inflections,
        getAllLemmasOOV=lambda w, upos: {upos: (w,)},
    )
    lexicon.analyze = tagger.analyze = mentions.analyze = lexicon.analyze_morphology
    classes.lemminflect = fake
    classes.noun_event.cache_clear()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus",
        help="folder holding TimeBank/ and AQUAINT/ (default ../shared/corpora/tbaq-cleaned)",
    )
    parser.add_argument(
        "--pipeline",
        action="store_true",
        help="score build_timeline rows instead of events.extract",
    )
    parser.add_argument(
        "--errors", help="write frequent misses, false positives and class confusions here"
    )
    parser.add_argument("--confusion", action="store_true", help="print the class confusion matrix")
    parser.add_argument("--no-floors", action="store_true", help="do not compare with the floors")
    parser.add_argument(
        "--no-lemminflect",
        action="store_true",
        help="measure without the lemminflect dictionary (word endings and rule lemmas only)",
    )
    args = parser.parse_args(argv)
    if args.no_lemminflect:
        _without_lemminflect()
    parts = tml.tbaq_documents(args.corpus)
    if not parts:
        print(f"no TimeML corpus found at {args.corpus or tml.TBAQ}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    scores = {name: Score() for name in parts}
    both = Score()
    chars = 0
    for name, docs in parts.items():
        for doc in docs:
            gold = [(e.start, e.end, e.attrs.get("class", ""), e.text) for e in doc.events]
            pred = predict(doc, args.pipeline)
            scores[name].add(gold, pred)
            both.add(gold, pred)
            chars += len(doc.text)
    seconds = time.perf_counter() - started
    rows = {**{name: s.row() for name, s in scores.items()}, "both": both.row()}
    print(
        f"Event detection on TimeBank + AQUAINT ({'build_timeline' if args.pipeline else 'events.extract'}; "
        f"{chars:,} characters in {seconds:.1f} s)"
    )
    print(
        f"{'part':<10} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'clsP':>6} {'clsR':>6} {'clsF1':>6} {'clsAcc':>6}"
    )
    for name, row in rows.items():
        print(
            f"{name:<10} {row['gold']:>6} {row['pred']:>6} {row['P']:>6.3f} {row['R']:>6.3f} {row['F1']:>6.3f} "
            f"{row['class_P']:>6.3f} {row['class_R']:>6.3f} {row['class_F1']:>6.3f} {row['class_acc']:>6.3f}"
        )
    print(
        "anchor: TempEval-3 best (ATT-1) event F1 0.81, class F1 0.72; target F1 >= 0.84, class F1 >= 0.75"
    )
    if args.confusion:
        both.print_matrix()
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            out.write("# misses (gold events not found)\n")
            for word, n in both.misses.most_common(300):
                out.write(f"{n}\t{word}\n")
            out.write("\n# false positives\n")
            for word, n in both.false.most_common(300):
                out.write(f"{n}\t{word}\n")
            out.write("\n# class confusions (gold, predicted)\n")
            for (g, p), n in both.confusion.most_common():
                out.write(f"{n}\t{g}\t{p}\n")
            out.write("\n# confused words (count, gold, predicted, word)\n")
            for (g, p, word), n in both.confused_words.most_common(300):
                out.write(f"{n}\t{g}\t{p}\t{word}\n")
    if args.no_floors:
        return 0
    return floors.check("events", rows["both"])


if __name__ == "__main__":
    sys.exit(main())
