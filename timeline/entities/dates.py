"""Dates of the events of an entity timeline, as the SemEval-2015 Task 4 annotators give them.

:func:`event_dates` gives every event of a frame a task date (``YYYY-MM-DD``,
``YYYY-MM-XX``, ``YYYY-XX-XX`` or ``XXXX-XX-XX``) and a sort key that places it
among the other dates, in four steps (the switches are ``dating`` in
``rules/entities.yaml``):

1. its own date: the TIMEX3 value that anchors it, at the precision the value
   gives (``2006-03`` -> ``2006-03-XX``, ``1976`` -> ``1976-XX-XX``), else its
   bounds when they fall in one day, month or year;
2. a date of its sentence: the nearest expression before the trigger, else the
   nearest after it (not for a report: a date after "said" dates what was
   said), when it fits the event's bounds ("In 1996 Doe came back and soon
   after took the post again");
3. the narrative date: the last day-precise date at most ``focus_days`` before
   publication written before the event in its article, for an undated past
   or untensed event ("Acme announced Friday ... Doe said ... she showed");
4. otherwise: a present event holds at publication; a past one takes its likely
   date when the frame has one whose 80% interval is one day (``undated_past:
   likely``; the ``likely`` columns are estimates from gold news, see
   :mod:`timeline.ordering.likely`), else is left undated and placed just before
   its article's publication date; a future or planned one is left undated (order 0).
"""

from __future__ import annotations

import re

import lemminflect
import pandas as pd

from timeline import temporal
from timeline.events.lexicon import lexicon
from timeline.io import segment
from timeline.model import Basis, Kind, Modality, Tense

from .coref import rules

_VALUE = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T.*)?)?)?(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2}))?$"
)
_REPORT_CLASSES = ("REPORTING", "I_STATE", "PERCEPTION")
_PAST = ("past", "none")


def semeval_date(earliest, latest) -> str:
    """The task's date of an event from its bounds: YYYY-MM-DD, YYYY-MM-XX, YYYY-XX-XX or
    XXXX-XX-XX.

    Examples:
        >>> T = pd.Timestamp
        >>> [semeval_date(T("2010-06-07"), T("2010-06-07")),
        ...  semeval_date(T("2010-06-01"), T("2010-06-30")),
        ...  semeval_date(T("2006-01-01"), T("2006-12-31")),
        ...  semeval_date(pd.NaT, T("2006-12-31"))]
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


def value_date(value) -> str | None:
    """The task's date of a TIMEX3 value, at the precision the value gives; None when it names
    no calendar period.

    Examples:
        >>> [value_date(v) for v in ("2010-06-07", "2006-03", "1976", "2011-SU", "2007-Q1")]
        ['2010-06-07', '2006-03-XX', '1976-XX-XX', '2011-XX-XX', '2007-XX-XX']
        >>> [value_date(v) for v in ("PRESENT_REF", "P3D", None)]
        [None, None, None]
    """
    match = _VALUE.match(str(value)) if isinstance(value, str) else None
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    return f"{year}-{month or 'XX'}-{day or 'XX'}"


def date_interval(date: str) -> tuple:
    """The days a task date covers, ``(earliest, latest)``; ``(NaT, NaT)`` for XXXX-XX-XX.

    Examples:
        >>> [str(d.date()) for d in date_interval("2006-02-XX")]
        ['2006-02-01', '2006-02-28']
        >>> date_interval("XXXX-XX-XX")[0] is pd.NaT
        True
    """
    parts = date.split("-")
    if not parts[0].isdigit():
        return pd.NaT, pd.NaT
    year = int(parts[0])
    if len(parts) > 1 and parts[1].isdigit():
        month = int(parts[1])
        if len(parts) > 2 and parts[2].isdigit():
            day = pd.Timestamp(year, month, int(parts[2]))
            return day, day
        start = pd.Timestamp(year, month, 1)
        return start, start + pd.offsets.MonthEnd(0)
    return pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)


def _published(published, article_id):
    if published is None:
        return None
    value = published.get(article_id) if hasattr(published, "get") else published
    return None if value is None or pd.isna(value) else pd.Timestamp(value).normalize()


def light_verb_objects(group: pd.DataFrame, text_of) -> dict:
    """Event nouns that are the object of a light verb, mapped to that verb ("filed a lawsuit",
    "has taken medical leave"; the verbs are ``support_verbs`` of the event rules): the verb is
    tensed, the noun is the next trigger of its sentence, and the text between them
    (``text_of(start, end)``) is at most three lower-case noun-phrase words (``object_noun`` of
    ``rules/entities.yaml``).

    Examples:
        >>> text = "Acme filed a lawsuit. Acme violates an agreement."
        >>> group = pd.DataFrame(dict(trigger=["filed", "lawsuit", "violates", "agreement"],
        ...     trigger_start=[5, 13, 27, 39], trigger_end=[10, 20, 35, 48], sentence=[0, 0, 1, 1],
        ...     tense=["past", "none", "present", "none"]))
        >>> light_verb_objects(group, lambda s, e: text[s:e])
        {1: 0}
    """
    pattern = rules()["object_noun"]
    support = lexicon().words["support"]
    rows = sorted(
        zip(
            group["trigger_start"],
            group["trigger_end"],
            group.index,
            group["sentence"],
            group["tense"],
            group["trigger"],
        )
    )
    # a nominalisation made an event by its own argument ("announced the integration of
    # video calls") is that argument's event, not the light verb's
    own = (
        set(group.index[group["trigger_rule"].str.startswith("argument_nominal")])
        if ("trigger_rule" in group)
        else set()
    )
    found = {}
    for (_, end, index, sentence, tense, trigger), (
        start,
        _,
        noun,
        next_sentence,
        next_tense,
        _,
    ) in zip(rows, rows[1:]):
        if (
            tense in (Tense.NONE, "")
            or next_sentence != sentence
            or next_tense not in (Tense.NONE, "")
        ):
            continue
        word = str(trigger).lower().split()[-1] if str(trigger).strip() else ""
        if lemminflect.getAllLemmas(word).get("VERB", (word,))[0] not in support:
            continue
        gap = text_of(int(end), int(start))
        if gap is not None and re.fullmatch(pattern, gap) and noun not in own:
            found[noun] = index
    return found


def _own_date(row) -> str | None:
    proven = semeval_date(row["earliest"], row["latest"])
    if row["basis"] == Basis.EXPLICIT:
        date = value_date(row["value"])
        if date is not None:
            # "this week" (2006-W13, 27 March - 2 April) in an article of 28 March is proven
            # to lie in March: the bounds name a finer task date inside the expression's
            return proven if _finer_within(proven, date) else date
    return None if proven.startswith("X") else proven


def _finer_within(finer: str, coarser: str) -> bool:
    if finer.count("X") >= coarser.count("X"):
        return False
    (start, end), (outer_start, outer_end) = date_interval(finer), date_interval(coarser)
    return bool(outer_start <= start and end <= outer_end)


def _timexes(group: pd.DataFrame, text, day) -> list[tuple[int, int, str, bool]]:
    """``(offset, sentence, date, modifier)`` of the calendar dates of an article, in text order.

    From the article text when given (every expression ``temporal.find`` reads,
    sentences as ``segment.sentences`` cuts them, a line holding nothing but
    the date, the dateline, left out); otherwise the values of the frame's
    explicitly dated events, at their triggers. ``modifier``: the date is a
    possessive modifier of a noun ("this year's conference", "Monday's email"),
    which dates that noun, not its sentence.
    """
    if text is None:
        return sorted(
            (int(row["trigger_start"]), int(row["sentence"]), _own_date(row), False)
            for _, row in group.iterrows()
            if row["basis"] == Basis.EXPLICIT and _own_date(row)
        )
    spans = segment.sentences(text)
    found = []
    for timex in temporal.find(text, day.date() if day is not None else None):
        date = value_date(timex.value) if timex.type in ("DATE", "TIME") else None
        if date is None:
            continue
        sentence = next((i for i, (s, e) in enumerate(spans) if s <= timex.start < e), None)
        if (
            sentence is None
            or text[spans[sentence][0] : spans[sentence][1]].strip(" .,") == timex.text
        ):
            continue
        modifier = re.match(r"\s*['’]s?\b", text[timex.end : timex.end + 3]) is not None
        found.append((timex.start, sentence, date, modifier))
    return sorted(found)


def _tense(row) -> str:
    """The row's tense; an untensed state written as a present verb ("SmartPhone 4 has a frame")
    is present."""
    tense = str(row["tense"])
    if (
        tense == Tense.NONE
        and (row["kind"] == Kind.STATE or row["event_class"] == "STATE")
        and re.fullmatch(rules()["dating"]["present_state_forms"], str(row["trigger"]).lower())
    ):
        return "present"
    return tense


def _fits(date: str, earliest, latest) -> bool:
    start, end = date_interval(date)
    return (pd.isna(latest) or start <= latest) and (pd.isna(earliest) or end >= earliest)


def _sentence_date(row, start: int, report: bool, timexes, triggers) -> str | None:
    """The nearest date of the sentence before the trigger, else after it with no other verb in
    between (not for a report, whose later dates are what was said), when it fits the event's
    bounds."""
    near = [(start - o, d) for o, d in timexes if o < start]
    if not near and not report:
        near = [
            (o - start, d)
            for o, d in timexes
            if o > start and not any(start < t < o for t in triggers)
        ]
    near = [(gap, d) for gap, d in near if _fits(d, row["earliest"], row["latest"])]
    return min(near)[1] if near else None


def _date_of(row, day, timexes, focus_points, triggers, options, dateless) -> tuple:
    """``(date, key)`` of one event (steps 1-4 of the module docstring)."""
    date = _own_date(row)
    tense, start = _tense(row), int(row["trigger_start"])
    report = row["kind"] == Kind.STATEMENT or row["event_class"] in _REPORT_CLASSES
    earliest, latest = row["earliest"], row["latest"]
    after = day is not None and pd.notna(earliest) and pd.Timestamp(earliest) >= day
    ended = day is not None and pd.notna(latest) and pd.Timestamp(latest) < day
    # "will continue to steer": an untensed event that starts at publication and has no end is
    # to come
    future = (
        tense == Tense.FUTURE
        or row["modality"] != Modality.ASSERTED
        or (after and pd.isna(latest) and tense != Tense.PRESENT)
    )
    if date is None and options["sentence_dates"] and not future:
        date = _sentence_date(row, start, report, timexes, triggers)
    if (
        date is None
        and day is not None
        and not future
        and tense in _PAST
        and not ended
        and pd.isna(earliest)
    ):
        before = [d for o, d in focus_points if o < start]
        if before:
            date = before[-1]
    if date is not None:
        return date, date_interval(date)
    if day is not None and future and options["undated_future"] == "after":
        return "XXXX-XX-XX", (day, day, 1)
    if day is None or future or (tense in _PAST and ended):
        return "XXXX-XX-XX", None
    if (
        tense in _PAST
        and not after
        and not (dateless and options["dateless_articles_at_publication"])
    ):
        guess = row.get("likely", pd.NaT) if options["undated_past"] == "likely" else pd.NaT
        if (
            pd.notna(guess)
            and pd.Timestamp(guess) <= day
            and row.get("likely_earliest") == row.get("likely_latest")
        ):
            date = pd.Timestamp(guess).strftime("%Y-%m-%d")
            return date, date_interval(date)
        if options["undated_past"] in ("before", "likely"):
            return "XXXX-XX-XX", (day, day, -1)
        if options["undated_past"] == "unordered":
            return "XXXX-XX-XX", None
    if not ended and (pd.isna(earliest) or pd.Timestamp(earliest) <= day):
        return day.strftime("%Y-%m-%d"), (day, day)
    return "XXXX-XX-XX", None


def event_dates(df: pd.DataFrame, published, texts=None) -> dict:
    """Task dates and sort keys of the events of a frame (see the module docstring).

    Args:
        df: a timeline frame (one or several articles).
        published: mapping article_id -> publication date, or one date (None: no
            narrative or publication dates).
        texts: mapping article_id -> article text, for the dates written in each
            sentence; None takes them from the frame's dated events.

    Returns:
        dict frame index -> ``(date, key)``: ``key`` is ``(earliest, latest)`` of
        the date, ``(day, day)`` with a third item ``-1`` for an undated past event
        placed before its article's publication day, None for an unordered event.

    Examples:
        >>> from timeline.schema import TIMELINE, conform
        >>> T = pd.Timestamp
        >>> text = ("Acme sold a plant on Friday. Acme said so. Acme grew in 1999 and then fell. "
        ...         "Acme will sell more.")
        >>> cut = [(0, 28, "sold", "past"), (29, 42, "said", "past"), (43, 76, "fell", "past"),
        ...        (77, 98, "sell", "future")]
        >>> same = dict(article_id="a", actors=[], kind="action", modality="asserted",
        ...             earliest=pd.NaT, latest=pd.NaT, precision="unknown", basis="none",
        ...             rule="r", event_class="OCCURRENCE", aspect="none", newsworthy=True)
        >>> rows = [dict(same, event_id=f"a-e{i}", sentence=i, start=s, end=e, text=text[s:e],
        ...              trigger=w, trigger_start=text.index(w), trigger_end=text.index(w) + len(w),
        ...              order=i, tense=t) for i, (s, e, w, t) in enumerate(cut)]
        >>> dates = event_dates(conform(rows, TIMELINE), {"a": "2010-07-17"}, {"a": text})
        >>> [dates[i][0] for i in range(4)]
        ['2010-07-16', '2010-07-16', '1999-XX-XX', 'XXXX-XX-XX']
    """
    table = rules()
    reach = table["window"]["focus_days"]
    options = table["dating"]
    out: dict = {}
    for article_id, group in df.groupby("article_id", sort=False):
        day = _published(published, article_id)
        text = texts.get(article_id) if texts is not None else None
        timexes = _timexes(group, text, day)
        focus_points = [
            (offset, date)
            for offset, _, date, _ in timexes
            if day is not None
            and len(date.split("-")[2]) == 2
            and date[-1].isdigit()
            and 0 <= (day - pd.Timestamp(date)).days <= reach
        ]
        by_sentence: dict[int, list[tuple[int, str]]] = {}
        for offset, sentence, date, modifier in timexes:
            if not modifier:
                by_sentence.setdefault(sentence, []).append((offset, date))
        triggers = sorted(
            int(t)
            for t, tense in zip(group["trigger_start"], group["tense"])
            if tense != Tense.NONE
        )
        # an article that names no date but its publication reports what happened that day
        dateless = not timexes
        rows = sorted(group.iterrows(), key=lambda item: (int(item[1]["trigger_start"]), item[0]))
        for index, row in rows:
            out[index] = _date_of(
                row,
                day,
                by_sentence.get(int(row["sentence"]), []),
                focus_points,
                triggers,
                options,
                dateless,
            )
        if text is not None:  # "filed a lawsuit this week": the lawsuit is dated as its filing
            for noun, verb in light_verb_objects(group, lambda s, e: text[s:e]).items():
                if _own_date(group.loc[noun]) is None:
                    out[noun] = out[verb]
    return out
