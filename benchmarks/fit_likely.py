"""Fit the most-likely-date model (``timeline/ordering/rules/likely.yaml``) on gold news corpora.

Usage:
    python -m benchmarks.fit_likely [--fit TimeBank] [--corpus PATH] [--dry-run]

A gold date is the day of a calendar date (``YYYY-MM-DD``, the DCT included) that a
TLINK says an event overlaps (IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING, BEGINS,
ENDS, IDENTITY ...); an event linked to two different days has none. Corpora:
TimeBank and AQUAINT (TimeML, :mod:`benchmarks.tml`) and ``meantime-apple`` (CAT XML,
:mod:`benchmarks.cat`, its TLINKs and TIMEX3s). ``semeval-apple`` is the same 30 WikiNews
articles dated another way: the SemEval-2015 Task 4 trial timelines (:mod:`benchmarks.semeval_data`)
put each mention of an entity's events on a day, a month, a year or no date; a mention put on one
day is a gold event with that day (:func:`timeline_gold`). MEANTIME's TLINKs give a day mostly
to events that include or are included in the creation day (other past events are only BEFORE
it), the timelines give one to any event whose day an annotator could tell, so the two test the
same articles with differently selected events. Every document is read with
``build_timeline(Article(text, published=DCT))``; each gold event is matched to the row
whose trigger overlaps it most; a sample is that row's fields and the gold day's offset
from publication in days. Rows whose bounds are proven to one day are not fitted (they
are the ``proven`` basis). The kinds come from ``likely.yaml`` (edited by hand); this
script rewrites its ``offsets`` (day: count), ``n`` and ``source``, never corpus text.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

import timeline
from benchmarks import cat, semeval_data, tml
from benchmarks.semeval_timeline import Aligner
from timeline.io import atomic
from timeline.ordering import likely

#: relations, seen from the event, that put it within a day it is linked to (an event that
#: INCLUDES a day, or is begun or ended by it, lasts longer: it has no one day)
WITHIN = {"IS_INCLUDED", "SIMULTANEOUS", "DURING", "IDENTITY", "BEGINS", "ENDS"}
#: event-event relations, seen from the first event, that give it the second one's day
SAME_DAY = {"IS_INCLUDED", "SIMULTANEOUS", "IDENTITY", "DURING"}
_INVERSE = {
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
    "DURING": "DURING_INV",
    "DURING_INV": "DURING",
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
}
CORPORA = ("TimeBank", "AQUAINT", "meantime-apple", "semeval-apple")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
FIELDS = (
    "event_class",
    "tense",
    "aspect",
    "modality",
    "value",
    "rule",
    "publication",
    "earliest",
    "latest",
)


def day(value: str | None) -> dt.date | None:
    """The calendar day of a TIMEX3 value, when it names one.

    >>> day("1998-02-06T10:00"), day("1998-02"), day("PRESENT_REF")
    (datetime.date(1998, 2, 6), None, None)
    """
    match = _DAY.match(value or "")
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def inverse(rel_type: str) -> str:
    """A relation seen from its other side.

    >>> inverse("INCLUDES"), inverse("SIMULTANEOUS")
    ('IS_INCLUDED', 'SIMULTANEOUS')
    """
    return _INVERSE.get(rel_type, rel_type)


def gold_days(to_days: list, between: list) -> dict:
    """event -> its one gold day, from (event, relation, day) and (event, relation, event) links.

    A day comes from a link to a calendar day (relation in :data:`WITHIN`), else through
    an event linked to a dated one (:data:`SAME_DAY`, one step at a time until nothing
    changes); an event given two different days has none.

    >>> d = dt.date(2000, 1, 5)
    >>> gold_days([("a", "IS_INCLUDED", d), ("c", "INCLUDES", d)], [("b", "SIMULTANEOUS", "a")])
    {'a': datetime.date(2000, 1, 5), 'b': datetime.date(2000, 1, 5)}
    """
    days = collections.defaultdict(set)
    for event, relation, gold in to_days:
        if relation in WITHIN:
            days[event].add(gold)
    known = {e: next(iter(d)) for e, d in days.items() if len(d) == 1}
    pairs = [(a, b) for a, rel, b in between if rel in SAME_DAY]
    pairs += [(b, a) for a, rel, b in between if inverse(rel) in SAME_DAY]
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            if a not in days and b in known:
                days[a].add(known[b])
                known[a] = known[b]
                changed = True
    return {e: known[e] for e, d in days.items() if len(d) == 1 and e in known}


def tbaq_gold(doc) -> tuple[dt.date | None, list[tuple[int, int, dt.date]]]:
    """(DCT day, [(start, end, gold day)]) of a TimeML document."""
    days = {t.attrs.get("tid"): day(t.attrs.get("value")) for t in doc.timexes}
    days[doc.dct_tid] = day(doc.dct)
    eid = doc.instances.get
    to_days, between = [], []
    for link in doc.tlinks:
        rel = link.get("relType", "")
        if link.get("eventInstanceID") and days.get(link.get("relatedToTime")):
            to_days.append((eid(link["eventInstanceID"]), rel, days[link["relatedToTime"]]))
        elif link.get("relatedToEventInstance") and days.get(link.get("timeID")):
            to_days.append(
                (eid(link["relatedToEventInstance"]), inverse(rel), days[link["timeID"]])
            )
        elif link.get("eventInstanceID") and link.get("relatedToEventInstance"):
            between.append((eid(link["eventInstanceID"]), rel, eid(link["relatedToEventInstance"])))
    gold = gold_days(to_days, between)
    spans = [
        (e.start, e.end, gold[e.attrs.get("eid")]) for e in doc.events if e.attrs.get("eid") in gold
    ]
    return day(doc.dct), spans


def meantime_gold(doc) -> tuple[dt.date | None, list[tuple[int, int, dt.date]]]:
    """(DCT day, [(start, end, gold day)]) of a MEANTIME CAT document."""
    marks = doc.markables
    to_days, between = [], []
    for relation in doc.relations:
        if relation.tag != "TLINK":
            continue
        rel = relation.attrs.get("reltype", "")
        for a in relation.sources:
            for b in relation.targets:
                first, second = marks.get(a), marks.get(b)
                if first is None or second is None:
                    continue
                tags = (first.tag, second.tag)
                if tags == ("EVENT_MENTION", "TIMEX3") and day(second.attrs.get("value")):
                    to_days.append((a, rel, day(second.attrs.get("value"))))
                elif tags == ("TIMEX3", "EVENT_MENTION") and day(first.attrs.get("value")):
                    to_days.append((b, inverse(rel), day(first.attrs.get("value"))))
                elif tags == ("EVENT_MENTION", "EVENT_MENTION"):
                    between.append((a, rel, b))
    gold = gold_days(to_days, between)
    spans = []
    for m_id, gold_day in gold.items():
        span = doc.span(marks[m_id])
        if span:
            spans.append((*span, gold_day))
    return day(cat.creation_time(doc)), spans


def timeline_gold(timelines, aligner) -> dict[str, list[tuple[int, int, dt.date]]]:
    """doc id -> [(start, end, gold day)] of the mentions the gold timelines put on one day.

    A mention (``doc-sentence-word``) is found by ``aligner`` (the SemEval benchmark's own
    :class:`benchmarks.semeval_timeline.Aligner`); one it cannot find (a title word: titles
    are not in the text) is left out, and so is one put on two different days.

    >>> doc = semeval_data.Document("7", "2008-06-09", None, "Apple sold phones.", [
    ...     semeval_data.Token(1, 0, "Apple", 0, 5), semeval_data.Token(1, 1, "sold", 6, 10),
    ...     semeval_data.Token(1, 2, "phones", 11, 17), semeval_data.Token(1, 3, ".", 17, 18)])
    >>> rows = [(1, "2008-06-08", ["7-1-sold"]), (2, "2008-06", ["7-1-phones"]),
    ...         (3, "2008-06-09", ["7-0-Apple"])]
    >>> timeline_gold([semeval_data.Timeline("Apple", rows)], Aligner([doc]))
    {'7': [(6, 10, datetime.date(2008, 6, 8))]}
    """
    days = collections.defaultdict(set)
    for line in timelines:
        for _, date, mentions in line.rows:
            gold = day(date)
            if gold is None:
                continue
            for mention in mentions:
                ident = aligner.gold(mention)
                if ident == mention:  # not found in the text
                    continue
                doc_id, sentence, index = ident.rsplit("-", 2)
                token = aligner.docs[doc_id].sentence_tokens(int(sentence))[int(index)]
                days[(doc_id, token.start, token.end)].add(gold)
    spans = collections.defaultdict(list)
    for (doc_id, start, end), found in sorted(days.items()):
        if len(found) == 1:
            spans[doc_id].append((start, end, next(iter(found))))
    return dict(spans)


def documents(name: str, corpus=None):
    """(doc id, text, DCT day, gold spans) of every document of a corpus with a DCT."""
    if name == "semeval-apple":
        root = Path(corpus) / "semeval2015-task4-trial" if corpus else semeval_data.TRIAL
        if not (root / semeval_data.RAW_DIR).is_dir():
            return []
        raw = semeval_data.read_corpus(root)
        aligner = Aligner(raw, semeval_data.read_corpus(root, gold_events=True))
        spans = timeline_gold(semeval_data.read_timelines(root), aligner)
        docs = [(d.doc_id, d.text, day(d.dct), spans.get(d.doc_id, [])) for d in raw]
    elif name == "meantime-apple":
        folder = (
            Path(corpus) / "meantime-apple" / "intra_cross-doc_annotation" / "corpus_apple"
            if corpus
            else cat.MEANTIME_APPLE
        )
        docs = [(d.name, d.text, *meantime_gold(d)) for d in cat.read_folder(folder)]
    else:
        root = Path(corpus) / "tbaq-cleaned" if corpus else None
        found = tml.tbaq_documents(root, parts=(name,)).get(name, [])
        docs = [(d.doc_id, d.text, *tbaq_gold(d)) for d in found]
    return [d for d in docs if d[2] is not None]


def samples(name: str, corpus=None) -> list[dict]:
    """One dict per gold-dated event our pipeline detected: its row fields, ``offset``,
    ``published``."""
    out = []
    for doc_id, text, published, spans in documents(name, corpus):
        if not spans:
            continue
        frame = timeline.build_timeline(timeline.Article(text, id="d", published=published))
        rows = frame[list(FIELDS) + ["sentence", "timex", "trigger_start", "trigger_end"]].to_dict(
            "records"
        )
        for row, occasion in zip(rows, likely.occasions(rows, published)):
            row["occasion"] = occasion
        for start, end, gold_day in spans:
            best, overlap = None, 0
            for row in rows:
                shared = min(end, row["trigger_end"]) - max(start, row["trigger_start"])
                if shared > overlap:
                    best, overlap = row, shared
            if best is not None:
                fields = {k: best[k] for k in (*FIELDS, "occasion")}
                out.append(
                    {
                        **fields,
                        "doc": doc_id,
                        "published": published,
                        "gold": gold_day,
                        "offset": (gold_day - published).days,
                    }
                )
    return out


def fit(fitted: list[dict], table: dict, source: str) -> dict:
    """The model: ``table``'s kinds with the offsets (day: count) of the samples each kind takes.

    ``source`` names the corpora; ``events`` counts the gold-dated events fitted on.
    """
    counts = {kind["id"]: collections.Counter() for kind in table["kinds"]}
    told_after = collections.Counter()
    spans = (table.get("occasion") or {}).get("days") or []
    by_span = {span["id"]: collections.Counter() for span in spans}
    for sample in fitted:
        if likely.shape(sample["earliest"], sample["latest"]) == "day":
            continue
        occasion = likely.told_after(sample, sample["published"])
        if occasion and "occasion" in table:
            # counted in its kind too: a kind's offsets describe all its events, the occasion or not
            told_after[(sample["gold"] - occasion).days] += 1
            span = likely.occasion_class(sample, table)
            if span is not None:
                by_span[span["id"]][(sample["gold"] - occasion).days] += 1
        kind = likely.kind_of(sample, table)
        if kind is not None:
            counts[kind["id"]][sample["offset"]] += 1
    kinds = [
        {
            **{k: v for k, v in kind.items() if k not in ("offsets", "n")},
            "n": sum(counts[kind["id"]].values()),
            "offsets": dict(sorted(counts[kind["id"]].items())),
        }
        for kind in table["kinds"]
    ]
    settings = {k: v for k, v in table.items() if k not in ("source", "events", "kinds")}
    if "occasion" in table:
        settings["occasion"] = {
            **{k: v for k, v in table["occasion"].items() if k not in ("offsets", "n")},
            "n": sum(told_after.values()),
            "offsets": dict(sorted(told_after.items())),
        }
        if spans:
            settings["occasion"]["days"] = [
                {
                    **{k: v for k, v in span.items() if k not in ("offsets", "n")},
                    "n": sum(by_span[span["id"]].values()),
                    "offsets": dict(sorted(by_span[span["id"]].items())),
                }
                for span in spans
            ]
    model = {**settings, "source": source, "events": len(fitted), "kinds": kinds}
    return likely.check_model(model, source)


def write(model: dict, path: Path = likely.RULES_FILE) -> None:
    """Rewrite the model file: its leading comment block kept, the data dumped after it."""
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    body = yaml.safe_dump(model, sort_keys=False, default_flow_style=None, width=100)
    atomic.write_atomically(path, "\n".join(header) + "\n" + body)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", default="TimeBank", help="corpora to fit on, comma-separated")
    parser.add_argument("--corpus", help="folder holding tbaq-cleaned/ and meantime-apple/")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    names = args.fit.split(",")
    fitted = [s for name in names for s in samples(name, args.corpus)]
    table = likely.model()
    model = fit(fitted, table, "+".join(names))
    for kind in model["kinds"]:
        print(f"{kind['id']:16} n={kind['n']:5}  {dict(list(kind['offsets'].items()))}")
    if not args.dry_run:
        write(model)
        print(f"written {likely.RULES_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
