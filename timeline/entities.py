"""Entity timelines across articles (SemEval-2015 Task 4 "TimeLine").

:func:`filter_entity` (:mod:`timeline.participation`, re-exported here) keeps
the events a target entity takes part in (its mentions come from
:mod:`timeline.coref`); :func:`to_semeval` writes them as a timeline in the
task's format, dated from the events' bounds, with undated events anchored by
narrative date or publication, and mentions that co-refer across articles
sharing the finer date.
"""
from __future__ import annotations

import re

import pandas as pd

from .coref import EntityError, Names, extensions, mentions, names, rules, split_sentences  # noqa: F401 (re-exported)
from .participation import _is_report, filter_entity  # noqa: F401 (re-exported)


def semeval_date(earliest, latest) -> str:
    """The task's date of an event from its bounds: YYYY-MM-DD, YYYY-MM-XX, YYYY-XX-XX or XXXX-XX-XX.

    Examples:
        >>> T = pd.Timestamp
        >>> [semeval_date(T("2010-06-07"), T("2010-06-07")), semeval_date(T("2010-06-01"), T("2010-06-30")),
        ...  semeval_date(T("2006-01-01"), T("2006-12-31")), semeval_date(pd.NaT, T("2006-12-31"))]
        ['2010-06-07', '2010-06-XX', '2006-XX-XX', 'XXXX-XX-XX']
    """
    if pd.isna(earliest) or pd.isna(latest):
        return "XXXX-XX-XX"
    earliest, latest = pd.Timestamp(earliest), pd.Timestamp(latest)
    if earliest.normalize() == latest.normalize():
        return earliest.strftime("%Y-%m-%d")
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return earliest.strftime("%Y-%m-XX")
    if earliest.year == latest.year:
        return earliest.strftime("%Y-XX-XX")
    return "XXXX-XX-XX"


def _stem(trigger: str) -> str:
    word = trigger.lower().split()[-1] if trigger.strip() else ""
    return re.sub(r"(?:ing|ed|es|s|e)$", "", word)[:7]


def default_mention(row) -> str:
    """``article_id-sentence-trigger`` with spaces in the trigger as ``_`` (the token field of the trial data)."""
    return f"{row['article_id']}-{row['sentence']}-{'_'.join(str(row['trigger']).split())}"


def _published(published, article_id):
    if published is None:
        return None
    value = published.get(article_id) if hasattr(published, "get") else published
    return None if value is None or pd.isna(value) else pd.Timestamp(value).normalize()


def narrative_dates(df: pd.DataFrame, published) -> dict:
    """Dates for the events of a frame that the text leaves undated, by narrative focus.

    An event without a lower bound whose upper bound is open or is the
    publication date takes, in its article, the date of the closest event
    before it (by trigger offset) that is explicitly dated to one day at most
    ``window.focus_days`` before publication, if it is past or untensed;
    otherwise the publication date. News narrates around a focus date ("Apple announced Friday ... Jobs
    said ... he showed"); what has no date of its own shares it.

    Args:
        df: a timeline frame (one or several articles).
        published: mapping article_id -> publication date, or one date.

    Returns:
        dict frame index -> Timestamp, for the events it dates.

    Examples:
        >>> from timeline.schema import TIMELINE, conform
        >>> T = pd.Timestamp
        >>> rows = [dict(event_id=f"a-e{i}", article_id="a", sentence=i, start=i, end=i + 1, text="x", trigger="w",
        ...              trigger_start=i, trigger_end=i + 1, actors=[], kind="action", modality="asserted",
        ...              earliest=e, latest=l, precision="day", basis=b, rule="r", order=i,
        ...              event_class="OCCURRENCE", tense=t, aspect="none", newsworthy=True)
        ...         for i, (e, l, b, t) in enumerate([(pd.NaT, T("2010-07-17"), "inferred", "present"),
        ...                                           (T("2010-07-16"), T("2010-07-16"), "explicit", "past"),
        ...                                           (pd.NaT, T("2010-07-17"), "inferred", "past")])]
        >>> {k: str(v.date()) for k, v in narrative_dates(conform(rows, TIMELINE), "2010-07-17").items()}
        {0: '2010-07-17', 2: '2010-07-16'}
    """
    dates = {}
    reach = rules()["window"]["focus_days"]
    for article_id, group in df.groupby("article_id", sort=False):
        day = _published(published, article_id)
        if day is None:
            continue
        current = None
        rows = sorted(zip(group["trigger_start"], group.index, group["earliest"], group["latest"],
                          group["basis"], group["tense"]), key=lambda r: (r[0], r[1]))
        for _, index, earliest, latest, basis, tense in rows:
            if pd.notna(earliest) and pd.notna(latest) and earliest == latest and earliest <= day \
                    and basis == "explicit" and (day - pd.Timestamp(earliest)).days <= reach:
                current = pd.Timestamp(earliest)
            elif pd.isna(earliest) and (pd.isna(latest) or pd.Timestamp(latest) == day):
                dates[index] = current if current is not None and tense in ("past", "none") else day
    return dates


def _refine_coreferent(records) -> None:
    """Cross-document event coreference: a partly dated event takes the one finer date of its kind.

    Events of the entity with the same trigger stem (not reports) are taken to
    be one event told several times ("launched the store in 2003" / "launched
    the store on April 28, 2003"). A mention dated only to a year or a month
    takes the day-precise date of the others when exactly one such date falls
    inside its interval. Records are ``[id, stem, earliest, latest, report]``,
    changed in place.
    """
    days: dict[str, set] = {}
    for _, stem, earliest, latest, report in records:
        if not report and pd.notna(earliest) and pd.notna(latest) and earliest == latest:
            days.setdefault(stem, set()).add(pd.Timestamp(earliest))
    for record in records:
        _, stem, earliest, latest, report = record
        if report or pd.isna(earliest) or pd.isna(latest) or earliest == latest:
            continue
        inside = [d for d in days.get(stem, ()) if earliest <= d <= latest]
        if len(inside) == 1:
            record[2] = record[3] = inside[0]


def to_semeval(df: pd.DataFrame, entity: str, mention=None, select: bool = True, published=None,
               modalities=("asserted",)) -> str:
    """An entity's timeline in the SemEval-2015 Task 4 format.

    The first line is the entity; then one line per event (or group of
    co-referring events): ``ORDER<TAB>DATE<TAB>mention[<TAB>mention ...]``.
    DATE comes from the event's bounds (:func:`semeval_date`). Events with a
    date share a position per distinct date, positions ascending by bounds;
    events without one get ORDER 0 and XXXX-XX-XX. Events with the same
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
            anchored as the task's annotators do (:func:`narrative_dates`).
            None leaves them undated.
        modalities: the modalities listed (default: asserted events, what
            happened or holds; expected, potential and negated ones are left
            out); None lists every event.

    Returns:
        The timeline text, ending with a newline.

    Examples:
        >>> from timeline.schema import TIMELINE, conform
        >>> T = pd.Timestamp
        >>> rows = [dict(event_id=f"a-e{i}", article_id="a", sentence=i, start=0, end=1, text="x", trigger=w,
        ...              trigger_start=0, trigger_end=1, actors=["Acme Corp"], kind="action", modality="asserted",
        ...              earliest=e, latest=l, precision="day", basis="explicit", rule="r", order=i,
        ...              event_class="OCCURRENCE", tense="past", aspect="none", newsworthy=True)
        ...         for i, (w, e, l) in enumerate([("sold", T("2001-05-02"), T("2001-05-02")),
        ...                                        ("said", pd.NaT, pd.NaT), ("founded", T("1990-01-01"), T("1990-12-31"))])]
        >>> print(to_semeval(conform(rows, TIMELINE), "Acme Corp").replace(chr(9), " "), end="")
        Acme Corp
        0 XXXX-XX-XX a-1-said
        1 1990-XX-XX a-2-founded
        2 2001-05-02 a-0-sold
    """
    focus = narrative_dates(df, published) if published is not None else {}
    events = filter_entity(df, entity) if select else df
    if modalities is not None and "modality" in events:
        events = events[events["modality"].isin(modalities)]
    mention = mention or default_mention
    records = []
    reports = _is_report(events) if len(events) else []
    for (index, row), report in zip(events.iterrows(), reports):
        earliest, latest = row["earliest"], row["latest"]
        if index in focus:
            earliest = latest = focus[index]
        ident = mention(row)
        if ident is not None:
            records.append([ident, _stem(str(row["trigger"])), earliest, latest, report])
    _refine_coreferent(records)
    lines: dict[tuple, list[str]] = {}
    keys: dict[tuple, tuple] = {}
    for ident, stem, earliest, latest, _ in records:
        date = semeval_date(earliest, latest)
        if date.startswith("X"):
            key = ("X", ident)
            keys[key] = (0, date)
        else:
            key = (date, stem)
            keys[key] = (1, date, pd.Timestamp(earliest), pd.Timestamp(latest))
        bucket = lines.setdefault(key, [])
        if ident not in bucket:
            bucket.append(ident)
    dated = sorted({keys[k][1:] for k in keys if keys[k][0] == 1}, key=lambda d: (d[1], d[2], d[0]))
    position: dict[str, int] = {}
    for date, _, _ in dated:
        position.setdefault(date, len(position) + 1)
    seen: set[str] = set()
    out = []
    for key, idents in lines.items():
        idents = [i for i in idents if i not in seen]
        if not idents:
            continue
        seen.update(idents)
        date = keys[key][1]
        out.append((position.get(date, 0), date, idents))
    out.sort(key=lambda r: (r[0], r[2]))
    body = "".join(f"{order}\t{date}\t" + "\t".join(idents) + "\n" for order, date, idents in out)
    return f"{entity}\n{body}"
