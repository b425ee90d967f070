"""Would a trained classifier beat the class rules? A cross-validated check (diagnosis, not CI).

Usage:
    python -m benchmarks.class_cv [--corpus PATH] [--folds 5] [--epochs 5]

The event benchmark scores the TimeML class that ``timeline.classes`` decides by rule. This
script asks whether learning from the gold would do better on text it has not seen: an averaged
perceptron re-ranks the rule's class from features of each detected event (the rule's class,
lemma, word, role, tense, aspect, modality, neighbouring words and tags, whether the verb takes
an event argument or speech), trained on the gold classes of matched events. It is scored like
``benchmarks/events.py`` (class F1 over all predictions and all gold events), by document folds
(train on the others, test on one), and across corpora (train on TimeBank, test on AQUAINT, and
back). ``--margin`` lets the model override the rule only when it prefers another class by that
much. ``--drop`` also lets it drop a detected event the gold does not tag (a class "NONE"
learned from the unmatched detections), so detection precision can buy class F1; it then
reports event F1 too. Nothing here is used by the library; the numbers back the closing
note's claim that the rules sit at what these features allow. Takes about a minute.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

from benchmarks import tml
from timeline import events as event_stage
from timeline.events.classes import has_complement, speech_follows
from timeline.events.lexicon import proper_names, tokenize
from timeline.events.tagger import tag
from timeline.io import segment

CLASSES = ("OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION")
NONE = "NONE"  # with --drop: not an event in the gold
TEMPLATES = (
    "rule",
    "lemma",
    "word",
    ("lemma", "rule"),
    "role",
    ("role", "rule"),
    "tense",
    "aspect",
    "modality",
    ("lemma", "w+1"),
    ("lemma", "t+1"),
    "w+1",
    "t+1",
    "w-1",
    "t-1",
    ("t+1", "t+2"),
    ("w-1", "lemma"),
    ("complement", "lemma"),
    ("speech", "lemma"),
    "complement",
    "speech",
    ("rule", "t+1"),
    ("rule", "w+1"),
)


def _features(doc) -> list[tuple[tuple[int, int], dict]]:
    """(trigger span, feature values) of every event the extractor finds in a document."""
    spans = segment.sentences(doc.text)
    names = proper_names(doc.text)
    tagged: dict[int, list] = {}
    found = []
    for event in event_stage.extract(doc.text, spans):
        if event.sentence not in tagged:
            tagged[event.sentence] = tag(tokenize(doc.text, *spans[event.sentence]), names)
        tokens = tagged[event.sentence]
        i = next((k for k, t in enumerate(tokens) if t.start <= event.trigger_start < t.end), None)
        values = {
            "rule": event.event_class,
            "lemma": event.lemma or event.trigger.lower(),
            "role": event.role,
            "word": event.trigger.lower(),
            "tense": event.tense,
            "aspect": event.aspect,
            "modality": event.modality,
        }
        if i is not None:
            for offset in (-1, 1, 2):
                near = tokens[i + offset] if 0 <= i + offset < len(tokens) else None
                values[f"w{offset:+d}"] = near.lower if near else "<s>"
                values[f"t{offset:+d}"] = near.tag if near else "<s>"
            verb = tokens[i].tag == "V"
            values["complement"] = has_complement(tokens, i) if verb else None
            values["speech"] = speech_follows(tokens, i) if verb else None
        found.append(((event.trigger_start, event.trigger_end), values))
    return found


def _matched(gold, predicted):
    """Each prediction with the gold class it matches (first unmatched overlapping gold event)
    or None."""
    taken, order = set(), sorted(range(len(gold)), key=lambda k: gold[k][0])
    for (start, end), values in predicted:
        hit = next(
            (k for k in order if k not in taken and gold[k][0] < end and start < gold[k][1]), None
        )
        if hit is not None:
            taken.add(hit)
        yield values, (gold[hit][2] if hit is not None else None)


def _encode(values: dict) -> list[str]:
    return [
        ("|".join(t) + "=" + "|".join(str(values.get(x)) for x in t))
        if isinstance(t, tuple)
        else f"{t}={values.get(t)}"
        for t in TEMPLATES
    ]


def _train(rows, epochs: int, seed: int = 0, labels=CLASSES) -> dict:
    """Averaged perceptron weights (feature, class) -> weight."""
    weights, totals, step = collections.defaultdict(float), collections.defaultdict(float), 1
    rows = list(rows)
    shuffle = random.Random(seed)
    for _ in range(epochs):
        shuffle.shuffle(rows)
        for features, rule, gold in rows:
            guess = _predict(weights, features, rule, 0.0, labels)
            if guess != gold:
                for f in features:
                    weights[f, gold] += 1
                    weights[f, guess] -= 1
                    totals[f, gold] += step
                    totals[f, guess] -= step
            step += 1
    return {key: weights[key] - totals[key] / step for key in weights}


def _predict(weights, features, rule: str, margin: float, labels=CLASSES) -> str:
    scores = {c: sum(weights.get((f, c), 0.0) for f in features) for c in labels}
    best = max(labels, key=lambda c: (scores[c], c == rule))
    return best if scores[best] - scores.get(rule, 0.0) > margin else rule


def _class_f1(docs, model=None, margin: float = 0.0) -> float:
    predicted = gold = correct = 0
    for doc in docs:
        gold += len(doc["gold"])
        predicted += len(doc["events"])
        for values, truth in doc["matches"]:
            guess = (
                values["rule"]
                if model is None
                else _predict(model, _encode(values), values["rule"], margin)
            )
            correct += guess == truth
    p, r = correct / predicted, correct / gold
    return 2 * p * r / (p + r)


def _rows(docs, drop: bool = False):
    for doc in docs:
        for values, truth in doc["matches"]:
            if truth is not None or drop:
                yield _encode(values), values["rule"], truth or NONE


def _f1(correct: int, predicted: int, gold: int) -> float:
    p, r = correct / predicted, correct / gold
    return 2 * p * r / (p + r)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus",
        help="folder holding TimeBank/ and AQUAINT/ (default ../shared/corpora/tbaq-cleaned)",
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--margin", type=float, nargs="*", default=[0.0, 10.0, 20.0])
    parser.add_argument(
        "--drop", action="store_true", help="let the model also drop detected events (class NONE)"
    )
    args = parser.parse_args(argv)
    parts = tml.tbaq_documents(args.corpus)
    if not parts:
        print(f"no TimeML corpus found at {args.corpus or tml.TBAQ}; nothing to check")
        return 0
    started = time.perf_counter()
    docs = []
    for part, members in parts.items():
        for doc in members:
            gold = [(e.start, e.end, e.attrs.get("class", "")) for e in doc.events]
            events = _features(doc)
            docs.append(
                {
                    "part": part,
                    "gold": gold,
                    "events": events,
                    "matches": list(_matched(gold, events)),
                }
            )
    part_f1 = {
        part: _class_f1([d for d in docs if d["part"] == part]) for part in ("TimeBank", "AQUAINT")
    }
    print(
        f"class F1 of the rules: {_class_f1(docs):.3f} (TimeBank {part_f1['TimeBank']:.3f}, "
        f"AQUAINT {part_f1['AQUAINT']:.3f})"
    )
    for train_part, test_part in (("TimeBank", "AQUAINT"), ("AQUAINT", "TimeBank")):
        model = _train(_rows([d for d in docs if d["part"] == train_part]), args.epochs)
        test = [d for d in docs if d["part"] == test_part]
        print(
            f"trained on {train_part}, tested on {test_part}: rules {_class_f1(test):.3f}, "
            + ", ".join(
                f"model (margin {m:g}) {_class_f1(test, model, m):.3f}" for m in args.margin
            )
        )
    folds = [docs[k :: args.folds] for k in range(args.folds)]
    labels = CLASSES + (NONE,) if args.drop else CLASSES
    scored = {m: [] for m in args.margin}
    for k in range(args.folds):
        model = _train(
            _rows([d for j, fold in enumerate(folds) if j != k for d in fold], args.drop),
            args.epochs,
            labels=labels,
        )
        for m in args.margin:
            scored[m].extend((d, model) for d in folds[k])
    for m, pairs in scored.items():
        gold = sum(len(d["gold"]) for d, _ in pairs)
        guesses = [
            (_predict(model, _encode(v), v["rule"], m, labels), t)
            for d, model in pairs
            for v, t in d["matches"]
        ]
        kept = [(guess, truth) for guess, truth in guesses if guess != NONE]
        correct = sum(guess == truth for guess, truth in kept)
        line = (
            f"{args.folds}-fold by document, model (margin {m:g}): "
            f"class F1 {_f1(correct, len(kept), gold):.3f}"
        )
        if args.drop:
            found = sum(truth is not None for _, truth in kept)
            line += (
                f", event F1 {_f1(found, len(kept), gold):.3f} "
                f"(dropped {len(guesses) - len(kept)} of {len(guesses)} detections)"
            )
        print(line)
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
