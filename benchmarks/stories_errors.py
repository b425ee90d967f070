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

With ``--vetoes N``, every missed coreferent pair across articles that is kept apart, or scored
above the threshold while its groups stay apart, is traced to the veto that keeps it apart
(:func:`veto`: the pair itself, or a pair between the two groups): which feature (modality,
saying, dates, reports far apart), both mentions' modality, kind, tense, date expression, bounds
and the rule that dated them; the vetoes are counted by class, with N examples each.

    python -m benchmarks.stories_errors [--corpus DIR] [--examples N] [--vetoes N]
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


#: Why :func:`merge.features` keeps two mentions apart, in the order it checks.
VETOES = ("modality", "saying", "dates", "far apart")


def veto(a: merge.StoryMention, b: merge.StoryMention, table: dict) -> str | None:
    """Which of :data:`VETOES` keeps two mentions of one act apart, or None (``features`` scores
    them). The checks are those of :func:`merge.features`, in its order.

    Examples:
        >>> import pandas as pd
        >>> row = dict(trigger="met", lemma="meet", kind="action", event_class="OCCURRENCE",
        ...            modality="asserted", tense="past", aspect="none", basis="inferred",
        ...            timex=None, trigger_start=4, start=0, actors=["Ruiz"], text="Ruiz met Lee",
        ...            earliest=pd.NaT, latest=pd.Timestamp("2025-02-01"))
        >>> table = merge.rules()
        >>> mention = lambda row, k: merge._mention(row, k, 0, table["stopwords"], set(), table)
        >>> veto(mention(row, 0), mention(dict(row, modality="expected"), 1), table)
        'modality'
        >>> feb, march = pd.Timestamp("2025-02-01"), pd.Timestamp("2025-03-01")
        >>> veto(mention(dict(row, earliest=feb), 0),
        ...      mention(dict(row, earliest=march, latest=march), 1), table)
        'dates'
        >>> veto(mention(row, 0), mention(row, 1), table) is None
        True
    """
    found = merge.features(a, b, 1.0 if a.article == b.article else 0.0, table)
    if found is merge.DATES_APART:
        return VETOES[2]
    if found is not None:
        return None
    families = table["modality_families"]
    if families[a.row["modality"]] != families[b.row["modality"]]:
        return VETOES[0]
    actors = a.actors and b.actors and merge._shared_actors(a, b)[0]
    if (a.saying or b.saying) and not (actors and a.article != b.article and a.story == b.story):
        return VETOES[1]
    if not (a.low <= b.high and b.low <= a.high):
        if (max(a.low - b.high, b.low - a.high)) // (86_400 * 10**9) > table["near_gap_days"]:
            return VETOES[2]
    return VETOES[3]


def _side(row: dict, published, text: str) -> str:
    """One mention as a veto report shows it: trigger, modality, kind, tense, dating, and the
    article's text around its trigger."""
    at = row["trigger_start"]
    around = " ".join(text[max(0, at - 100) : at].split()[1:] + ["*"] + text[at : at + 60].split())
    bounds = merge._span(row)
    timex = f" '{row['timex']}'={row['value']}" if row.get("timex") else ""
    return (
        f"{row['event_id']} '{row['trigger']}' {row['modality']}/{row['kind']}/{row['tense']}"
        f" [{row['trigger_rule']}] {bounds} by {row['basis']}:{row['rule']}{timex}"
        f" pub {published}\n        | {around}"
    )


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
    if found is None or found is merge.DATES_APART:
        return CLASSES[4], None
    p = merge.probability(found, weights)
    if p >= weights["threshold"]:
        return CLASSES[0], p
    return (CLASSES[1] if p >= 0.2 else CLASSES[2] if p >= 0.1 else CLASSES[3]), p


def _topic_errors(
    topic: dict, table: dict, muc: Counter, pairs: Counter, examples: dict, vetoes: dict
) -> None:
    """Add one prepared topic's missing MUC links and missed pairs to the counters, and to
    ``vetoes`` (class -> [(missed pair, vetoed pair)]) what keeps each missed pair across articles
    apart."""
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
            if across and label in (CLASSES[0], CLASSES[4]):
                found = _vetoed(first, second, head, info, table)
                key = found[0] if found else "no veto (the groups' mean is below the threshold)"
                vetoes.setdefault(key, []).append(((first, second), found and found[1:], topic))


def _vetoed(first: str, second: str, head: dict, info: dict, table: dict) -> tuple | None:
    """(veto, mention, mention) that keeps two rows' groups apart: the pair itself when it is
    vetoed, else the first vetoed pair between the two groups; None when no pair is."""
    a, b = info[first][2], info[second][2]
    reason = veto(a, b, table)
    if reason:
        return reason, a, b
    one = [m for e, (_, _, m) in info.items() if head.get(e) == head[first]]
    two = [m for e, (_, _, m) in info.items() if head.get(e) == head[second]]
    for x in one:
        for y in two:
            if x.act == y.act and (reason := veto(x, y, table)):
                return reason, x, y
    return None


def _print_vetoes(vetoes: dict, n: int) -> None:
    """The vetoes by class: the missed pairs each keeps apart, the distinct vetoed pairs, and by
    what dated or read the two mentions (rule pairs), with ``n`` examples per class."""
    print("\nmissed coreferent pairs across articles, kept apart or in groups kept apart, by veto:")
    for reason, found in sorted(vetoes.items(), key=lambda kv: -len(kv[1])):
        distinct = {(id(f[0]), id(f[1])): f for _, f, _ in found if f}
        print(f"{len(found):7,}  {reason} ({len(distinct)} distinct vetoed pairs)")
        by_rule = Counter()
        for x, y in distinct.values():
            if reason == "modality":
                sides = (f"{m.row['modality']}/{m.row['kind']}/{m.row['tense']}" for m in (x, y))
            else:
                sides = (f"{m.row['basis']}:{m.row['rule']}" for m in (x, y))
            by_rule[" + ".join(sorted(sides))] += 1
        for rule, count in by_rule.most_common(8):
            print(f"{count:11,}  {rule}")
        topics = {(id(f[0]), id(f[1])): topic for _, f, topic in found if f}
        for key, (x, y) in list(distinct.items())[:n]:
            for lead, m in (("    - ", x), ("      ", y)):
                t = topics[key]
                print(f"{lead}{_side(m.row, t['published'][m.article], t['texts'][m.article])}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="the ecbplus-dev folder")
    parser.add_argument("--examples", type=int, default=0, help="show N trigger pairs per class")
    parser.add_argument("--vetoes", type=int, default=0, help="trace vetoes, N examples each")
    args = parser.parse_args(argv)
    root = stories.ecb_root(args.corpus)
    if root is None:
        return 0
    scored = stories.scored_sentences(root)
    folders = [f for f in stories.topic_folders(root) if int(f.name) % 2 == 1]
    table = merge.rules()
    muc, pairs, examples, vetoes = Counter(), Counter(), {}, {}
    for folder in folders:
        _topic_errors(prepare(folder, scored), table, muc, pairs, examples, vetoes)
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
    if args.vetoes:
        _print_vetoes(vetoes, args.vetoes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
