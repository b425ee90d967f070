"""Which gold action mentions of ECB+ (``ecbplus-dev``) the library does not detect, by class.

The mentions and the matching are those of :mod:`benchmarks.stories`: a gold ``ACTION_*`` /
``NEG_ACTION_*`` mention of a scored sentence is detected when the trigger of one of the
library's events overlaps any of its tokens (so a multiword gold span is detected through any
of its words: the matcher is no stricter than "head overlap"). Events come from
``events.extract`` on each article (the rows ``build_timeline`` gives are the same events).

For each half of the topics (odd topics fit, even topics check; the stories benchmark's split)
it prints the detection rate and the undetected mentions by class: the part of speech the
library's tagger gives the mention's last word (noun, name, adjective, verb, other), how many
are multiword, how many sit right next to a detected trigger (a span mismatch rather than a
miss), the rule that decided the word was no event, and the most frequent missed words. A miss
matters for the stories as far as its gold event has other, detected mentions: each one is a
gold coreference pair the miss would complete (``pairs``; a singleton event completes none), so
the classes and words are ranked by those pairs too.

    python -m benchmarks.ecb_mentions [--corpus DIR] [--top 40] [--list odd|even]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from benchmarks import cat
from benchmarks.stories import ecb_root, gold_mentions, scored_sentences, topic_folders
from timeline.events.extract import extract
from timeline.events.lexicon import proper_names, tokenize
from timeline.events.mentions import decide
from timeline.events.tagger import tag
from timeline.io import segment

CI_BENCHMARK = False

#: The class of a missed mention by the library's tag of its last word.
POS_CLASS = {"N": "noun", "PROPN": "name", "ADJ": "adjective", "V": "verb"}


def miss_class(tags: list[str]) -> str:
    """The class of an undetected mention from the library's tags of its words (the last one).

    Examples:
        >>> miss_class(["N"]), miss_class(["V", "PREP"]), miss_class(["PROPN"]), miss_class([])
        ('noun', 'other', 'name', 'other')
    """
    return POS_CLASS.get(tags[-1], "other") if tags else "other"


def _root(parent: dict, node: str) -> str:
    while parent.get(node, node) != node:
        node = parent[node]
    return node


def misses(folder: Path, scored: set) -> tuple[int, list[dict]]:
    """The number of gold mentions of a topic and its undetected ones, each with its words,
    the library's tags and deciding rules for them, whether a detected trigger is next to it,
    and how many detected mentions of its gold event it would pair with (``pairs``)."""
    total, out, parent, found = 0, [], {}, []
    for doc in cat.read_folder(folder):
        gold = gold_mentions(doc, scored, parent)
        if not gold:
            continue
        text = doc.text
        spans = segment.sentences(text)
        triggers = [(e.trigger_start, e.trigger_end) for e in extract(text, spans)]
        names = proper_names(text)
        tagged: dict[int, tuple] = {}
        for m_id in gold:
            total += 1
            gold_tokens = doc.tokens_of(doc.markables[m_id])

            def hit(toks) -> bool:
                return any(s < t.end and t.start < e for s, e in triggers for t in toks)

            if hit(gold_tokens):
                found.append(gold[m_id])
                continue
            start = gold_tokens[0].start
            k = next((k for k, (a, b) in enumerate(spans) if a <= start < b), None)
            miss = {"words": " ".join(t.text for t in gold_tokens), "n": len(gold_tokens)}
            miss["node"] = gold[m_id]
            miss.update(tags=[], why=[], adjacent=False)
            if k is not None:
                if k not in tagged:
                    tokens = tag(tokenize(text, *spans[k]), names)
                    tagged[k] = (tokens, decide(tokens)[1])
                tokens, why = tagged[k]
                idx = [
                    j
                    for j, t in enumerate(tokens)
                    if any(t.start < g.end and g.start < t.end for g in gold_tokens)
                ]
                miss["tags"] = [tokens[j].tag for j in idx]
                miss["why"] = [why.get(j) or "-" for j in idx]
                if idx:
                    near = [tokens[j] for j in (idx[0] - 1, idx[-1] + 1) if 0 <= j < len(tokens)]
                    miss["adjacent"] = hit(near)
            out.append(miss)
    events = Counter(_root(parent, node) for node in found)
    for miss in out:
        miss["pairs"] = events[_root(parent, miss.pop("node"))]
    return total, out


def report(name: str, total: int, missed: list[dict], top: int) -> None:
    """Print the detection rate and the classes of the undetected mentions of one half."""
    detected = total - len(missed)
    print(
        f"\n{name}: {total:,} gold action mentions, {detected:,} detected ({detected / total:.1%})"
    )
    classes, pairs = Counter(), Counter()
    for m in missed:
        classes[miss_class(m["tags"])] += 1
        pairs[miss_class(m["tags"])] += m["pairs"]
    print(
        "  undetected by part of speech (mentions/pairs they would complete): "
        + ", ".join(f"{k} {classes[k]}/{v}" for k, v in pairs.most_common())
    )
    print(
        f"  with a detected mention of their event {sum(m['pairs'] > 0 for m in missed)}, "
        f"pairs they would complete {sum(m['pairs'] for m in missed):,}"
    )
    print(
        f"  multiword {sum(m['n'] > 1 for m in missed)}, "
        f"next to a detected trigger {sum(m['adjacent'] for m in missed)}"
    )
    rules = Counter(m["why"][-1] if m["why"] else "-" for m in missed)
    print("  deciding rule: " + ", ".join(f"{k} {v}" for k, v in rules.most_common()))
    words = Counter(m["words"].lower() for m in missed)
    print("  most missed: " + ", ".join(f"{k} {v}" for k, v in words.most_common(top)))
    paired = Counter()
    for m in missed:
        paired[m["words"].lower()] += m["pairs"]
    print("  most pairs missed: " + ", ".join(f"{k} {v}" for k, v in paired.most_common(top) if v))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="the ecbplus-dev folder")
    parser.add_argument("--top", type=int, default=40, help="how many missed words to list")
    parser.add_argument("--list", choices=("odd", "even"), help="also list every miss of a half")
    args = parser.parse_args(argv)
    root = ecb_root(args.corpus)
    if root is None:
        return 0
    scored = scored_sentences(root)
    topics = topic_folders(root)
    for name, parity in (("fit (odd)", 1), ("check (even)", 0)):
        total, missed = 0, []
        for folder in topics:
            if int(folder.name) % 2 == parity:
                n, found = misses(folder, scored)
                total, missed = total + n, missed + found
        if total:
            report(name, total, missed, args.top)
        if args.list and (args.list == "odd") == (parity == 1):
            for m in missed:
                print(
                    f"    {m['words']!r:<30} {m['pairs']:>3}  {' '.join(m['tags'])}  "
                    f"{' '.join(m['why'])}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
