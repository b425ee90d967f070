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

Those pairs understate a gold event whose every mention is missed (it has no detected mention to
pair with). ``--clusters N`` ranks the N gold events of the fitting half by the coreference pairs
among their mentions that detecting their missed ones would add (``n(n-1)/2 - d(d-1)/2`` for n
mentions, d of them detected), with their missed and detected words.

    python -m benchmarks.ecb_mentions [--corpus DIR] [--top 40] [--list odd|even] [--clusters N]
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


def misses(folder: Path, scored: set, detected: list | None = None) -> tuple[int, list[dict]]:
    """The number of gold mentions of a topic and its undetected ones, each with its words,
    the library's tags and deciding rules for them, whether a detected trigger is next to it,
    how many detected mentions of its gold event it would pair with (``pairs``) and that event
    (``event``: the topic and its gold cluster). Detected mentions are appended to ``detected``
    (words and event) when it is given."""
    total, out, parent, found = 0, [], {}, []
    seen = []
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
                seen.append({"words": " ".join(t.text for t in gold_tokens), "node": gold[m_id]})
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
        miss["event"] = (folder.name, _root(parent, miss.pop("node")))
        miss["pairs"] = events[miss["event"][1]]
    if detected is not None:
        for m in seen:
            detected.append({"words": m["words"], "event": (folder.name, _root(parent, m["node"]))})
    return total, out


def rank_clusters(missed: list[dict], detected: list[dict]) -> list[dict]:
    """Gold events with a missed mention, ranked by the coreference pairs among their mentions
    that detecting the missed ones would add: ``n(n-1)/2 - d(d-1)/2`` for an event of n mentions,
    d of them detected (a wholly missed event of 5 adds 10, where ``pairs`` counts it 0).

    Examples:
        >>> def m(words, topic, event):
        ...     return {"words": words, "event": (topic, event)}
        >>> missed = [m("blaze", "1", "a"), m("fire", "1", "a"), m("fire", "1", "a"),
        ...           m("quake", "2", "b")]
        >>> detected = [m("fired", "1", "c"), m("quake", "2", "b"), m("tremor", "2", "b")]
        >>> [(r["topic"], r["gain"], r["n"], r["detected"], r["missed"]) for r in
        ...  rank_clusters(missed, detected)]
        [('1', 3, 3, 0, [('fire', 2), ('blaze', 1)]), ('2', 2, 3, 2, [('quake', 1)])]
    """
    events: dict[tuple, dict] = {}
    for m, hit in [(m, False) for m in missed] + [(m, True) for m in detected]:
        row = events.setdefault(m["event"], {"missed": Counter(), "found": Counter()})
        row["found" if hit else "missed"][m["words"].lower()] += 1
    rows = []
    for (topic, _), row in events.items():
        if not row["missed"]:
            continue
        d = sum(row["found"].values())
        n = d + sum(row["missed"].values())
        rows.append(
            {
                "topic": topic,
                "gain": n * (n - 1) // 2 - d * (d - 1) // 2,
                "n": n,
                "detected": d,
                "missed": row["missed"].most_common(),
                "found": row["found"].most_common(),
            }
        )
    rows.sort(key=lambda r: (-r["gain"], r["topic"], r["missed"]))
    return rows


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
    parser.add_argument(
        "--clusters", type=int, default=0, help="rank this many gold events of the fitting half"
    )
    args = parser.parse_args(argv)
    root = ecb_root(args.corpus)
    if root is None:
        return 0
    scored = scored_sentences(root)
    topics = topic_folders(root)
    for name, parity in (("fit (odd)", 1), ("check (even)", 0)):
        total, missed, detected = 0, [], []
        for folder in topics:
            if int(folder.name) % 2 == parity:
                n, found = misses(folder, scored, detected)
                total, missed = total + n, missed + found
        if total:
            report(name, total, missed, args.top)
        if args.clusters and parity == 1:
            print("\n  gold events by the pairs detecting their missed mentions would add:")
            for r in rank_clusters(missed, detected)[: args.clusters]:
                print(
                    f"    {r['gain']:>4}  topic {r['topic']:>2}  {r['detected']}/{r['n']}  "
                    f"missed {r['missed'][:6]}  found {r['found'][:4]}"
                )
        if args.list and (args.list == "odd") == (parity == 1):
            for m in missed:
                print(
                    f"    {m['words']!r:<30} {m['pairs']:>3}  {' '.join(m['tags'])}  "
                    f"{' '.join(m['why'])}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
