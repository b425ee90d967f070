"""A running story: new articles against a forecasting ledger's open questions.

When new reports come in, an analyst wants to know which open questions they bear on. A new
event bears on a question when it is

- ``linked``: proposed as the same real event (``same_as``) as an event the question or one of
  its forecasts cites; or
- ``named``: it names the act the question asks about (the trigger's act, ``base_lemma``, among
  the acts of the question's title words) and an actor the question names.

The evidence goes into a *copy* of the ledger, as it stood on the day the new articles came in,
as one forecast per question that carries the analyst's last probability forward unchanged under
its own forecaster name, so the analyst's record and scores are left as they were.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from timeline.forecast.ledger import Ledger, ManualClock
from timeline.model import QuestionStatus
from timeline.stories.merge import base_lemma

CARRIER = "evidence-carried"
_WORD = re.compile(r"[^\W\d_][\w\-]*")
_NAME = re.compile(r"\b[A-Z][\w\-]+")


def _day(value) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


def ledger_as_of(source, target, day) -> Ledger:
    """Copy the records of the ledger at ``source`` dated on or before ``day`` into a new ledger
    at ``target`` (questions opened, forecasts made, resolutions made by then), via the ledger's
    own checks. The source file is only read.

    Examples:
        >>> import tempfile
        >>> copy = ledger_as_of("notebooks/data/seed-ledger.jsonl",
        ...                     Path(tempfile.mkdtemp()) / "ledger.jsonl", "2025-03-10")
        >>> copy.questions().set_index("id").status.value_counts().to_dict()
        {'open': 6, 'resolved': 1}
    """
    source, target, day = Ledger(source), Path(target), _day(day)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    clock = ManualClock("2000-01-01T00:00")
    copy = Ledger(target, clock=clock)  # replays each forecast at the instant it was recorded
    questions = source.questions()
    for q in questions[questions.open_time <= day].itertuples():
        copy.ask(
            q.id,
            q.title,
            q.resolution_criteria,
            q.open_time,
            q.scheduled_close_time,
            q.scheduled_resolve_time if pd.notna(q.scheduled_resolve_time) else None,
            q.description if isinstance(q.description, str) else "",
            q.fine_print if isinstance(q.fine_print, str) else "",
            q.event_ids,
        )
    forecasts = source.forecasts()
    for f in forecasts[forecasts.as_of <= day].itertuples():
        recorded = f.recorded_at if pd.notna(f.recorded_at) else f.as_of + pd.Timedelta(hours=12)
        clock.set(recorded.to_pydatetime())
        copy.forecast(
            f.question_id,
            f.as_of,
            f.probability if pd.notna(f.probability) else None,
            f.rationale if isinstance(f.rationale, str) else "",
            f.evidence,
            f.forecaster,
            f.prior if pd.notna(f.prior) else None,
            probabilities=f.probabilities,
            cdf=f.cdf,
            base_rate=None
            if not isinstance(f.reference_class, str)
            else {
                "reference_class": f.reference_class,
                "occurrences": f.base_rate_occurrences,
                "opportunities": f.base_rate_opportunities,
            },
            updates=f.updates,
            retrospective=bool(f.retrospective),
        )
    ended = questions[
        questions.actual_resolve_time.notna() & (questions.actual_resolve_time <= day)
    ]
    for q in ended.itertuples():
        note = q.resolution_note if isinstance(q.resolution_note, str) else ""
        if q.status == QuestionStatus.RESOLVED:
            early = q.actual_close_time if q.actual_close_time < q.actual_resolve_time else None
            copy.resolve(
                q.id, q.resolution, q.actual_resolve_time, q.resolution_source, note, early
            )
        else:
            copy.annul(q.id, q.actual_resolve_time, q.resolution_source, note, status=q.status)
    return copy


def open_questions(ledger: Ledger, day) -> pd.DataFrame:
    """The questions open for forecasts on ``day``."""
    day = _day(day)
    q = ledger.questions()
    return q[
        (q.status == QuestionStatus.OPEN) & (q.open_time <= day) & (q.scheduled_close_time >= day)
    ]


def _groups(df: pd.DataFrame) -> dict[str, str]:
    """Each event's group: the representative it is linked to, or itself."""
    return {
        e: (s if isinstance(s, str) else e) for e, s in zip(df.event_id, df.same_as, strict=True)
    }


def evidence_for(ledger: Ledger, df: pd.DataFrame, new_article_ids, day) -> pd.DataFrame:
    """The new events that bear on each question open on ``day``, and why (see the module).

    Returns:
        A frame with question_id, event_id, trigger, when, article_id, basis ('linked' or
        'named'), why.
    """
    new = df[df.article_id.isin(list(new_article_ids))]
    group = _groups(df)
    forecasts = ledger.forecasts()
    rows = []
    for q in open_questions(ledger, day).itertuples():
        cited = set(q.event_ids)
        for evidence in forecasts[forecasts.question_id == q.id].evidence:
            cited.update(evidence)
        cited_groups = {group.get(e, e) for e in cited}
        text = f"{q.title} {q.description if isinstance(q.description, str) else ''}"
        acts = {base_lemma(w) for w in _WORD.findall(q.title)}
        names = set(_NAME.findall(text))
        for row in new.itertuples():
            if group[row.event_id] in cited_groups:
                linked = next(e for e in sorted(cited) if group.get(e, e) == group[row.event_id])
                rows.append((q.id, row, "linked", f"same event as {linked}, which it cites"))
                continue
            if not row.newsworthy or base_lemma(row.trigger) not in acts:
                continue
            shared = sorted({w for actor in row.actors for w in _NAME.findall(actor)} & names)
            if shared:
                rows.append(
                    (
                        q.id,
                        row,
                        "named",
                        f"act '{base_lemma(row.trigger)}' and {', '.join(shared)}"
                        " named in the question",
                    )
                )
    return pd.DataFrame(
        [
            (qid, r.event_id, r.trigger, r.when, r.article_id, basis, why)
            for qid, r, basis, why in rows
        ],
        columns=["question_id", "event_id", "trigger", "when", "article_id", "basis", "why"],
    )


def attach_evidence(
    ledger: Ledger, evidence: pd.DataFrame, day, forecaster: str = "analyst"
) -> pd.DataFrame:
    """Record the new evidence in the ledger: per question, one forecast on ``day`` by
    ``evidence-carried`` with ``forecaster``'s last probability unchanged and the evidence appended
    (marked retrospective when ``day`` is before the day on the ledger's clock).

    Returns:
        The forecasts written (``schema.FORECASTS`` columns).
    """
    day = _day(day)
    forecasts = ledger.forecasts()
    for question_id, found in evidence.groupby("question_id", sort=False):
        earlier = forecasts[
            (forecasts.question_id == question_id)
            & (forecasts.as_of <= day)
            & (forecasts.forecaster == forecaster)
        ]
        if earlier.empty:
            continue
        last = earlier.iloc[-1]
        cited = list(last.evidence) + [e for e in found.event_id if e not in last.evidence]
        listed = "; ".join(
            f"{t} ({w}, {a})" for t, w, a in zip(found.trigger, found["when"], found.article_id)
        )
        ledger.forecast(
            question_id,
            day,
            float(last.probability),
            rationale=(
                "New evidence, not yet weighed"
                f" (probability carried from {last.as_of.date()}): {listed}"
            ),
            evidence=cited,
            forecaster=CARRIER,
            prior=float(last.probability),
            retrospective=day.date() < ledger.clock().date(),  # a past day replayed: backdated
        )
    written = ledger.forecasts()
    return written[(written.forecaster == CARRIER) & (written.as_of == day)].reset_index(drop=True)
