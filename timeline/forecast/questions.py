"""Draft forecasting questions from a timeline's expected and potential events.

An expected event ("He expected the coalition to convene an emergency meeting
in the coming days") or a potential one ("potential US sanctions targeting
individuals, institutions, or banks") is a question waiting to be asked: will
it happen by a date? :func:`candidate_questions` writes the draft: who (the
event's first actor), what (the trigger and its object, cut before the time
expression, a purpose clause or a second coordinated verb), by when (the
event's latest bound, or the horizon when the text gives none), and which
events it rests on. Mentions of the same happening (the same trigger noun, or
the same object after the trigger) become one draft with all their event ids.

A draft is a full question: title, resolution criteria with a reachable Yes and a
default No, fine print, a close date from the text's own deadline when it has one
("within two weeks", "by September 2025"; ``close_basis='text'``), and the evidence
event ids. No draft is made from what someone denies ("denied that hospitals would
close"), from an aim ("aiming to block ..."), or without a subject; mentions merge
only when they share the head and an object word ("vote on the budget" and "vote on
sanctions" stay two). ``benchmarks/drafts.py`` measures how many drafts are usable
as written. Drafts, not decisions: the analyst reviews them before asking them in a
:class:`~timeline.Ledger`. Once questions are
open, :func:`bearing` proposes which events of a new article bear on them, and
:func:`events_about` looks event ids up by phrase for a forecast's evidence.
The wording (who, what) is :mod:`timeline.question_wording`, with the word
tables of ``rules/questions.yaml``.
"""

from __future__ import annotations

import re

import pandas as pd

from timeline.errors import LedgerError
from timeline.io.segment import sentence_around
from timeline.model import QuestionStatus
from timeline.schema import BEARINGS, CANDIDATES, conform

from .question_wording import (  # noqa: F401 (RULES and rules re-exported)
    RULES,
    WORD,
    article_texts,
    context_of,
    is_aim,
    is_denied,
    is_purpose,
    predicate_of,
    rules,
    subjects_of,
)

_DURATION = re.compile(r"^P(\d+)([DWMY])$")


def _timexes(text: str, opened) -> pd.DataFrame:
    from timeline.temporal import find_timexes

    published = None if opened is None else f"{opened:%Y-%m-%d}"
    return find_timexes(text, published=published)


def _deadline(row, text: str, offset: int, found: pd.DataFrame, opened):
    """The close a deadline in the event's sentence gives ("within two weeks", "by September 2025"),
    after the trigger; None when there is none."""
    table = rules()["deadlines"]
    begin = max(0, row["trigger_end"] - offset)
    end = max(begin, sentence_around(text, begin)[1])
    closes = []
    for _, t in found[(found["start"] >= begin) & (found["start"] < end)].iterrows():
        before = WORD.findall(text[: t["start"]])[-1:]
        word = before[0].lower() if before else ""
        duration = _DURATION.match(str(t["value"]))
        if (
            word in table["duration"]
            and t["type"] == "DURATION"
            and duration
            and opened is not None
        ):
            days = int(duration.group(1)) * int(table["unit_days"][duration.group(2)])
            closes.append(opened + pd.Timedelta(days=days))
        elif word in table["date"] and t["type"] == "DATE" and pd.notna(t["latest"]):
            closes.append(pd.Timestamp(t["latest"]))
    return min(closes) if closes else None


def _date(value, where: str):
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError):
        raise LedgerError(f"{where}: expected a date 'YYYY-MM-DD', got {value!r}") from None


def candidate_questions(df: pd.DataFrame, horizon, reference=None, articles=None) -> pd.DataFrame:
    """Draft yes/no questions from the expected and potential events of a timeline.

    Args:
        df: a timeline frame (``schema.TIMELINE``).
        horizon: close date for events the text leaves open-ended: a date, or a
            number of days / a Timedelta after ``reference``.
        reference: the day the questions open (the article's publication date);
            None leaves ``open_time`` empty.
        articles: the :class:`~timeline.Article` (or list, or ``{article_id: text}``) the
            timeline came from. With it, a draft reads past the event's clause ("sanctions
            targeting individuals, institutions, or banks"), skips purpose clauses ("a meeting
            to discuss ..."), and names "the coalition" by the apposition that introduced it
            ("the Coordination Framework, a coalition of ..."). Without it, only the clause.

    Returns:
        A frame with the ``schema.CANDIDATES`` columns, one draft per happening,
        soonest close first (then timeline order). The close date is the earliest finite
        ``latest`` bound among the happening's events (``close_basis='bounds'``), else the
        horizon.

    Examples:
        >>> from timeline.schema import TIMELINE
        >>> text = (
        ...     "He expected the coalition to convene an emergency meeting in the coming days"
        ...     " to evaluate it."
        ... )
        >>> row = dict(
        ...     event_id="a-e1", article_id="a", sentence=0, start=0, end=len(text), text=text,
        ...     trigger="convene", trigger_start=29, trigger_end=36,
        ...     actors=["Coordination Framework"], kind="plan", modality="expected",
        ...     timex="in the coming days", value="FUTURE_REF",
        ...     earliest="2025-02-28", latest="2025-03-14", precision="vague", basis="relative",
        ...     rule="vague", order=1, event_class="OCCURRENCE", tense="future", aspect="none",
        ...     source=None, newsworthy=True, warning=None,
        ... )
        >>> df = conform([row], TIMELINE)
        >>> drafts = candidate_questions(df, horizon="2025-12-31", reference="2025-02-28")
        >>> drafts.loc[0, "title"]
        'Will the Coordination Framework convene an emergency meeting by 2025-03-14?'
        >>> drafts.loc[0, ["close_basis", "event_ids"]].tolist()
        ['bounds', ['a-e1']]
    """
    opened = None if reference is None else _date(reference, "candidate_questions: reference")
    if isinstance(horizon, (int, float, pd.Timedelta)) and not isinstance(horizon, bool):
        if opened is None:
            raise LedgerError("candidate_questions: a horizon in days needs the reference date")
        horizon = opened + (
            horizon if isinstance(horizon, pd.Timedelta) else pd.Timedelta(days=horizon)
        )
    horizon = _date(horizon, "candidate_questions: horizon")
    if opened is not None and horizon < opened:
        raise LedgerError(
            f"candidate_questions: horizon {horizon.date()} is before the reference {opened.date()}"
        )
    rows = df[df["modality"].isin(["expected", "potential"])].sort_values("order", kind="stable")
    groups: dict[tuple, list] = {}
    texts = article_texts(articles)
    subjects = subjects_of(rows, texts)
    found: dict[str, pd.DataFrame] = {}
    deadlines = {}
    stop = rules()["stopwords"]
    for _, row in rows.iterrows():
        text, offset, whole = context_of(row, texts)
        if whole and is_purpose(row, text, offset):
            continue
        if is_aim(row, text, offset) or is_denied(row, text, offset):
            continue
        where = row["article_id"] if whole else row["event_id"]
        if where not in found:
            found[where] = _timexes(text, opened)
        starts = found[where]["start"].tolist()
        what, key = predicate_of(row, text, offset, starts)
        deadlines[row["event_id"]] = _deadline(row, text, offset, found[where], opened)
        who = subjects[row["event_id"]]
        words = _content(" ".join(what.split()[1:]), stop)
        same = next(
            (g for g in groups if g[0] == key and (not words or not g[1] or words & set(g[1]))),
            None,
        )  # one happening: the same head and a shared object word ("vote on the budget" and
        # "vote on sanctions" are two)
        if same is None:
            same = (key, tuple(sorted(words)))
            groups[same] = []
        groups[same].append((row, what, who))
    table = rules()
    drafts = []
    for mentions in groups.values():
        # The wording comes from the mention that gives the timing (the tightest latest bound);
        # a mention that names no actor borrows one from another mention.
        timed = [
            m
            for m in mentions
            if pd.notna(m[0]["latest"]) and (opened is None or m[0]["latest"] >= opened)
        ]
        lead, what, who = min(timed, key=lambda m: m[0]["latest"]) if timed else mentions[0]
        stated = [
            deadlines[m[0]["event_id"]] for m in mentions if deadlines[m[0]["event_id"]] is not None
        ]
        if timed:
            close, basis = lead["latest"], "bounds"
        elif stated:
            close, basis = min(stated), "text"
        else:
            close, basis = horizon, "horizon"
        if who == "[who]":
            who = next((m[2] for m in mentions if m[2] != "[who]"), who)
        if who == "[who]":  # a draft with no one to do it is not a question
            continue
        when = f"{close:%Y-%m-%d}"
        start = f"{opened:%Y-%m-%d}" if opened is not None else "the day it is asked"
        fill = {"who": who, "what": what, "open": start, "close": when}
        drafts.append(
            {
                "id": f"{mentions[0][0]['event_id']}-q",
                "title": f"Will {who} {what} by {when}?",
                "resolution_criteria": table["criteria"].format(**fill),
                "fine_print": " ".join(table["fine_print"].split()).format(**fill),
                "description": " | ".join(m[0]["text"] for m in mentions),
                "open_time": opened,
                "scheduled_close_time": close,
                "close_basis": basis,
                "modality": lead["modality"],
                "actors": list(lead["actors"]),
                "trigger": lead["trigger"],
                "event_ids": [m[0]["event_id"] for m in mentions],
            }
        )
    drafts.sort(
        key=lambda d: d["scheduled_close_time"]
    )  # stable: timeline order within a close date
    return conform(drafts, CANDIDATES)


def events_about(df: pd.DataFrame, *phrases: str) -> list[str]:
    """Event ids whose clause contains any of the phrases (case-insensitive), in timeline order.

    The evidence of a forecast is cited by event id; looking the ids up by phrase keeps a
    notebook right when the event numbering changes.

    Examples:
        >>> from timeline.schema import TIMELINE
        >>> rows = [
        ...     dict(
        ...         event_id=f"a-e{i}", article_id="a", sentence=0, start=0, end=5,
        ...         text=t, trigger=t, trigger_start=0, trigger_end=5, actors=[],
        ...         kind="action", modality="asserted", precision="unknown", basis="none",
        ...         rule="-", order=i, event_class="OCCURRENCE", tense="past", aspect="none",
        ...         newsworthy=True,
        ...     )
        ...     for i, t in enumerate(["met", "Signed"], 1)
        ... ]
        >>> events_about(conform(rows, TIMELINE), "signed")
        ['a-e2']
    """
    ordered = df.sort_values("order", kind="stable")
    text = ordered["text"].str.lower()
    hit = pd.Series(False, index=ordered.index)
    for phrase in phrases:
        hit |= text.str.contains(phrase.lower(), regex=False)
    return ordered.loc[hit, "event_id"].tolist()


def _content(text: str, stop: frozenset) -> set[str]:
    return {w.lower() for w in WORD.findall(text or "") if len(w) >= 4 and w.lower() not in stop}


def bearing(questions: pd.DataFrame, df: pd.DataFrame, min_shared: int = 2) -> pd.DataFrame:
    """Which events of a (new) timeline bear on which open questions: those whose clause shares at
    least ``min_shared`` content words with the question's title and description.

    A proposal for the analyst, who decides whether an event is evidence (and records a new
    forecast citing it); resolved, annulled and ambiguous questions are left out.

    Args:
        questions: ``Ledger.questions()``.
        df: a timeline frame, e.g. of an article published after the questions were asked.

    Returns:
        A frame with the ``schema.BEARINGS`` columns, by question then timeline order.

    Examples:
        >>> from timeline.schema import QUESTIONS, TIMELINE
        >>> asked = dict(
        ...     id="gas", type="binary", title="Will Iraq halt imports of Iranian gas?",
        ...     resolution_criteria="c", open_lower_bound=False, open_upper_bound=False,
        ...     open_time="2025-02-28", scheduled_close_time="2025-12-31",
        ...     scheduled_resolve_time="2025-12-31", status="open", event_ids=[],
        ... )
        >>> q = conform([asked], QUESTIONS)
        >>> found = dict(
        ...     event_id="b-e1", article_id="b", sentence=0, start=0, end=40,
        ...     text="Iraq resumed Iranian gas imports on Monday", trigger="resumed",
        ...     trigger_start=5, trigger_end=12, actors=["Iraq"], kind="action",
        ...     modality="asserted", precision="day", basis="explicit", rule="r", order=1,
        ...     event_class="OCCURRENCE", tense="past", aspect="none", newsworthy=True,
        ... )
        >>> e = conform([found], TIMELINE)
        >>> bearing(q, e)[["question_id", "event_id", "shared"]].values.tolist()
        [['gas', 'b-e1', ['imports', 'iranian', 'iraq']]]
    """
    stop = rules()["stopwords"]
    events = df.sort_values("order", kind="stable")
    words = [(row, _content(row["text"], stop)) for _, row in events.iterrows()]
    rows = []
    for _, question in questions[questions["status"] == QuestionStatus.OPEN].iterrows():
        description = question["description"] if pd.notna(question["description"]) else ""
        asked = _content(f"{question['title']} {description}", stop)
        for row, have in words:
            shared = sorted(asked & have)
            if len(shared) >= min_shared:
                rows.append(
                    {
                        "question_id": question["id"],
                        "event_id": row["event_id"],
                        "article_id": row["article_id"],
                        "shared": shared,
                        "text": row["text"],
                    }
                )
    return conform(rows, BEARINGS)
