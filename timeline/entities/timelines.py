"""Entity timelines across articles (SemEval-2015 Task 4 "TimeLine").

:func:`filter_entity` (:mod:`timeline.participation`, re-exported here) keeps
the events a target entity takes part in (its mentions come from
:mod:`timeline.coref`); :func:`to_semeval` writes them as a timeline in the
task's format, dated by :mod:`timeline.entity_dates` (own date at the
precision of its expression, a date of its sentence, the narrative date, the
publication date for present events; undated past events just before their
article's publication), mentions that co-refer across articles sharing the
finer date.
"""

from __future__ import annotations

import re

import lemminflect
import pandas as pd

from timeline.model import Modality, Tense

from .coref import EntityError, Names, extensions, mentions, names, rules, split_sentences  # noqa: F401 (re-exported)
from .dates import date_interval, event_dates, semeval_date, value_date  # noqa: F401 (re-exported)
from .participation import filter_entity, is_report  # noqa: F401 (re-exported)


def _stem(trigger: str) -> str:
    word = trigger.lower().split()[-1] if trigger.strip() else ""
    return re.sub(r"(?:ing|ed|es|s|e)$", "", word)[:7]


def default_mention(row) -> str:
    """``article_id-sentence-trigger`` with spaces in the trigger as ``_`` (the token field of
    the trial data)."""
    return f"{row['article_id']}-{row['sentence']}-{'_'.join(str(row['trigger']).split())}"


def _refine_coreferent(records) -> None:
    """Cross-document event coreference: a partly dated event takes the one finer date of its kind.

    Events of the entity with the same trigger stem (not reports) are taken to
    be one event told several times ("launched the store in 2004" / "launched
    the store on May 12, 2004"). A mention dated only to a year or a month
    takes the day-precise date of the others when exactly one such date falls
    inside its interval; an undated past one, when exactly one falls at most
    ``window.retold_days`` before its article's publication ("When Doe first
    unveiled SmartPhone 4", two months later). Records are ``[id, stem, date, key, report]``,
    changed in place.
    """
    cycle = rules()["window"]["retold_days"]
    days: dict[str, set] = {}
    for _, stem, date, key, report in records:
        if not report and key is not None and len(key) == 2 and key[0] == key[1]:
            days.setdefault(stem, set()).add(date)
    for record in records:
        _, stem, date, key, report = record
        if report or key is None or key[0] == key[1] and len(key) == 2:
            continue
        if len(key) == 3:  # undated, before its publication day: the one earlier day of its kind
            inside = sorted(
                d for d in days.get(stem, ()) if 0 < (key[0] - pd.Timestamp(d)).days <= cycle
            )
        else:
            inside = sorted(d for d in days.get(stem, ()) if key[0] <= pd.Timestamp(d) <= key[1])
        if len(inside) == 1:
            record[2], record[3] = inside[0], date_interval(inside[0])


def planned_events(df: pd.DataFrame, events: pd.DataFrame) -> dict:
    """The expected events of ``events`` an entity timeline lists, each mapped to the row of
    ``df`` whose date it takes (None: its own).

    Listed: a future event ("will cut 30,000 jobs"); the infinitive of a verb of commitment
    ("agreed to purchase"); the infinitive of purpose of an asserted past happening ("went to
    the podium to unveil it"), dated as that happening. The governing verb is the nearest earlier
    tensed trigger of the sentence. The word lists are ``listing.expected`` of
    ``rules/entities.yaml``.

    Examples:
        >>> from timeline.schema import TIMELINE, conform
        >>> cut = [("agreed", "past", "asserted", "I_ACTION"),
        ...        ("purchase", "none", "expected", "OCCURRENCE"),
        ...        ("returned", "past", "asserted", "OCCURRENCE"),
        ...        ("reveal", "none", "expected", "REPORTING"),
        ...        ("tried", "past", "asserted", "I_ACTION"),
        ...        ("address", "none", "expected", "OCCURRENCE"),
        ...        ("cut", "future", "expected", "OCCURRENCE")]
        >>> same = dict(article_id="a", start=0, end=1, text="x", actors=[], kind="action",
        ...             precision="unknown", basis="none", rule="r", aspect="none", newsworthy=True)
        >>> rows = [dict(same, event_id=f"a-e{i}", sentence=i // 2, trigger=w, trigger_start=i,
        ...              trigger_end=i + 1, modality=m, order=i, event_class=c, tense=t)
        ...         for i, (w, t, m, c) in enumerate(cut)]
        >>> df = conform(rows, TIMELINE)
        >>> planned_events(df, df)
        {1: None, 3: 2, 6: None}
    """
    table = rules()["listing"]["expected"]
    commitment = set(table["commitment_verbs"])
    out: dict = {}
    by_sentence = {
        key: group.sort_values("trigger_start")
        for key, group in df.groupby(["article_id", "sentence"], sort=False)
    }
    for index, row in events.iterrows():
        if row["modality"] != Modality.EXPECTED or row["event_class"] in table["exclude_classes"]:
            continue
        if row["tense"] == Tense.FUTURE:
            out[index] = None
            continue
        group = by_sentence.get((row["article_id"], row["sentence"]))
        if group is None:
            continue
        earlier = group[
            (group["trigger_start"] < row["trigger_start"]) & ~group["tense"].isin(["none", ""])
        ]
        if earlier.empty:
            continue
        governor = earlier.iloc[-1]
        word = str(governor["trigger"]).lower().split()[-1]
        lemma = lemminflect.getAllLemmas(word).get("VERB", (word,))[0]
        if lemma in commitment:
            out[index] = None
        elif (
            governor["modality"] == Modality.ASSERTED
            and governor["event_class"] in table["purpose_classes"]
            and governor["tense"] == Tense.PAST
        ):
            out[index] = earlier.index[-1]
    return out


def to_semeval(
    df: pd.DataFrame,
    entity: str,
    mention=None,
    select: bool = True,
    published=None,
    modalities=("asserted", "expected"),
    texts=None,
    kind: str | None = None,
) -> str:
    """An entity's timeline in the SemEval-2015 Task 4 format.

    The first line is the entity; then one line per event (or group of
    co-referring events): ``ORDER<TAB>DATE<TAB>mention[<TAB>mention ...]``.
    DATE comes from :func:`timeline.entity_dates.event_dates`: the event's own
    date at the precision its expression gives, else a date of its sentence,
    else (with ``published``) the narrative date or, for a present event, the
    publication date. Events with a date share a position per distinct date,
    positions ascending by date; undated past events of an article share a
    position just before its publication date; other undated events (future,
    planned, or with nothing to place them) get ORDER 0. An undated past event
    whose proven bounds are open takes its likely date (the frame's ``likely``
    column, an estimate from gold news, not a proof) when its 80% interval is
    one day (``dating: undated_past: likely`` in ``rules/entities.yaml``; on the
    SemEval trial data a wider interval's most likely day scores lower than
    leaving the event undated). Events with the same
    trigger stem co-refer across articles: a mention dated to a year or month
    takes the one day-precise date of its kind inside that interval, and
    co-referring mentions with the same date share a line.

    Args:
        df: a timeline frame.
        entity: the target entity.
        mention: a function row -> mention id; by default
            ``article_id-sentence-trigger`` (:func:`default_mention`). A
            benchmark on a tokenized corpus passes a function mapping
            ``trigger_start``/``trigger_end`` to its ``docid-sentence-token`` ids.
        select: run :func:`filter_entity` first (False when ``df`` is already selected).
        published: the articles' publication dates (a mapping article_id -> date,
            or one date for all). When given, events the text leaves undated are
            anchored as the task's annotators do (narrative date, publication
            date). None leaves them undated.
        modalities: the modalities listed (default: asserted events, what
            happened or holds, and expected ones, planned or agreed, as the
            task's annotators list them: "will cut 30,000 jobs", "agreed to
            purchase"; only happenings and statements among the expected ones,
            ``listing.expected_classes`` of ``rules/entities.yaml``); potential
            and negated ones are left out; None lists every event. Intensional states ("believes",
            "wants") and attributions ("according to") are not listed either
            (``listing`` in ``rules/entities.yaml``).
        texts: mapping article_id -> article text: the dates written in each
            sentence and the narrative dates are read from it (more than the
            frame's dated events show), and :func:`filter_entity` reads the
            mentions in it. None reads them from the frame.
        kind: what the entity is ("org", "person", "thing") when its name's
            shape would mislead; passed to :func:`filter_entity`.

    Returns:
        The timeline text, ending with a newline.

    Examples:
        >>> from timeline.schema import TIMELINE, conform
        >>> T = pd.Timestamp
        >>> same = dict(article_id="a", start=0, end=1, text="x", trigger_start=0, trigger_end=1,
        ...             actors=["Acme Corp"], kind="action", modality="asserted", precision="day",
        ...             basis="explicit", rule="r", event_class="OCCURRENCE", tense="past",
        ...             aspect="none", newsworthy=True)
        >>> cut = [("sold", T("2001-05-02"), T("2001-05-02")), ("said", pd.NaT, pd.NaT),
        ...        ("founded", T("1990-01-01"), T("1990-12-31"))]
        >>> rows = [dict(same, event_id=f"a-e{i}", sentence=i, trigger=w, earliest=e, latest=l,
        ...              order=i) for i, (w, e, l) in enumerate(cut)]
        >>> print(to_semeval(conform(rows, TIMELINE), "Acme Corp").replace(chr(9), " "), end="")
        Acme Corp
        0 XXXX-XX-XX a-1-said
        1 1990-XX-XX a-2-founded
        2 2001-05-02 a-0-sold
    """
    dates = event_dates(df, published, texts)
    events = filter_entity(df, entity, texts=texts, kind=kind) if select else df
    listed = rules()["listing"]
    if modalities is not None and "modality" in events:
        keep = events["modality"].isin(modalities)
        if "expected" in modalities:
            planned = planned_events(df, events)
            keep &= (events["modality"] != Modality.EXPECTED) | events.index.isin(list(planned))
            for index, governor in planned.items():
                if governor is not None and governor in dates:
                    dates[index] = dates[governor]  # "went to the podium to unveil it"
        events = events[keep]
    if len(events) and "event_class" in events:
        events = events[
            ~events["event_class"].isin(listed["exclude_classes"])
            & ~events["trigger"].str.lower().isin(listed["exclude_triggers"])
        ]
    mention = mention or default_mention
    records = []
    reports = is_report(events) if len(events) else []
    for (index, row), report in zip(events.iterrows(), reports):
        ident = mention(row)
        if ident is not None:
            date, key = dates.get(index, ("XXXX-XX-XX", None))
            records.append([ident, _stem(str(row["trigger"])), date, key, report])
    _refine_coreferent(records)
    lines: dict[tuple, list[str]] = {}
    keys: dict[tuple, tuple] = {}
    for ident, stem, date, key, _ in records:
        if key is None:
            line = ("X", ident)
        elif date.startswith("X"):
            line = ("X", key, ident)
        else:
            line = (date, stem)
        keys[line] = (
            date,
            None if key is None else (key[0], key[1], key[2] if len(key) > 2 else 0),
        )
        bucket = lines.setdefault(line, [])
        if ident not in bucket:
            bucket.append(ident)
    ordered = sorted({k for _, k in keys.values() if k is not None})
    position = {k: i for i, k in enumerate(ordered, 1)}
    seen: set[str] = set()
    out = []
    for line, idents in lines.items():
        idents = [i for i in idents if i not in seen]
        if not idents:
            continue
        seen.update(idents)
        date, key = keys[line]
        out.append((0 if key is None else position[key], date, idents))
    out.sort(key=lambda r: (r[0], r[2]))
    body = "".join(f"{order}\t{date}\t" + "\t".join(idents) + "\n" for order, date, idents in out)
    return f"{entity}\n{body}"
