"""Where the linking's missing recall is on ECB+'s fitting half (the odd ``ecbplus-dev`` topics).

Reads the fitting half only (the checking half's errors stay unread, so that it keeps checking).
Two counts, after ``merge.link`` with the stored weights:

- the MUC links missing: for every gold event split over several of the library's groups, each
  group but its largest is one missing link (as MUC counts them), classed by the best-placed pair
  between that group and the others (:data:`CLASSES`, best first): a gold mention the library
  does not detect, two mentions of different acts (the tables do not join them), a saying or a
  negated mention never compared, a pair kept apart (modality, dates, reports far apart), a pair
  below the threshold, or one above it whose groups' mean is not;
- the missed coreferent pairs between detected mentions, by the same classes, within one
  article or across two, and in one story (``merge.stories_of``) or not.

    python -m benchmarks.stories_errors [--corpus DIR] [--examples CLASS]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from benchmarks import stories
from benchmarks.stories_fit import prepare
from timeline.stories import merge

CI_BENCHMARK = False

#: The classes of a missed link, best placed first: the class of a missing MUC link is the best
#: of the pairs between its group and the gold event's other groups.
CLASSES = (
    "scored above the threshold, groups apart",
    "scored 0.2 to the threshold",
    "scored 0.1 to 0.2",
    "scored below 0.1",
    "kept apart",
    "beyond the article window",
    "different acts",
    "not compared (saying, negated)",
)


def muc_missing(groups: dict) -> int:
    """The MUC links a gold event misses: its number of response groups less one.

    ``groups`` maps each response group of the event's mentions to them.

    Examples:
        >>> muc_missing({"a": [1, 2], "b": [3], "c": [4]})
        2
    """
    return max(0, len(groups) - 1)


def _classify(first: str, second: str, info: dict, table: dict, vectors: list) -> tuple:
    """(class, p) of one pair of rows that stand for one gold event."""
    weights = table["weights"]
    if first not in info or second not in info:
        return CLASSES[7], None
    (act_a, k_a, a), (act_b, k_b, b) = info[first], info[second]
    if act_a != act_b:
        return CLASSES[6], None
    # one article's mentions of an act are adjacent in its bucket, in text order
    if a.article == b.article and abs(k_a - k_b) > table["same_article_window"]:
        return CLASSES[5], None
    similarity = (
        1.0 if a.article == b.article else merge._cosine(vectors[a.article], vectors[b.article])
    )
    found = merge.features(a, b, similarity, table)
    if found is None:
        return CLASSES[4], None
    p = merge.probability(found, weights)
    if p >= weights["threshold"]:
        return CLASSES[0], p
    return (CLASSES[1] if p >= 0.2 else CLASSES[2] if p >= 0.1 else CLASSES[3]), p


def _topic_errors(topic: dict, table: dict, muc: Counter, pairs: Counter, examples: dict) -> None:
    """Add one prepared topic's missing MUC links and missed pairs to the counters."""
    records = merge.link(topic["records"], published=topic["published"])
    rows = {row["event_id"]: row for article in records for row in article}
    head = {
        e: row["same_as"] if isinstance(row.get("same_as"), str) else e for e, row in rows.items()
    }
    info = {}
    for act, mentions, _ in merge.scored_pairs(topic["records"], topic["published"]):
        for k, m in enumerate(mentions):
            info[m.row["event_id"]] = (act, k, m)
    vectors = merge._article_vectors(topic["records"], table)
    gold, row_of = topic["gold"], topic["row_of"]
    members = defaultdict(list)
    for key, event in gold.items():
        members[event].append(key)
    for keys in members.values():
        groups = defaultdict(list)
        for key in keys:
            groups[head[row_of[key]] if key in row_of else ("alone", key)].append(key)
        ordered = sorted(groups.values(), key=len, reverse=True)
        for group in ordered[1 : 1 + muc_missing(groups)]:
            best = None
            for one in (k for k in group if k in row_of):
                for other in (k for g in ordered if g is not group for k in g if k in row_of):
                    label, _ = _classify(row_of[one], row_of[other], info, table, vectors)
                    where = "within" if one[0] == other[0] else "across"
                    best = min(best or (99,), (CLASSES.index(label), where, label))
            muc[(best[1], best[2]) if best else ("-", "undetected")] += 1
    event_of = {}
    for key, event_id in row_of.items():
        event_of.setdefault(event_id, gold[key])
    ids = sorted(event_of)
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            if event_of[first] != event_of[second] or head[first] == head[second]:
                continue
            label, p = _classify(first, second, info, table, vectors)
            a, b = info.get(first), info.get(second)
            story = "?" if not (a and b) else "one story" if a[2].story == b[2].story else "two"
            across = rows[first]["article_id"] != rows[second]["article_id"]
            kind = ("across" if across else "within", story, label)
            pairs[kind] += 1
            examples.setdefault(label, []).append((rows[first]["trigger"], rows[second]["trigger"]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="the ecbplus-dev folder")
    parser.add_argument("--examples", type=int, default=0, help="show N trigger pairs per class")
    args = parser.parse_args(argv)
    root = stories.ecb_root(args.corpus)
    if root is None:
        return 0
    scored = stories.scored_sentences(root)
    folders = [f for f in stories.topic_folders(root) if int(f.name) % 2 == 1]
    table = merge.rules()
    muc, pairs, examples = Counter(), Counter(), {}
    for folder in folders:
        _topic_errors(prepare(folder, scored), table, muc, pairs, examples)
    print(f"fitting half ({len(folders)} odd topics): {sum(muc.values())} MUC links missing")
    for (where, label), n in muc.most_common():
        print(f"{n:7,}  {where:<7}{label}")
    print(f"\nmissed coreferent pairs between detected mentions: {sum(pairs.values()):,}")
    for (where, story, label), n in pairs.most_common():
        print(f"{n:7,}  {where:<7}{story:<10}{label}")
    for label, found in examples.items() if args.examples else ():
        common = Counter((a.lower(), b.lower()) for a, b in found)
        print(
            f"\n{label}: "
            + "; ".join(f"{a}/{b} {n}" for (a, b), n in common.most_common(args.examples))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
