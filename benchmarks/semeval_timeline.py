"""Entity-timeline benchmark: SemEval-2015 Task 4 ("TimeLine") trial data.

Usage:
    python -m benchmarks.semeval_timeline [--corpus PATH] [--show ENTITY_FILE]
        [--errors [ENTITY_FILE]] [--no-floors]

Runs ``timeline.build_timeline`` on the 30 trial articles (text rebuilt from the
tokens, publication date = DCT), then ``filter_entity`` + ``to_semeval`` for each
of the 6 gold entities, and scores the timelines with the task's temporal
awareness (``timeline.awareness``), micro-averaged. Rows:

* ``A raw text``: the whole pipeline (Track A);
* ``B~ gold events``: our events restricted to the tokens the task annotates as
  events (the Track B input), entity selection and dating ours;
* ``oracle selection``: our events whose trigger is a mention of that entity's
  gold timeline (perfect detection and selection): dating and ordering only.

The loss split adds gold information one step at a time, so the next bottleneck shows:
``A + gold dates`` (our selection, every gold mention at its gold date, extras at ours,
positions by date), ``perfect selection`` (the oracle row), ``... + gold dates`` (the oracle
mentions at their gold dates, positions by date) and ``... + gold order`` (the oracle mentions
on their gold lines: what is left is detection). Entity attribution prints, over the gold
mentions of all timelines, the share ``filter_entity`` selects, the share detected (a frame
event on the token) but not attributed, and the share not detected; and selection precision
(selected events that are gold mentions of that entity, of all selected events, and of those
on tokens the task annotates as events).

Events are dated by ``to_semeval(..., published=..., texts=...)``: the dates
written in their sentences, the narrative date, publication for present events,
undated past events just before their article's publication (as the task's
annotators anchor them). After the tables, the Track A errors of each timeline
are counted (gold mentions with the right date, a wrong date, not selected, not
detected; system mentions not in gold); ``--errors`` lists each one with the
event's class, tense, bounds and rule.

Mention ids: the benchmark maps each event's trigger offsets to the corpus
tokens it overlaps and names it ``docid-sentence-tokenindex``; gold mentions
(``docid-sentence-word``) are resolved to the same form by finding the word in
the sentence. A system trigger that overlaps any token of a gold mention takes
that mention's id (as the official TimeML normalizer aligns entities).

The scorer (``timeline.awareness``) is rebuilt from the task's description;
where the description leaves a choice open, the last table shows the other
readings: ORDER 0 as unordered events instead of the first position, and the
reduction that agrees best with the other graph instead of the default "star"
one (each event SIMULTANEOUS with its date, BEFORE between dates). Two
baselines on the gold mentions show what each reading rewards: every event at
its article's publication date, and every event lumped on one line (high only
under "best", which is why it is not the default); and the events of our own Track
A and B~ timelines at their articles' publication dates (what our dating and
ordering add). Floors apply to the default.

Anchors on the official test data: best Track A 7.85, best Track B 25.36, a
later system 28.6. Exits 1 below the floors of
benchmarks/floors/semeval_timeline.json.
"""

from __future__ import annotations

#: run by `python -m benchmarks` in CI
CI_BENCHMARK = True

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

import timeline
from benchmarks import floors, semeval_data
from benchmarks.awareness import awareness, micro_awareness, parse_semeval


class Aligner:
    """Maps gold mentions and system triggers of one corpus to ``doc-sentence-index`` ids."""

    def __init__(self, docs, gold_docs=None):
        self.docs = {d.doc_id: d for d in docs}
        gold_docs = {d.doc_id: d for d in (gold_docs or [])}
        self.token_owner: dict[tuple[str, int, int], str] = {}  # token -> canonical gold id
        self.gold_ids: dict[str, str] = {}  # 'doc-sent-word' -> canonical id
        self.event_tokens: set[tuple[str, int, int]] = set()  # tokens the task annotates as events
        for doc_id, doc in gold_docs.items():
            raw = self.docs.get(doc_id)
            for token in doc.tokens:
                if token.event and raw is not None:
                    hit = self._find(raw, token.sentence, [token.text], prefer=None)
                    if hit is not None:
                        self.event_tokens.add((doc_id, token.sentence, hit))

    @staticmethod
    def _find(doc, sentence, words, prefer):
        tokens = doc.sentence_tokens(sentence)
        low = [t.text.lower() for t in tokens]
        first = words[0].lower()
        hits = [i for i, w in enumerate(low) if w == first]
        if not hits:
            return None
        full = [i for i in hits if [w.lower() for w in words] == low[i : i + len(words)]]
        pool = full or hits
        if prefer:
            preferred = [i for i in pool if prefer(i)]
            pool = preferred or pool
        return pool[0]

    def gold(self, mention: str) -> str:
        """Canonical id of a gold mention (the mention itself when it cannot be found)."""
        if mention in self.gold_ids:
            return self.gold_ids[mention]
        doc_id, sentence, word = semeval_data.split_mention(mention)
        doc = self.docs.get(doc_id)
        ident = mention
        if doc is not None:
            words = word.split("_")
            index = self._find(
                doc, sentence, words, prefer=lambda i: (doc_id, sentence, i) in self.event_tokens
            )
            if index is not None:
                ident = f"{doc_id}-{sentence}-{index}"
                tokens = doc.sentence_tokens(sentence)
                span = [index] + [
                    j
                    for j in range(index + 1, len(tokens))
                    if j - index < len(words) and tokens[j].text.lower() == words[j - index].lower()
                ]
                for j in span:
                    self.token_owner.setdefault((doc_id, sentence, j), ident)
        self.gold_ids[mention] = ident
        return ident

    def system(self, row) -> str | None:
        """Canonical id of a system event from its trigger offsets."""
        doc = self.docs.get(str(row["article_id"]))
        if doc is None:
            return None
        tokens = doc.tokens_in(int(row["trigger_start"]), int(row["trigger_end"]))
        if not tokens:
            return None
        for token in tokens:
            owner = self.token_owner.get((doc.doc_id, token.sentence, token.index))
            if owner:
                return owner
        return f"{doc.doc_id}-{tokens[0].sentence}-{tokens[0].index}"

    def is_event(self, row) -> bool:
        doc = self.docs.get(str(row["article_id"]))
        if doc is None:
            return False
        return any(
            (doc.doc_id, t.sentence, t.index) in self.event_tokens
            for t in doc.tokens_in(int(row["trigger_start"]), int(row["trigger_end"]))
        )


def gold_text(tl, aligner: Aligner) -> str:
    lines = [tl.entity]
    for order, date, mentions in tl.rows:
        lines.append(f"{order}\t{date}\t" + "\t".join(aligner.gold(m) for m in mentions))
    return "\n".join(lines) + "\n"


def _positions(text):
    """mention -> (order, date) of a timeline text."""
    _, rows = parse_semeval(text)
    return {m: (order, date) for order, date, ms in rows for m in ms}


def _same_date(a: str, b: str) -> bool:
    from benchmarks.awareness import time_node

    return time_node(a) == time_node(b)


def _describe(row, published) -> str:
    if row is None:
        return ""
    when = lambda v: "-" if v is None or v != v else str(v)[:10]
    return (
        f"{row['trigger']!r} {row['event_class']}/{row['kind']}/{row['modality']}/{row['tense']} "
        f"[{when(row['earliest'])}..{when(row['latest'])}] "
        f"{row['precision']}/{row['basis']}/{row['rule']}"
        f"{' timex=' + str(row['value']) if row['value'] == row['value'] and row['value'] else ''}"
        f" dct={published.get(str(row['article_id']))}"
    )


def error_analysis(name, system, gold, rows, selected, published, detail=False):
    """Counts (and with ``detail`` the mentions) of each kind of error of one timeline.

    Gold mentions: right date, wrong date (gold undated / system undated / other date or
    granularity), not selected (a frame event exists: filter_entity or the modality filter left
    it out), not detected (no frame event on the token). System mentions not in gold: extras
    (on a token the task annotates as an event, or not).
    """
    sys_pos, gold_pos = _positions(system), _positions(gold)
    counts: dict[str, int] = {}
    lines = []

    def count(kind, mention, text="", show=True):
        counts[kind] = counts.get(kind, 0) + 1
        if detail and show:
            lines.append(f"  {kind:<18}{mention:<16}{text}")

    for mention, (order, date) in sorted(gold_pos.items()):
        row = rows.get(mention)
        info = f"gold {order}/{date}  " + _describe(row, published)
        if mention in sys_pos:
            sdate = sys_pos[mention][1]
            if _same_date(sdate, date):
                count("right date", mention, show=False)
            elif date.startswith("X"):
                count("date: gold undated", mention, f"sys {sdate}  " + info)
            elif sdate.startswith("X"):
                count("date: sys undated", mention, info)
            else:
                count("date: other", mention, f"sys {sdate}  " + info)
        elif row is None:
            count("not detected", mention, info)
        elif mention in selected:
            count("dropped (modality)", mention, info)
        else:
            count("not selected", mention, info)
    for mention, (order, date) in sorted(sys_pos.items()):
        if mention not in gold_pos:
            row = rows.get(mention)
            count("extra", mention, f"sys {order}/{date}  " + _describe(row, published))
    summary = "  ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"{name:<22}{summary}")
    for line in lines:
        print(line)
    return counts


def placed(entity: str, items) -> str:
    """A timeline text from ``(key, date, mention)`` items: one line per (key, date), positions by
    ascending key, ``None`` keys at ORDER 0 (unordered)."""
    lines: dict[tuple, list[str]] = {}
    for key, date, mention in items:
        lines.setdefault((key, date), []).append(mention)
    keys = sorted({k for k, _ in lines if k is not None})
    position = {k: n for n, k in enumerate(keys, 1)}
    out = sorted((0 if k is None else position[k], date, ms) for (k, date), ms in lines.items())
    return f"{entity}\n" + "".join(f"{o}\t{d}\t" + "\t".join(ms) + "\n" for o, d, ms in out)


def with_gold_dates(system: str, gold: str, gold_order: bool = False) -> str:
    """The system's mentions, each gold mention at its gold date (and, with ``gold_order``, on
    its gold line); other mentions keep the system's date. Positions follow the dates (or the
    gold ORDER): undated mentions are unordered."""
    entity, _ = parse_semeval(system)
    gold_pos = _positions(gold)
    items = []
    for mention, (order, date) in _positions(system).items():
        if mention in gold_pos:
            gorder, date = gold_pos[mention]
            if gold_order:
                items.append((gorder or None, date, mention))
                continue
        items.append((None if date.startswith("X") else date.replace("X", "0"), date, mention))
    return placed(entity, items)


def attribution(shown, selected, rows_by_id, aligner_events) -> dict:
    """Entity attribution over all gold timelines: selected / detected but not attributed / not
    detected shares of the gold mentions, and selection precision."""
    counts = dict(gold=0, selected=0, detected_only=0, undetected=0, sel=0, sel_gold=0)
    counts.update(sel_events=0, sel_events_gold=0)
    for name, (_, gold) in shown.items():
        gold_ids = set(_positions(gold))
        chosen = selected[name]
        for mention in gold_ids:
            counts["gold"] += 1
            if mention in chosen:
                counts["selected"] += 1
            elif mention in rows_by_id:
                counts["detected_only"] += 1
            else:
                counts["undetected"] += 1
        for mention in chosen:
            counts["sel"] += 1
            counts["sel_gold"] += mention in gold_ids
            if mention in aligner_events:
                counts["sel_events"] += 1
                counts["sel_events_gold"] += mention in gold_ids
    share = lambda a, b: counts[a] / counts[b] if counts[b] else 0.0
    return {
        "gold": counts["gold"],
        "selected_share": share("selected", "gold"),
        "detected_not_attributed": share("detected_only", "gold"),
        "not_detected": share("undetected", "gold"),
        "selected": counts["sel"],
        "selection_precision": share("sel_gold", "sel"),
        "selection_precision_events": share("sel_events_gold", "sel_events"),
    }


def table(title, scores):
    print(f"\n{title}")
    print(f"{'timeline':<22}{'sys rel':>8}{'gold rel':>9}{'P':>7}{'R':>7}{'F1':>7}")
    for name, s in scores:
        print(
            f"{name:<22}{s['p_total']:>8}{s['r_total']:>9}{s['precision']:>7.1f}{s['recall']:>7.1f}{s['f1']:>7.1f}"
        )


def cross_article_links(frame, golds, aligner) -> dict:
    """Score the cross-article links build_timeline proposes (``same_as``) against the gold
    timelines.

    A link is judged when both of its mentions are gold mentions (of any timeline), and correct
    when they share a gold line. A group counts every pair of its members, so coverage is the
    share of the gold pairs (mentions on one line from different articles) inside one group.
    """
    line_of: dict[str, set] = {}
    gold_pairs = set()
    for number, gold in enumerate(golds):
        for k, line in enumerate(gold.split("\n")[1:]):
            ids = sorted(set(line.split("\t")[2:]))
            for mention in ids:
                line_of.setdefault(mention, set()).add((number, k))
            gold_pairs |= {
                (a, b)
                for i, a in enumerate(ids)
                for b in ids[i + 1 :]
                if a.split("-")[0] != b.split("-")[0]
            }
    system = {row["event_id"]: aligner.system(row) for _, row in frame.iterrows()}
    groups: dict[str, set] = {}
    for event_id, same_as in zip(frame["event_id"], frame["same_as"]):
        if isinstance(same_as, str):
            groups.setdefault(same_as, {system[same_as]}).add(system[event_id])
    proposed = sum(len(members) - 1 for members in groups.values())
    judged = correct = 0
    for head, members in groups.items():
        for mention in members - {system[head]}:
            if mention in line_of and system[head] in line_of:
                judged += 1
                correct += bool(line_of[mention] & line_of[system[head]])
    covered = sum(
        1
        for a, b in gold_pairs
        if any(a in members and b in members for members in groups.values())
    )
    return {
        "proposed": proposed,
        "judged": judged,
        "correct": correct,
        "gold": len(gold_pairs),
        "covered": covered,
        "precision": correct / judged if judged else 0.0,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", help="the trial folder (default ../shared/corpora/semeval2015-task4-trial)"
    )
    parser.add_argument(
        "--show", help="print the system and gold timelines of this gold file (e.g. steve_jobs)"
    )
    parser.add_argument(
        "--errors",
        nargs="?",
        const="all",
        metavar="TIMELINE",
        help="list every error of Track A (of all timelines, or of one gold file)",
    )
    parser.add_argument(
        "--no-floors", action="store_true", help="report only; do not compare with the floors"
    )
    args = parser.parse_args(argv)
    root = Path(args.corpus) if args.corpus else semeval_data.TRIAL
    if not (root / semeval_data.RAW_DIR).is_dir():
        print(f"no SemEval-2015 Task 4 trial data at {root}; nothing to benchmark")
        return 0
    started = time.perf_counter()
    docs = semeval_data.read_corpus(root)
    gold_docs = semeval_data.read_corpus(root, gold_events=True)
    timelines = semeval_data.read_timelines(root)
    aligner = Aligner(docs, gold_docs)
    golds = {tl.name: gold_text(tl, aligner) for tl in timelines}

    articles = [timeline.Article(d.text, id=d.doc_id, title=d.title, published=d.dct) for d in docs]
    built = time.perf_counter()
    frame = timeline.build_timeline(articles)
    build_seconds = time.perf_counter() - built
    frame_b = frame[[aligner.is_event(r) for _, r in frame.iterrows()]]

    published = {d.doc_id: d.dct for d in docs}
    texts = {d.doc_id: d.text for d in docs}
    runs = {"A raw text": [], "B~ gold events": [], "oracle selection": []}
    shown, selected = {}, {}
    losses = {
        k: []
        for k in (
            "A raw text",
            "A + gold dates",
            "perfect selection",
            "perfect selection + gold dates",
            "... + gold order",
        )
    }
    for tl in timelines:
        gold = golds[tl.name]
        gold_ids = {i for line in gold.split("\n")[1:] for i in line.split("\t")[2:]}
        system_a = timeline.to_semeval(
            frame, tl.entity, mention=aligner.system, published=published, texts=texts
        )
        system_b = timeline.to_semeval(
            frame_b, tl.entity, mention=aligner.system, published=published, texts=texts
        )
        oracle_rows = frame[[aligner.system(r) in gold_ids for _, r in frame.iterrows()]]
        system_o = timeline.to_semeval(
            oracle_rows,
            tl.entity,
            mention=aligner.system,
            select=False,
            published=published,
            texts=texts,
        )
        for key, system in zip(runs, (system_a, system_b, system_o)):
            runs[key].append((tl.name, system, gold))
        losses["A raw text"].append((system_a, gold))
        losses["A + gold dates"].append((with_gold_dates(system_a, gold), gold))
        losses["perfect selection"].append((system_o, gold))
        losses["perfect selection + gold dates"].append((with_gold_dates(system_o, gold), gold))
        losses["... + gold order"].append((with_gold_dates(system_o, gold, gold_order=True), gold))
        shown[tl.name] = (system_a, gold)
        selected[tl.name] = {
            aligner.system(r)
            for _, r in timeline.filter_entity(frame, tl.entity, texts=texts).iterrows()
        }

    measured = {}
    print(
        f"SemEval-2015 Task 4 trial: {len(docs)} articles, {len(timelines)} gold timelines, "
        f"{len(frame)} events built in {build_seconds:.1f}s"
    )
    for key, items in runs.items():
        scores = [(name, awareness(system, gold)) for name, system, gold in items]
        micro = micro_awareness([(system, gold) for _, system, gold in items])
        table(key, scores + [("micro", micro)])
        measured[key] = micro["f1"]

    # two baselines on the gold mentions themselves: every event at its article's publication
    # date, and every event on one line (what a scorer that rewards lumping would like)
    def lumped(gold):
        entity, rows = parse_semeval(gold)
        return f"{entity}\n1\tXXXX-XX-XX\t" + "\t".join(m for _, _, ms in rows for m in ms) + "\n"

    def at_publication(gold):
        entity, rows = parse_semeval(gold)
        by_date: dict[str, list[str]] = {}
        for _, _, ms in rows:
            for m in ms:
                by_date.setdefault(published.get(m.split("-")[0]) or "XXXX-XX-XX", []).append(m)
        return f"{entity}\n" + "".join(
            f"{i}\t{d}\t" + "\t".join(v) + "\n"
            for i, (d, v) in enumerate(sorted(by_date.items()), 1)
        )

    runs["base: gold at DCT"] = [(n, at_publication(g), g) for n, _, g in runs["A raw text"]]
    runs["base: gold lumped"] = [(n, lumped(g), g) for n, _, g in runs["A raw text"]]
    # the same for our own selections: what our dating and ordering add over publication dates
    runs["base: A at DCT"] = [(n, at_publication(s), g) for n, s, g in runs["A raw text"]]
    runs["base: B~ at DCT"] = [(n, at_publication(s), g) for n, s, g in runs["B~ gold events"]]
    print(
        "\nReadings of the scorer (micro F1): reduction star (default) or best-agreeing;"
        " ORDER 0 first (default) or unordered"
    )
    print(f"{'run':<22}{'star':>8}{'star/isol':>11}{'best':>8}{'best/isol':>11}")
    for key, items in runs.items():
        pairs = [(system, gold) for _, system, gold in items]
        cells = [
            micro_awareness(pairs, u, r)["f1"]
            for r, u in (
                ("star", "first"),
                ("star", "isolated"),
                ("best", "first"),
                ("best", "isolated"),
            )
        ]
        print(f"{key:<22}" + "".join(f"{c:>{w}.1f}" for c, w in zip(cells, (8, 11, 8, 11))))
    print(
        "\nTrack A errors per timeline (gold mentions: right date / wrong date / not selected / "
        "not detected; system mentions not in gold: extra)"
    )
    rows_by_id: dict[str, object] = {}
    for _, row in frame.iterrows():
        rows_by_id.setdefault(aligner.system(row), row)
    totals: dict[str, int] = {}
    for name, (system, gold) in shown.items():
        detail = args.errors in ("all", name)
        for kind, n in error_analysis(
            name, system, gold, rows_by_id, selected[name], published, detail
        ).items():
            totals[kind] = totals.get(kind, 0) + n
    print(f"{'all':<22}" + "  ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    print("\nLoss split (micro F1, default reading): each row adds gold information")
    for key, pairs in losses.items():
        micro = micro_awareness(pairs)
        print(
            f"  {key:<32}{micro['f1']:>6.1f}  (P {micro['precision']:.1f}, R {micro['recall']:.1f})"
        )
    events_tokens = {aligner.system(r) for _, r in frame.iterrows() if aligner.is_event(r)}
    attr = attribution(shown, selected, rows_by_id, events_tokens)
    measured["attribution"] = attr
    print(
        f"\nEntity attribution ({attr['gold']} gold mentions): "
        f"selected {attr['selected_share']:.1%}, "
        f"detected but not attributed {attr['detected_not_attributed']:.1%}, not detected "
        f"{attr['not_detected']:.1%}; selection precision {attr['selection_precision']:.1%} of "
        f"{attr['selected']} selected "
        f"({attr['selection_precision_events']:.1%} on task event tokens)"
    )
    links = cross_article_links(frame, golds.values(), aligner)
    print(
        "\nCross-article links (merged_events proposals; "
        "gold: mentions on one line of a gold timeline, different articles): "
        f"{links['proposed']} proposed, {links['judged']} between gold mentions, "
        f"{links['correct']} correct (precision {links['precision']:.2f}); "
        f"they cover {links['covered']} of {links['gold']} gold cross-article pairs"
    )
    print(
        "Anchors (official test data): best Track A 7.85, best Track B 25.36, later system 28.6; "
        "target >= 30 (A)"
    )
    print(f"total {time.perf_counter() - started:.1f}s")
    if args.show:
        system, gold = shown[args.show]
        print(f"\n--- system {args.show}\n{system}--- gold\n{gold}")
    if args.no_floors:
        return 0
    return floors.check(
        "semeval_timeline",
        {
            "track_a_f1": measured["A raw text"],
            "track_b_f1": measured["B~ gold events"],
            "selected_share": measured["attribution"]["selected_share"],
            "selection_precision": measured["attribution"]["selection_precision"],
        },
    )


if __name__ == "__main__":
    sys.exit(main())
