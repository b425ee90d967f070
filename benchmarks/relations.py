"""Event-relation benchmark: events against the DCT and timexes (TimeBank + AQUAINT TLINKs).

Usage:
    python -m benchmarks.relations [--corpus PATH] [--errors FILE] [--no-floors]

For every document, ``build_timeline(Article(text, published=DCT))`` runs; each gold
EVENT is matched to the timeline row whose trigger overlaps it most (character
overlap, i.e. token overlap). Gold TLINKs refer to event instances (MAKEINSTANCE
eiid -> eid); a link is scored when its event was detected.

Relation classes, from the event's side (a link stated from the time's side is inverted):

* BEFORE  <- BEFORE, IBEFORE
* AFTER   <- AFTER, IAFTER
* OVERLAP <- INCLUDES, IS_INCLUDED, SIMULTANEOUS, DURING, DURING_INV, IDENTITY,
             BEGINS, ENDS, BEGUN_BY, ENDED_BY

Predicted relations come from the library's derivation ``timeline.ordering.relation_to``
(documented there) applied to a row's bounds [earliest, latest]:

* to the DCT: the publication is a moment of its day ``P`` (``moment=True``): bounds
  ending by ``P`` -> BEFORE, starting on or after it -> AFTER, an event within the
  day ``P`` is ordered by its tense (``lean``: the side of publication that tense, or
  for an untensed event its surface form, gives), bounds holding ``P`` or open -> OVERLAP.
  Rows whose basis is ``none`` (no evidence at all) are counted apart as "undetermined".
* to a timex (``timeline.ordering.relation_to_expression``): an event anchored to
  that very expression lies within it (OVERLAP, whatever the expression's
  normalization); an expression of the event's own clause that anchoring did not
  choose is undetermined, and so is any expression for an event anchoring dated by
  another one (``dated_elsewhere``); otherwise the bounds are compared with OUR normalization of
  the expression (the gold value when we found none): disjoint -> BEFORE / AFTER,
  within -> OVERLAP, a present perfect ending on the expression's first day -> BEFORE,
  else undetermined. Only links to calendar dates are scored.

Undetermined links are scored as the majority class.
``--links FILE`` writes every scored link (gold and predicted class, the row's tense,
aspect, class, modality, rule, bounds, anchor, and the gold MAKEINSTANCE attributes) as
JSON lines, for error analysis.
Prints accuracy per gold relation class next to a majority-class baseline, then both
accuracies per corpus part (TimeBank's and AQUAINT's annotators relate past events to
the DCT differently: AQUAINT often puts them inside the publication day). Exits 1
when a score is below its floor in benchmarks/floors/relations.json.
"""

from __future__ import annotations

#: run by `python -m benchmarks` in CI
CI_BENCHMARK = True

import argparse
import calendar
import collections
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent

import timeline
from benchmarks import floors, tml
from timeline import temporal
from timeline.model import Event
from timeline.ordering.cues import publication_relation
from timeline.ordering.solve import relation_to, relation_to_expression

CLASSES = ("BEFORE", "AFTER", "OVERLAP")
_CLASS = {"BEFORE": "BEFORE", "IBEFORE": "BEFORE", "AFTER": "AFTER", "IAFTER": "AFTER"}
_INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "OVERLAP": "OVERLAP"}


def relation_class(rel_type: str, inverted: bool = False) -> str:
    """The class of a TimeML relType, seen from the event.

    >>> relation_class("IS_INCLUDED"), relation_class("BEFORE", inverted=True)
    ('OVERLAP', 'AFTER')
    """
    found = _CLASS.get(rel_type, "OVERLAP")
    return _INVERSE[found] if inverted else found


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """Calendar interval of a TIMEX3 date value (day, month or year), else None.

    >>> interval("1998-02")
    (datetime.date(1998, 2, 1), datetime.date(1998, 2, 28))
    """
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?$", value or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day:
            return dt.date(year, month, day), dt.date(year, month, day)
        if month:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


_LEAN = {"before": "BEFORE", "after": "AFTER"}


def lean(row, text: str = "") -> str | None:
    """The side of publication a row's tense (or, untensed, its surface form) puts it on.

    >>> import types
    >>> row = types.SimpleNamespace(trigger="signed", trigger_start=0, trigger_end=6, tense="past",
    ...                             aspect="none", modality="asserted", kind="action",
    ...                             event_class="OCCURRENCE")
    >>> lean(row, "signed")
    'BEFORE'
    """
    event = Event(
        0,
        0,
        len(text),
        row.trigger,
        row.trigger_start,
        row.trigger_end,
        kind=row.kind,
        modality=row.modality,
        event_class=row.event_class,
        tense=row.tense,
        aspect=row.aspect,
    )
    return _LEAN.get(publication_relation(event, text)[0])


def predict_dct(row, dct: dt.date, text: str = "") -> str | None:
    """BEFORE / AFTER / OVERLAP from a row's bounds against the DCT (``relation_to``).

    The publication is a moment of its day: a same-day event is ordered by its tense.
    """
    return relation_to(
        row.earliest, row.latest, pd.Timestamp(dct), moment=True, lean=lean(row, text)
    )


def predict_timex(
    row, span: tuple[dt.date, dt.date], anchored: bool = False, clause_mate: bool = False
) -> str | None:
    """BEFORE / AFTER / OVERLAP of a row against a timex interval, or None
    (``relation_to_expression``).

    ``anchored``: the row's anchoring expression is this timex; ``clause_mate``: the
    timex stands in the row's clause without anchoring it; a row anchored to another
    expression is undetermined (``dated_elsewhere``).
    """
    perfect = "BEFORE" if (row.tense, row.aspect) == ("present", "perfective") else None
    elsewhere = not anchored and isinstance(row.timex, str)
    return relation_to_expression(
        row.earliest,
        row.latest,
        pd.Timestamp(span[0]),
        pd.Timestamp(span[1]),
        anchored=anchored,
        clause_mate=clause_mate,
        lean=perfect,
        dated_elsewhere=elsewhere,
    )


def _own_intervals(doc, dct) -> dict:
    """gold tid -> (our interval of the same expression, our text) from
    ``timeline.temporal.find``."""
    ours = temporal.find(doc.text, dct)
    found = {}
    for gold in doc.timexes:
        best = max(
            ours, key=lambda t: min(t.end, gold.end) - max(t.start, gold.start), default=None
        )
        if best is not None and min(best.end, gold.end) > max(best.start, gold.start):
            span = (best.earliest, best.latest) if best.earliest and best.latest else None
            found[gold.attrs.get("tid")] = (span, best.text)
    return found


def _dct(doc) -> dt.date | None:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", doc.dct or "")
    return dt.date(*map(int, match.groups())) if match else None


def _match_events(doc, frame) -> dict:
    """gold eid -> timeline row, by largest character overlap of trigger and gold event."""
    rows = list(frame.itertuples(index=False))
    found = {}
    for event in doc.events:
        best, overlap = None, 0
        for row in rows:
            shared = min(event.end, row.trigger_end) - max(event.start, row.trigger_start)
            if shared > overlap:
                best, overlap = row, shared
        if best is not None:
            found[event.attrs.get("eid")] = best
    return found


class Tally:
    """(gold, predicted or None, determined) triples; None is scored as the majority class."""

    def __init__(self):
        self.pairs = []

    def table(self, title: str) -> tuple[str, float, float]:
        gold = collections.Counter(g for g, _, _ in self.pairs)
        majority = gold.most_common(1)[0][0] if gold else "BEFORE"
        lines = [
            f"{title}: {len(self.pairs)} links with a detected event (majority class {majority})",
            f"  {'gold class':<10} {'links':>6} {'determined':>10} {'accuracy':>9} {'baseline':>9}",
        ]
        total_ok = base_ok = 0
        for cls in CLASSES:
            pairs = [(g, p, d) for g, p, d in self.pairs if g == cls]
            ok = sum(1 for g, p, _ in pairs if (p or majority) == g)
            determined = sum(1 for _, _, d in pairs if d)
            base = len(pairs) if cls == majority else 0
            total_ok, base_ok = total_ok + ok, base_ok + base
            if pairs:
                lines.append(
                    f"  {cls:<10} {len(pairs):>6} {determined:>10} "
                    f"{ok / len(pairs):>9.3f} {base / len(pairs):>9.3f}"
                )
        n = max(1, len(self.pairs))
        determined = [(g, p) for g, p, d in self.pairs if d]
        det_acc = sum(1 for g, p in determined if g == (p or majority)) / max(1, len(determined))
        lines.append(
            f"  {'all':<10} {len(self.pairs):>6} {len(determined):>10} "
            f"{total_ok / n:>9.3f} {base_ok / n:>9.3f}"
        )
        lines.append(
            f"  accuracy on determined links only: {det_acc:.3f} "
            f"({len(determined)}/{len(self.pairs)})"
        )
        return "\n".join(lines), total_ok / n, base_ok / n


def _instances(doc) -> dict:
    """eiid -> the MAKEINSTANCE attributes (gold tense, aspect, pos, polarity), read from the
    file."""
    raw = Path(doc.path).read_text(encoding="utf-8")
    attrs = (
        dict(re.findall(r'([A-Za-z_]+)="([^"]*)"', m))
        for m in re.findall(r"<MAKEINSTANCE([^>]*)/?>", raw)
    )
    return {a["eiid"]: a for a in attrs if "eiid" in a}


def _record(
    doc,
    part,
    kind,
    gold,
    predicted,
    row,
    instance,
    gold_cls,
    dct,
    gold_timex=None,
    anchored=None,
    clause_mate=None,
    span=None,
    news_day=None,
) -> dict:
    """One scored link with what the row and the gold annotation say, for ``--links`` (error
    analysis)."""
    day = lambda v: None if pd.isna(v) else str(v.date())  # noqa: E731
    record = {
        "doc": doc.doc_id,
        "part": part,
        "link": kind,
        "gold": gold,
        "predicted": predicted,
        "trigger": row.trigger,
        "tense": row.tense,
        "aspect": row.aspect,
        "class": row.event_class,
        "kind": row.kind,
        "modality": row.modality,
        "rule": row.rule,
        "basis": row.basis,
        "anchor": row.timex if isinstance(row.timex, str) else None,
        "value": row.value if isinstance(row.value, str) else None,
        "earliest": day(row.earliest),
        "latest": day(row.latest),
        "source": row.source,
        "dct": str(dct),
        "gold_tense": instance.get("tense"),
        "gold_aspect": instance.get("aspect"),
        "gold_pos": instance.get("pos"),
        "gold_polarity": instance.get("polarity"),
        "gold_modality": instance.get("modality"),
        "gold_class": gold_cls,
        "context": doc.text[max(0, row.trigger_start - 100) : row.trigger_end + 60].replace(
            "\n", " "
        ),
        "at": row.trigger_start,
        "news_day": news_day,
    }
    if gold_timex is not None:
        record.update(
            timex=gold_timex.text,
            timex_value=gold_timex.attrs.get("value"),
            anchored=anchored,
            clause_mate=clause_mate,
            span=[str(span[0]), str(span[1])],
            between=doc.text[
                min(row.trigger_end, gold_timex.end) : max(row.trigger_start, gold_timex.start)
            ][:120],
        )
    return record


def _news_day(doc, instances: dict) -> bool:
    """True when the gold relates most past-tense events (MAKEINSTANCE tense PAST) to the DCT
    as OVERLAP.

    Some AQUAINT documents (and a few of TimeBank) put the day's past events inside the
    DCT (a day), where the others put them BEFORE it (a moment): a convention of the
    annotation, not of the text, which the benchmark reports apart for diagnosis.
    """
    classes = []
    for link in doc.tlinks:
        if link.get("relatedToTime") == doc.dct_tid and "eventInstanceID" in link:
            eiid, inverted = link["eventInstanceID"], False
        elif link.get("timeID") == doc.dct_tid and "relatedToEventInstance" in link:
            eiid, inverted = link["relatedToEventInstance"], True
        else:
            continue
        if instances.get(eiid, {}).get("tense") == "PAST":
            classes.append(relation_class(link.get("relType", ""), inverted))
    return bool(classes) and classes.count("OVERLAP") * 2 > len(classes)


CELL = ("predicted", "gold", "tense", "aspect", "class", "gold_pos", "anchored")


def error_cells(records: list[dict], top: int = 25) -> str:
    """The event-DCT errors counted by (predicted, gold, tense, aspect, class, gold pos,
    anchored), largest first.

    Undetermined predictions count as the majority class BEFORE; ``news-day`` counts the
    errors in documents of the news-day convention (see :func:`_news_day`).

    >>> r = {"link": "dct", "predicted": "BEFORE", "gold": "OVERLAP", "tense": "past",
    ...      "aspect": "none", "class": "REPORTING", "gold_pos": "VERB", "anchor": None,
    ...      "news_day": True}
    >>> print(error_cells([r, dict(r)]).splitlines()[1])
        2      2  BEFORE   OVERLAP  past     none        REPORTING  VERB     False
    """
    counts, news_day = collections.Counter(), collections.Counter()
    for record in records:
        if record["link"] != "dct" or (record["predicted"] or "BEFORE") == record["gold"]:
            continue
        key = (
            (record["predicted"] or "BEFORE"),
            record["gold"],
            record["tense"],
            record["aspect"],
            record["class"],
            record["gold_pos"] or "-",
            record["anchor"] is not None,
        )
        counts[key] += 1
        news_day[key] += bool(record.get("news_day"))
    lines = [f"{'errors':>6} {'news-day':>6}  " + " ".join(f"{name:<10}" for name in CELL).rstrip()]
    for key, count in counts.most_common(top):
        lines.append(
            f"{count:>6} {news_day[key]:>6}  "
            + " ".join(f"{str(v):<10}" for v in key[:-1])
            + f" {key[-1]}"
        )
    return "\n".join(lines)


def run(corpus=None, errors=None, links=None, cells=None) -> dict:
    parts = tml.tbaq_documents(corpus)
    docs = [d for part in parts.values() for d in part]
    part_of = {id(d): name for name, part in parts.items() for d in part}
    by_part = collections.defaultdict(
        lambda: (Tally(), Tally())
    )  # part -> (event-DCT, event-timex)
    if not docs:
        raise SystemExit(f"no TimeML documents under {corpus or tml.TBAQ}")
    dct_tally, timex_tally = Tally(), Tally()
    gold_events = detected = 0
    mistakes = collections.Counter()
    samples = collections.defaultdict(list)
    records = []
    by_convention = {
        False: Tally(),
        True: Tally(),
    }  # event-DCT links by the document's news-day convention
    convention_docs = convention_errors = convention_any = 0
    started = time.process_time()
    for doc in docs:
        dct = _dct(doc)
        frame = timeline.build_timeline(
            timeline.Article(doc.text, id=re.sub(r"\W+", "_", doc.doc_id), published=dct)
        )
        matched = _match_events(doc, frame)
        gold_events += len(doc.events)
        detected += len(matched)
        timexes = {t.attrs.get("tid"): t for t in doc.timexes}
        own = _own_intervals(doc, dct)
        gold_instances = _instances(doc)
        news_day = _news_day(doc, gold_instances)
        convention_docs += news_day
        gold_class = {e.attrs.get("eid"): e.attrs.get("class") for e in doc.events}
        for link in doc.tlinks:
            if "eventInstanceID" in link and "relatedToTime" in link:
                eiid, tid, inverted = link["eventInstanceID"], link["relatedToTime"], False
            elif "timeID" in link and "relatedToEventInstance" in link:
                eiid, tid, inverted = link["relatedToEventInstance"], link["timeID"], True
            else:
                continue
            row = matched.get(doc.instances.get(eiid))
            if row is None:
                continue
            gold = relation_class(link.get("relType", ""), inverted)
            if tid == doc.dct_tid and dct:
                predicted = predict_dct(row, dct, doc.text)
                dct_tally.pairs.append((gold, predicted, row.basis != "none"))
                if links or cells:
                    records.append(
                        _record(
                            doc,
                            part_of[id(doc)],
                            "dct",
                            gold,
                            predicted,
                            row,
                            gold_instances.get(eiid, {}),
                            gold_class.get(doc.instances.get(eiid)),
                            dct,
                            news_day=news_day,
                        )
                    )
                by_part[part_of[id(doc)]][0].pairs.append(dct_tally.pairs[-1])
                by_convention[news_day].pairs.append(dct_tally.pairs[-1])
                if news_day and gold == "OVERLAP" and (predicted or "BEFORE") == "BEFORE":
                    convention_any += 1
                    convention_errors += gold_instances.get(eiid, {}).get("tense") == "PAST"
                if predicted != gold:
                    key = (gold, predicted, row.tense, row.rule)
                    mistakes[key] += 1
                    if len(samples[key]) < 3:
                        samples[key].append(
                            f"{doc.doc_id}: {row.trigger!r} in "
                            f"{doc.text[max(0, row.trigger_start - 60) : row.trigger_end + 30]!r}"
                        )
            elif tid in timexes:
                ours, our_text = own.get(tid, (None, None))
                span = interval(
                    timexes[tid].attrs.get("value", "")
                )  # links to calendar dates are scored
                if span is not None:
                    span = ours or span
                    anchored = isinstance(row.timex, str) and row.timex in (
                        our_text,
                        doc.text[timexes[tid].start : timexes[tid].end],
                    )
                    gold_timex = timexes[tid]
                    clause_mate = (
                        not anchored and row.start <= gold_timex.start and gold_timex.end <= row.end
                    )
                    predicted = predict_timex(row, span, anchored, clause_mate)
                    timex_tally.pairs.append((gold, predicted, predicted is not None))
                    if links or cells:
                        records.append(
                            _record(
                                doc,
                                part_of[id(doc)],
                                "timex",
                                gold,
                                predicted,
                                row,
                                gold_instances.get(eiid, {}),
                                gold_class.get(doc.instances.get(eiid)),
                                dct,
                                gold_timex,
                                anchored,
                                clause_mate,
                                span,
                            )
                        )
                    by_part[part_of[id(doc)]][1].pairs.append(timex_tally.pairs[-1])
    elapsed = time.process_time() - started
    dct_text, dct_acc, dct_base = dct_tally.table("event-DCT")
    timex_text, timex_acc, timex_base = timex_tally.table("event-timex")
    print(
        f"TimeBank+AQUAINT: {len(docs)} documents, {gold_events} gold events, "
        f"{detected} matched to a timeline row "
        f"({detected / max(1, gold_events):.3f}); {elapsed:.1f} s"
    )
    print(dct_text)
    print(timex_text)
    for name, (dct_part, timex_part) in sorted(by_part.items()):
        (_, d_acc, d_base), (_, t_acc, t_base) = dct_part.table(name), timex_part.table(name)
        print(
            f"  {name}: event-DCT {d_acc:.3f} "
            f"(baseline {d_base:.3f}, {len(dct_part.pairs)} links), "
            f"event-timex {t_acc:.3f} (baseline {t_base:.3f}, {len(timex_part.pairs)} links)"
        )
    (_, c_acc, _), (_, o_acc, _) = (
        by_convention[True].table("news-day"),
        by_convention[False].table("other"),
    )
    n_dct = max(1, len(dct_tally.pairs))
    print(
        f"  news-day convention (gold-derived, diagnosis only): {convention_docs} documents "
        "whose gold puts most past-tense events inside the DCT: "
        f"event-DCT {c_acc:.3f} ({len(by_convention[True].pairs)} links); "
        f"other documents {o_acc:.3f} ({len(by_convention[False].pairs)} links)"
    )
    print(
        f"  {convention_errors} event-DCT errors ({convention_errors / n_dct:.3f} of all links) "
        "are past-tense events of those documents predicted BEFORE, gold OVERLAP; "
        f"with them right event-DCT would be {dct_acc + convention_errors / n_dct:.3f}; "
        "counting every event of those documents predicted BEFORE, gold OVERLAP "
        f"({convention_any}, {convention_any / n_dct:.3f}), "
        f"{dct_acc + convention_any / n_dct:.3f}"
    )
    if cells:
        print("event-DCT errors by cell:")
        print(error_cells(records, cells))
    if errors:
        with open(errors, "w", encoding="utf-8") as handle:
            for key, count in mistakes.most_common():
                handle.write(
                    f"{count:5d}  gold {key[0]} predicted {key[1]}  tense {key[2]}  rule {key[3]}\n"
                )
                for sample in samples[key]:
                    handle.write(f"         {sample}\n")
    if links:
        with open(links, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record) + "\n")
    return {
        "event_dct_accuracy": round(dct_acc, 4),
        "event_dct_baseline": round(dct_base, 4),
        "event_timex_accuracy": round(timex_acc, 4),
        "event_timex_baseline": round(timex_base, 4),
        "cpu_seconds": round(elapsed, 1),
    }


#: Seed copies for the long-article check: build_timeline per character on the longer text
#: may be at most ``long_article_slowdown_max`` (floors/relations.json) times its cost on the
#: shorter.
LONG_ARTICLE_COPIES = (4, 32)


def long_article_slowdown() -> float:
    """How much slower per character ``build_timeline`` runs on the seed article repeated 32
    times (about 88,000 characters) than repeated 4 times: near 1 when the pipeline is linear.
    Anchoring, discourse cues and the constraint network once compared every event with every
    other, which made a long article cost quadratic time."""
    import timeline

    seed = (HERE.parent / "seeds" / "000_03aee5fa6f29c944.txt").read_text(encoding="utf-8")
    timeline.build_timeline(timeline.Article(seed, id="warm-up", published=dt.date(2025, 2, 28)))
    per_char = []
    for copies in LONG_ARTICLE_COPIES:
        article = timeline.Article(
            "\n".join([seed] * copies), id="long", published=dt.date(2025, 2, 28)
        )
        best = None
        for _ in range(2):
            started = time.process_time()
            timeline.build_timeline(article)
            elapsed = time.process_time() - started
            best = elapsed if best is None else min(best, elapsed)
        per_char.append(best / len(article.text))
    return per_char[1] / per_char[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        help="folder holding TimeBank/ and AQUAINT/ (default ../shared/corpora/tbaq-cleaned)",
    )
    parser.add_argument(
        "--errors", help="write the most frequent event-DCT mistakes with examples to this file"
    )
    parser.add_argument(
        "--links",
        help="write every scored link (gold, predicted, row and gold attributes) as JSON lines",
    )
    parser.add_argument(
        "--cells",
        type=int,
        nargs="?",
        const=25,
        default=None,
        help="print the N largest event-DCT error cells "
        "(predicted, gold, tense, aspect, class, pos, anchored)",
    )
    parser.add_argument(
        "--no-floors", action="store_true", help="do not fail below the recorded floors"
    )
    args = parser.parse_args(argv)
    scores = run(args.corpus, args.errors, args.links, args.cells)
    scores["long_article_slowdown"] = round(long_article_slowdown(), 2)
    print(
        f"long article: build_timeline per character on the seed x{LONG_ARTICLE_COPIES[1]} costs "
        f"{scores['long_article_slowdown']}x what it costs on the seed "
        f"x{LONG_ARTICLE_COPIES[0]} (linear: ~1)"
    )
    print(json.dumps(scores))
    if args.no_floors:
        return 0
    return floors.check("relations", scores)


if __name__ == "__main__":
    sys.exit(main())
