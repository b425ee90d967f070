"""Actor benchmark: who did it, against MEANTIME's PropBank agents (``meantime-apple``).

Usage:
    python -m benchmarks.actors [--corpus PATH] [--errors FILE] [--no-floors]

For every gold event mention with an ``Arg0`` participant (HAS_PARTICIPANT), the
``build_timeline`` row whose trigger overlaps the mention is scored (each document
dated by its DCT):

* **correct**: the head of one of the row's actors is the head of the gold agent, or
  of another non-pronoun mention of the same entity instance (REFERS_TO): a gold
  pronoun ("he", "it") counts only when the row names whom it refers to;
* **wrong**: actors given, none correct; **role confusion**: one of them is the
  event's ``Arg1`` (the patient or theme named as the actor);
* **empty**: no actor given;
* rows missing (no row's trigger overlaps the gold mention) are counted apart.

A head is the ``head`` attribute of a gold mention when the annotators gave one, else
its last word before a comma, a preposition or a relative pronoun (the tags of
:mod:`timeline.events.tagger`); a coordinated mention has one head per conjunct.
Accuracy is correct / (correct + wrong + empty). The same is printed for passive
triggers (a ``be`` auxiliary before a past participle, by the library's own tagger),
and for the gold agents that need coreference (pronouns and descriptions whose entity
has a name): the **mention-to-entity accuracy**.

Documents are split by name into two halves (even and odd positions in sorted order):
rules are tuned on the first half and reported on the second; both are printed.
Exits 1 when a score is below its floor in benchmarks/floors/actors.json.
"""

from __future__ import annotations

#: run by `python -m benchmarks` in CI
CI_BENCHMARK = True

import argparse
import collections
import datetime as dt
import sys
import time
from pathlib import Path

from benchmarks import cat, floors
from timeline.events.lexicon import tokenize
from timeline.events.tagger import tag

_CUT = ("PREP", "REL", "SUB", "PUNCT")


def _heads_of_text(text: str) -> set[str]:
    """Heads of a phrase: the last word of each conjunct before a comma or a preposition."""
    heads, part, cut = set(), [], False
    for tok in tag(tokenize(text)) + [None]:
        if tok is None or tok.tag == "CONJ":
            words = [t for t in part if t.tag != "POSSM"]
            if words:
                heads.add(words[-1].text.lower().rstrip("."))  # "Inc." and "Inc" alike
            part, cut = [], False
        elif tok.tag in _CUT and part:
            cut = True
        elif not cut:
            part.append(tok)
    return heads


class Gold:
    """The Arg0 cases of one document."""

    def __init__(self, doc: cat.Document):
        self.doc = doc
        instance_of: dict[str, str] = {}
        for rel in doc.relations:
            if rel.tag == "REFERS_TO":
                for source in rel.sources:
                    instance_of[source] = rel.targets[0]
        members = collections.defaultdict(list)
        for mention, instance in instance_of.items():
            members[instance].append(mention)
        self.instance_of = instance_of
        self.members = members
        args = collections.defaultdict(lambda: collections.defaultdict(list))
        for rel in doc.relations:
            if rel.tag == "HAS_PARTICIPANT" and rel.targets and rel.sources:
                args[rel.sources[0]][rel.attrs.get("sem_role", "")].append(rel.targets[0])
        self.cases = [(event, roles) for event, roles in args.items() if roles.get("Arg0")]
        #: events with a patient or theme and no agent: the passives among them test role confusion
        self.undergone = [
            (event, roles)
            for event, roles in args.items()
            if roles.get("Arg1") and not roles.get("Arg0")
        ]

    def event_words(self) -> tuple[set[str], int]:
        """The words the gold marks as event mentions and never as an entity mention's head,
        and where the annotated part of the text ends (MEANTIME annotates the first sentences)."""
        events, entities, end = set(), set(), 0
        for m_id, markable in self.doc.markables.items():
            span = self.doc.span(markable)
            if span is None:
                continue
            end = max(end, span[1])
            if markable.tag == "EVENT_MENTION":
                events.add(self.doc.text[span[0] : span[1]].lower())
            else:
                entities |= self.heads(m_id)
        return events - entities, end

    def text_of(self, m_id: str) -> str:
        span = self.doc.span(self.doc.markables[m_id])
        return self.doc.text[span[0] : span[1]] if span else ""

    def heads(self, m_id: str) -> set[str]:
        markable = self.doc.markables.get(m_id)
        if markable is None:
            return set()
        head = markable.attrs.get("head", "").strip()
        if head and markable.attrs.get("syntactic_type") != "CONJ":
            return {head.split()[-1].lower().rstrip(".")}
        return _heads_of_text(self.text_of(m_id))

    def pronoun(self, m_id: str) -> bool:
        markable = self.doc.markables.get(m_id)
        return markable is not None and markable.attrs.get("syntactic_type") == "PRO"

    def accepted(self, m_id: str) -> tuple[set[str], bool]:
        """Heads accepted for a gold participant, and whether it needs coreference."""
        accepted = set() if self.pronoun(m_id) else set(self.heads(m_id))
        instance = self.instance_of.get(m_id)
        named = set()
        for other in self.members.get(instance, []) if instance else []:
            if not self.pronoun(other):
                accepted |= self.heads(other)
                if self.doc.markables[other].attrs.get("syntactic_type") in ("NAM", "APP"):
                    named |= self.heads(other)
        if not accepted:
            accepted = self.heads(m_id)  # "others", "some": nobody named them
        syntactic = self.doc.markables[m_id].attrs.get("syntactic_type")
        needs = syntactic in ("PRO", "NOM") and bool(named) and not (self.heads(m_id) & named)
        return accepted, needs


def _passive(doc: cat.Document, start: int, end: int) -> bool:
    """A passive trigger: a past participle after a ``be`` auxiliary (the library's tags)."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", end)
    tokens = tag(tokenize(doc.text, line_start, line_end if line_end >= 0 else len(doc.text)))
    at = next((k for k, t in enumerate(tokens) if t.start <= start < t.end), None)
    if at is None or "VBN" not in tokens[at].forms:
        return False
    k = at - 1
    while k >= 0 and tokens[k].tag in ("ADV", "NEG"):
        k -= 1
    return k >= 0 and tokens[k].tag == "BE"


def _actor_heads(actors) -> set[str]:
    heads = set()
    for actor in actors:
        heads |= _heads_of_text(actor)
    return heads


class Score:
    def __init__(self):
        self.counts = collections.Counter()
        self.errors: list[str] = []

    def add(self, outcome: str, prefix: str = "") -> None:
        self.counts[prefix + outcome] += 1

    def rate(self, prefix: str = "") -> dict:
        c = self.counts
        scored = c[prefix + "correct"] + c[prefix + "wrong"] + c[prefix + "empty"]
        return {
            "scored": scored,
            "correct": c[prefix + "correct"],
            "wrong": c[prefix + "wrong"],
            "empty": c[prefix + "empty"],
            "confusion": c[prefix + "confusion"],
            "missing": c[prefix + "missing"],
            "accuracy": c[prefix + "correct"] / scored if scored else 0.0,
            "confusion_rate": c[prefix + "confusion"] / scored if scored else 0.0,
        }


def _published(doc: cat.Document):
    value = cat.creation_time(doc) or ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def score_document(doc: cat.Document, score: Score) -> None:
    import timeline

    gold = Gold(doc)
    frame = timeline.build_timeline(
        timeline.Article(doc.text, id=doc.doc_id or doc.name, published=_published(doc))
    )
    rows = list(zip(frame.trigger_start, frame.trigger_end, frame.actors, frame.trigger))
    for event, roles in gold.cases:
        span = doc.span(doc.markables[event])
        if span is None:
            continue
        row = next((r for r in rows if r[0] < span[1] and span[0] < r[1]), None)
        passive = _passive(doc, *span)
        coref = False
        accepted = set()
        for agent in roles["Arg0"]:
            heads, needs = gold.accepted(agent)
            accepted |= heads
            coref = coref or needs
        prefixes = [""] + (["passive_"] if passive else []) + (["coref_"] if coref else [])
        if row is None:
            for prefix in prefixes:
                score.add("missing", prefix)
            continue
        actors = list(row[2])
        got = _actor_heads(actors)
        patients = set()
        for patient in roles.get("Arg1", []):
            patients |= gold.accepted(patient)[0]
        if not actors:
            outcome = "empty"
        elif got & accepted:
            outcome = "correct"
        else:
            outcome = "wrong"
        for prefix in prefixes:
            score.add(outcome, prefix)
            if outcome == "wrong" and got & patients:
                score.add("confusion", prefix)
        if outcome != "correct":
            _error(
                score, doc, gold, span, outcome, roles, accepted, actors, got & patients, passive
            )
    for event, roles in gold.undergone:
        span = doc.span(doc.markables[event])
        if span is None or not _passive(doc, *span):
            continue
        row = next((r for r in rows if r[0] < span[1] and span[0] < r[1]), None)
        if row is None:
            continue
        patients = set()
        for patient in roles["Arg1"]:
            patients |= gold.accepted(patient)[0]
        score.add("agentless", "passive_")
        if _actor_heads(row[2]) & patients:
            score.add("undergoer_as_actor", "passive_")
            _error(score, doc, gold, span, "undergoer", roles, patients, list(row[2]), True, True)
    # an event named as who acted ("the phone call follows ...", "the talks ended"): every row
    # of the annotated part with an actor, whatever the gold says of its own event
    event_words, annotated_end = gold.event_words()
    for start, _, actors, _ in rows:
        if start >= annotated_end or not actors:
            continue
        score.add("with_actor")
        if any(actor.lower().split()[-1] in event_words for actor in actors):
            score.add("event_as_actor")


def _error(score, doc, gold, span, outcome, roles, accepted, actors, confused, passive) -> None:
    """Record one case that is not correct, with its sentence, for ``--errors``."""
    line = doc.text.rfind("\n", 0, span[0]) + 1
    end = doc.text.find("\n", span[1])
    agents = " | ".join(gold.text_of(a) for a in roles.get("Arg0") or roles.get("Arg1", []))
    score.errors.append(
        f"{outcome}{' (Arg1)' if confused else ''}{' passive' if passive else ''}"
        f"\t{doc.text[span[0] : span[1]]}\tgold {agents!r} {sorted(accepted)}"
        f"\tgot {actors}\t{doc.name}\t{doc.text[line:end][:300]}"
    )


def _print(name: str, score: Score) -> None:
    c = score.counts
    print(
        f"{name:<12} passives without an agent: {c['passive_agentless']:>3}, their undergoer "
        f"named as actor {c['passive_undergoer_as_actor']:>2}"
    )
    print(
        f"{name:<12} rows with an actor: {c['with_actor']:>4}, an event named as actor "
        f"{c['event_as_actor']:>3}"
    )
    for prefix, label in (("", "all"), ("passive_", "passives"), ("coref_", "coreference")):
        r = score.rate(prefix)
        print(
            f"{name:<12} {label:<12} n={r['scored']:>4}  accuracy {r['accuracy']:.3f}  "
            f"correct {r['correct']:>4}  wrong {r['wrong']:>3}  empty {r['empty']:>3}  "
            f"role confusion {r['confusion']:>2} ({r['confusion_rate']:.1%})  "
            f"no row {r['missing']:>3}"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=cat.MEANTIME_APPLE)
    parser.add_argument("--errors", type=Path, help="write every case not correct to this file")
    parser.add_argument("--no-floors", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus} not found: actors benchmark skipped")
        return 0
    started = time.perf_counter()
    docs = cat.read_folder(args.corpus)
    halves = {"tune": Score(), "report": Score()}
    total = Score()
    for k, doc in enumerate(docs):
        half = halves["tune" if k % 2 == 0 else "report"]
        score_document(doc, half)
    for half in halves.values():
        total.counts.update(half.counts)
        total.errors.extend(half.errors)
    print(f"actors on {len(docs)} meantime-apple documents (gold Arg0 events)")
    _print("tune half", halves["tune"])
    _print("report half", halves["report"])
    _print("all", total)
    print(f"{time.perf_counter() - started:.1f} s")
    if args.errors:
        args.errors.write_text("\n".join(sorted(total.errors)) + "\n", encoding="utf-8")
    if args.no_floors:
        return 0
    overall, coref = total.rate(), total.rate("coref_")
    return floors.check(
        "actors",
        {
            "accuracy": overall["accuracy"],
            "role_confusion": overall["confusion_rate"],
            "passive_undergoer_as_actor": total.counts["passive_undergoer_as_actor"],
            "mention_to_entity_accuracy": coref["accuracy"],
        },
    )


if __name__ == "__main__":
    sys.exit(main())
