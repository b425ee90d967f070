"""Event-detection benchmark: timeline.events.extract on TimeBank + AQUAINT (TempEval-3 style)
and on meantime-apple (precision and recall by part of speech).

Usage:
    python -m benchmarks.events [--corpus PATH] [--meantime PATH] [--pipeline] [--errors FILE]
        [--no-floors]

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

meantime-apple (MEANTIME's CAT XML, read with benchmarks/cat.py): MEANTIME annotates every event
mention only in the title and the first five sentences of an article (sentence numbers 0-5,
1 being the dateline); later sentences carry only the mentions that cross-document chains
needed, so only sentences 0-5 are scored. Gold mentions are EVENT_MENTIONs, with their ``pos``
(NOUN, VERB, OTHER); where MEANTIME leaves ``pos`` blank (about two in five), the part of speech
of the mention's first token is the library's own tagger's (a noun tag counts as NOUN). A
prediction is a noun when the library read it as an event nominal or a noun predicate. Recall
is by gold part of speech, precision by predicted part of speech; ``--meantime-errors`` lists
the missed and spurious nouns. The modality of matched mentions is compared with MEANTIME's
factuality (polarity NEG: negated; certainty POSSIBLE/PROBABLE: potential; a certain FUTURE
event: expected; a certain NON_FUTURE one: asserted; blank or underspecified ones left out).
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

from benchmarks import cat, floors, tml
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
        for e in event_stage.extract(doc.text, spans)
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


#: MEANTIME annotates every event mention in these sentences (title, dateline, first five).
MEANTIME_FULL_SENTENCES = range(6)


def _noun_role(event, tagged: dict) -> bool:
    """Whether a predicted trigger is a noun: an event nominal, or a noun after a copula."""
    return (
        event.role == "nominal"
        or event.role == "predicate"
        and tagged.get(event.trigger_start) == "N"
    )


def _gold_pos(doc, markable, tagged: dict) -> tuple[str, bool]:
    """MEANTIME's part of speech of a mention, and whether MEANTIME gave it (else our tagger's)."""
    pos = (markable.attrs.get("pos") or "").upper()
    if pos in ("NOUN", "VERB", "OTHER"):
        return pos, True
    first = doc.tokens_of(markable)[0]
    tag = tagged.get(first.start)
    return (
        "NOUN" if tag in ("N", "PROPN") else "OTHER" if tag in ("PRON", "DET") else "VERB"
    ), False


def _gold_modality(markable) -> str | None:
    """Our modality for a MEANTIME mention's factuality: polarity NEG -> negated, certainty
    POSSIBLE/PROBABLE -> potential, a certain FUTURE event -> expected, a certain NON_FUTURE one
    -> asserted; None when MEANTIME leaves it blank or underspecified.

    Examples:
        >>> mention = lambda **attrs: cat.Markable("1", "EVENT_MENTION", attrs)
        >>> _gold_modality(mention(certainty="CERTAIN", polarity="POS", time="FUTURE"))
        'expected'
        >>> _gold_modality(mention(certainty="POSSIBLE", polarity="POS", time="FUTURE"))
        'potential'
        >>> _gold_modality(mention(certainty="", polarity="", time="")) is None
        True
    """
    a = markable.attrs
    if a.get("polarity") == "NEG":
        return "negated"
    if a.get("certainty") in ("POSSIBLE", "PROBABLE"):
        return "potential"
    if a.get("certainty") == "CERTAIN" and a.get("polarity") == "POS":
        return {"FUTURE": "expected", "NON_FUTURE": "asserted"}.get(a.get("time"))
    return None


def meantime_scores(folder=None, errors=None) -> dict | None:
    """Event P/R/F1 on meantime-apple's fully annotated sentences, by part of speech."""
    from timeline.events.lexicon import proper_names, tokenize
    from timeline.events.tagger import tag

    folder = Path(folder) if folder else cat.MEANTIME_APPLE
    docs = cat.read_folder(folder) if folder.is_dir() else []
    if not docs:
        return None
    counts = collections.Counter()
    modality = collections.Counter()  # (gold modality, predicted modality) of matched mentions
    missed, spurious = collections.Counter(), collections.Counter()
    for doc in docs:
        full = [t for t in doc.tokens if t.sentence in MEANTIME_FULL_SENTENCES]
        limit = max(t.end for t in full)
        spans = [s for s in segment.sentences(doc.text) if s[0] < limit]
        names = proper_names(doc.text)
        tagged = {}
        for s_start, s_end in spans:
            for t in tag(tokenize(doc.text, s_start, s_end), names):
                tagged[t.start] = t.tag
        gold = []
        for m in doc.markables.values():
            if m.tag != "EVENT_MENTION" or not m.t_ids:
                continue
            toks = doc.tokens_of(m)
            if not toks or toks[0].sentence not in MEANTIME_FULL_SENTENCES:
                continue
            gold.append(([(t.start, t.end) for t in toks], _gold_pos(doc, m, tagged), m))
        pred = [
            (e.trigger_start, e.trigger_end, _noun_role(e, tagged), e)
            for e in event_stage.extract(doc.text, spans)
            if e.trigger_start < limit
        ]
        taken = set()
        for ps, pe, noun, e in pred:
            kind = "NOUN" if noun else "VERB"
            counts[("pred", kind)] += 1
            hit = next(
                (
                    k
                    for k, (toks, _, _) in enumerate(gold)
                    if k not in taken and any(s < pe and ps < en for s, en in toks)
                ),
                None,
            )
            if hit is None:
                if noun:
                    line = doc.text[max(0, ps - 60) : pe + 40].replace("\n", " / ")
                    spurious[f"{e.trigger.lower()} ... {line}"] += 1
                continue
            taken.add(hit)
            counts[("pred_ok", kind)] += 1
            counts[("gold_ok", gold[hit][1][0])] += 1
            expected_modality = _gold_modality(gold[hit][2])
            if expected_modality:
                modality[(expected_modality, e.modality)] += 1
            if gold[hit][1] == ("NOUN", True):
                counts[("gold_ok", "NOUN labelled")] += 1
        for k, ((toks, (pos, labelled), m)) in enumerate(gold):
            counts[("gold", pos)] += 1
            if pos == "NOUN" and labelled:
                counts[("gold", "NOUN labelled")] += 1
            if k not in taken and pos == "NOUN":
                s0, e0 = toks[0]
                line = doc.text[max(0, s0 - 60) : e0 + 40].replace("\n", " / ")
                missed[f"{doc.text[s0:e0].lower()} [{tagged.get(s0)}] ... {line}"] += 1
    if errors:
        with open(errors, "w", encoding="utf-8") as out:
            out.write("# missed nouns\n")
            for word, n in missed.most_common():
                out.write(f"{n}\t{word}\n")
            out.write("\n# spurious nouns\n")
            for word, n in spurious.most_common():
                out.write(f"{n}\t{word}\n")
    rows = {}
    for pos in ("NOUN", "NOUN labelled", "VERB", "OTHER", "all"):
        keys = ("NOUN", "VERB", "OTHER") if pos == "all" else (pos,)
        gold = sum(counts[("gold", k)] for k in keys)
        gold_ok = sum(counts[("gold_ok", k)] for k in keys)
        pred = sum(counts[("pred", k)] for k in keys)
        pred_ok = sum(counts[("pred_ok", k)] for k in keys)
        p = pred_ok / pred if pred else 0.0
        r = gold_ok / gold if gold else 0.0
        rows[pos] = {
            "gold": gold,
            "pred": pred,
            "P": p,
            "R": r,
            "F1": 2 * p * r / (p + r) if p + r else 0.0,
        }
    rows["modality"] = dict(modality)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus",
        help="folder holding TimeBank/ and AQUAINT/ (default ../shared/corpora/tbaq-cleaned)",
    )
    parser.add_argument(
        "--meantime", help="meantime-apple corpus_apple folder (default ../shared/corpora/...)"
    )
    parser.add_argument("--meantime-errors", help="write missed and spurious MEANTIME nouns here")
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
        "Event detection on TimeBank + AQUAINT "
        f"({'build_timeline' if args.pipeline else 'events.extract'}; "
        f"{chars:,} characters in {seconds:.1f} s)"
    )
    print(
        f"{'part':<10} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'clsP':>6} {'clsR':>6} {'clsF1':>6} {'clsAcc':>6}"
    )
    for name, row in rows.items():
        print(
            f"{name:<10} {row['gold']:>6} {row['pred']:>6} "
            f"{row['P']:>6.3f} {row['R']:>6.3f} {row['F1']:>6.3f} "
            f"{row['class_P']:>6.3f} {row['class_R']:>6.3f} "
            f"{row['class_F1']:>6.3f} {row['class_acc']:>6.3f}"
        )
    print(
        "anchor: TempEval-3 best (ATT-1) event F1 0.81, class F1 0.72; "
        "target F1 >= 0.84, class F1 >= 0.75"
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
    meantime = meantime_scores(args.meantime, args.meantime_errors)
    table = meantime.pop("modality") if meantime is not None else {}
    scores_checked = dict(rows["both"])
    if meantime is None:
        print(f"no meantime-apple corpus at {args.meantime or cat.MEANTIME_APPLE}: skipped")
    else:
        print(
            "\nmeantime-apple, title and first five sentences (events.extract), by part of speech"
        )
        print(f"{'pos':<14} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for pos, row in meantime.items():
            if pos == "NOUN labelled":  # recall only: predictions are not split by labelling
                print(f"{'  pos=NOUN':<14} {row['gold']:>5} {'':>5} {'':>6} {row['R']:>6.3f}")
                continue
            print(
                f"{pos:<14} {row['gold']:>5} {row['pred']:>5} "
                f"{row['P']:>6.3f} {row['R']:>6.3f} {row['F1']:>6.3f}"
            )
        print("target: noun recall >= 0.70 with noun precision >= 0.90")
        names = ("asserted", "expected", "potential", "negated")
        right = sum(table.get((m, m), 0) for m in names)
        total = sum(table.values())
        print(
            "modality of matched mentions (MEANTIME factuality rows, ours columns; "
            f"agreement {right}/{total} = {right / total if total else 0:.3f})"
        )
        print(f"{'':<10}" + "".join(f"{m:>10}" for m in names))
        for g in names:
            print(f"{g:<10}" + "".join(f"{table.get((g, m), 0):>10}" for m in names))
        scores_checked.update(
            meantime_noun_P=meantime["NOUN"]["P"],
            meantime_noun_R=meantime["NOUN"]["R"],
            meantime_labelled_noun_R=meantime["NOUN labelled"]["R"],
            meantime_F1=meantime["all"]["F1"],
            meantime_modality_agreement=right / total if total else 0.0,
        )
    if args.no_floors:
        return 0
    return floors.check("events", scores_checked)


if __name__ == "__main__":
    sys.exit(main())
