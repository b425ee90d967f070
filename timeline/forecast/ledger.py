"""The forecasting ledger: questions, forecasts and resolutions in one JSON Lines file.

A :class:`Ledger` poses questions, records forecasts and resolutions, and
reads them back as frames (``schema.QUESTIONS``, ``schema.FORECASTS``) and
scores (:mod:`timeline.forecast.scoring`). The records and their checks are
:mod:`timeline.forecast.ledger_records`; the file format, the hash chain, locking
and the name of the file, line and field of a bad record are
:mod:`timeline.forecast.ledger_file`. Every date a forecast is *about* is an
argument; the one instant the ledger takes itself is when a forecast was written
(``recorded_at``), from an injectable clock, so a backdated forecast shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from timeline.errors import LedgerError
from timeline.model import QuestionStatus
from timeline.schema import FORECASTS, QUESTIONS, conform

from . import ledger_file
from .ledger_file import NEWLINE, append_record, read_ledger  # noqa: F401 (re-exported)
from .ledger_records import (  # noqa: F401 (re-exported)
    Forecast,
    LedgerState,
    Question,
    Resolution,
    as_instant,
)


def _questions_frame(state: LedgerState) -> pd.DataFrame:
    rows = []
    for qid in state.questions:
        q = state.question(qid)
        row = {c: getattr(q, c) for c in QUESTIONS.names if hasattr(q, c)}
        row["event_ids"], row["options"] = list(q.event_ids), list(q.options)
        if q.condition:
            row["condition_question_id"] = q.condition["question_id"]
            row["condition_resolution"] = q.condition["resolution"]
        rows.append(row)
    return conform(rows, QUESTIONS)


def _utc_naive(instant):
    return None if instant is None else instant.astimezone(dt.UTC).replace(tzinfo=None)


def _forecasts_frame(state: LedgerState) -> pd.DataFrame:
    rows = []
    for f in state.forecasts:
        row = {c: getattr(f, c) for c in FORECASTS.names if hasattr(f, c)}
        row["recorded_at"] = _utc_naive(f.recorded_at)
        for name in ("probabilities", "cdf", "evidence"):
            row[name] = list(getattr(f, name))
        row["updates"] = [{**u, "evidence": list(u.get("evidence", ()))} for u in f.updates]
        row["likelihood_ratios"] = f.likelihood_ratios
        if f.base_rate:
            row["reference_class"] = f.base_rate["reference_class"]
            row["base_rate_occurrences"] = f.base_rate["occurrences"]
            row["base_rate_opportunities"] = f.base_rate["opportunities"]
        rows.append(row)
    return conform(rows, FORECASTS)


def system_clock() -> dt.datetime:
    """The computer's clock, in UTC: the default for when a record was written (the one
    place the library reads the time; pass ``clock=`` for deterministic ledgers)."""
    return dt.datetime.now(dt.UTC)


def fixed_clock(instant) -> Callable[[], dt.datetime]:
    """A clock that always says ``instant`` (ISO text or datetime; naive means UTC).

    Examples:
        >>> fixed_clock("2025-02-28T12:00")().isoformat()
        '2025-02-28T12:00:00+00:00'
    """
    value = as_instant(instant, "fixed_clock")
    return lambda: value


class ManualClock:
    """A clock that says what it was last set to: for tests and notebooks that replay a
    forecaster's days in order (set it to each day before writing that day's forecasts).

    Examples:
        >>> clock = ManualClock("2025-02-28T09:00")
        >>> clock.set("2025-03-07T09:00"); clock().date().isoformat()
        '2025-03-07'
    """

    def __init__(self, instant):
        self.set(instant)

    def set(self, instant) -> None:
        self.now = as_instant(instant, "ManualClock")

    def __call__(self) -> dt.datetime:
        return self.now


class Ledger:
    """A forecasting ledger stored in one JSON Lines file (created on the first append).

    ``clock`` says when each forecast is written (``recorded_at``): the system clock by
    default; pass :func:`fixed_clock` (or any callable returning a datetime) for a
    deterministic ledger. A forecast whose ``as_of`` day is before that day is backdated
    and must say ``retrospective=True``.

    Examples:
        >>> import tempfile, os
        >>> path = os.path.join(tempfile.mkdtemp(), "ledger.jsonl")
        >>> ledger = Ledger(path, clock=fixed_clock("2025-02-28T09:00"))
        >>> _ = ledger.ask(
        ...     "q1",
        ...     "Will it rain in Baghdad on 2025-03-01?",
        ...     "Yes if any rain is recorded.",
        ...     open_time="2025-02-28",
        ...     scheduled_close_time="2025-03-01",
        ... )
        >>> _ = ledger.forecast("q1", "2025-02-28", 0.2, rationale="dry season")
        >>> _ = ledger.resolve("q1", "no", on="2025-03-02", source="weather service")
        >>> ledger.questions()[["id", "status", "resolution"]].values.tolist()
        [['q1', 'resolved', 'no']]
        >>> round(float(ledger.scores().loc[0, "brier"]), 2)
        0.04
        >>> ledger.verify()   # every record valid, the hash chain unbroken: 3 records
        3
    """

    def __init__(self, path, clock: Callable[[], dt.datetime] | None = None):
        self.path = Path(path)
        self.clock = clock or system_clock

    # -- reading ---------------------------------------------------------------------
    def _state(self) -> LedgerState:
        return read_ledger(self.path)

    def question(self, question_id: str) -> Question:
        """The question with its current status and resolution."""
        state = self._state()
        if question_id not in state.questions:
            raise LedgerError(f"{self.path}: no question {question_id!r}")
        return state.question(question_id)

    def questions(self) -> pd.DataFrame:
        """All questions, in the order asked, with the ``schema.QUESTIONS`` columns."""
        return _questions_frame(self._state())

    def forecasts(self) -> pd.DataFrame:
        """All forecasts, in file order, with the ``schema.FORECASTS`` columns."""
        return _forecasts_frame(self._state())

    def scores(self, overall: bool = False) -> pd.DataFrame:
        """Scores per question, forecaster and retrospective flag (``schema.SCORES``), or their
        means per forecaster over resolved questions (``schema.SCORE_SUMMARY``); see
        :mod:`timeline.forecast.scoring`."""
        from .scoring import score_ledger, summarize

        state = self._state()  # one read: questions and forecasts from the same file contents
        table = score_ledger(_questions_frame(state), _forecasts_frame(state))
        return summarize(table) if overall else table

    def verify(self, head: str | None = None) -> int:
        """Check every record and the hash chain; return the number of records.

        Raises LedgerError naming the first broken line (see
        :func:`timeline.forecast.ledger_file.verify`); ``head`` is a copy of :meth:`head`
        kept elsewhere, which also catches an edit of the last line.
        """
        return ledger_file.verify(self.path, head)

    def head(self) -> str:
        """The hash of the last line: keep it elsewhere and pass it to :meth:`verify` later."""
        return ledger_file.head(self.path)

    def __repr__(self) -> str:
        return f"Ledger({str(self.path)!r})"

    # -- writing ---------------------------------------------------------------------
    def _append(self, kind: str, obj) -> None:
        append_record(self.path, kind, obj)

    def ask(
        self,
        id: str,
        title: str,
        resolution_criteria: str,
        open_time,
        scheduled_close_time,
        scheduled_resolve_time=None,
        description: str = "",
        fine_print: str = "",
        event_ids=(),
        type: str = "binary",
        options=(),
        range_min=None,
        range_max=None,
        open_lower_bound: bool = False,
        open_upper_bound: bool = False,
        condition: dict | None = None,
        reference_probability: float | None = None,
    ) -> Question:
        """Pose a question; its id must be new. Returns the :class:`Question`.

        ``type`` is 'binary' (default), 'multiple_choice' (with ``options``), 'numeric' or
        'date' (with ``range_min``/``range_max`` and whether each bound is open);
        ``condition={"question_id": parent, "resolution": "yes"}`` makes it conditional;
        ``reference_probability`` is the forecast a binary question's days without one are
        scored against (default 0.5).
        """
        question = Question(
            id,
            title,
            resolution_criteria,
            open_time,
            scheduled_close_time,
            scheduled_resolve_time,
            description,
            fine_print,
            event_ids,
            type=type,
            options=options,
            range_min=range_min,
            range_max=range_max,
            open_lower_bound=open_lower_bound,
            open_upper_bound=open_upper_bound,
            condition=condition,
            reference_probability=reference_probability,
        )
        self._append("question", question)
        return question

    def forecast(
        self,
        question_id: str,
        as_of,
        probability: float | None = None,
        rationale: str = "",
        evidence=(),
        forecaster: str = "analyst",
        prior: float | None = None,
        *,
        probabilities=(),
        cdf=(),
        base_rate: dict | None = None,
        updates=(),
        retrospective: bool = False,
    ) -> Forecast:
        """Record a forecast made with the information of day ``as_of`` (between the question's
        open and close days); the ledger's clock stamps ``recorded_at``.

        Args:
            probability / probabilities / cdf: the forecast, by question type.
            prior: the probability before this forecast's updates (from ``base_rate``, or
                the previous forecast).
            base_rate: ``{"reference_class": ..., "occurrences": k, "opportunities": n}``.
            updates: ``[{"likelihood_ratio": LR, "evidence": [event ids], "note": ...}]``.
            retrospective: required when ``as_of`` is before today's date on the clock.
        """
        forecast = Forecast(
            question_id,
            as_of,
            probability,
            rationale,
            evidence,
            forecaster,
            prior,
            probabilities=probabilities,
            cdf=cdf,
            base_rate=base_rate,
            updates=updates,
            recorded_at=self.clock(),
            retrospective=retrospective,
        )
        self._append("forecast", forecast)
        return forecast

    def resolve(
        self, question_id: str, resolution, on, source: str, note: str = "", actual_close=None
    ) -> Question:
        """Resolve a question on a day, citing the source: 'yes'/'no' (True/False accepted),
        an option, a number or a date by its type.

        ``actual_close`` is the day the answer became certain (the event happened) when that
        is before ``on``; forecasts after it are not scored. ``resolution`` may also be
        'ambiguous' or 'annulled', which is the same as :meth:`annul`.
        """
        if resolution in (QuestionStatus.AMBIGUOUS, QuestionStatus.ANNULLED):
            return self.annul(question_id, on, source, note, status=resolution)
        if isinstance(resolution, bool):
            resolution = "yes" if resolution else "no"
        elif isinstance(resolution, (int, float)):
            resolution = repr(float(resolution))
        elif isinstance(resolution, (dt.date, pd.Timestamp)):
            resolution = pd.Timestamp(resolution).date().isoformat()
        self._append(
            "resolution",
            Resolution(question_id, "resolved", on, source, resolution, note, actual_close),
        )
        return self.question(question_id)

    def annul(
        self, question_id: str, on, source: str, reason: str, status: str = "annulled"
    ) -> Question:
        """End a question without a yes/no: 'annulled' (its premise failed) or 'ambiguous'
        (the record cannot tell whether it happened). The reason is required; it is not scored."""
        if status not in (QuestionStatus.ANNULLED, QuestionStatus.AMBIGUOUS):
            raise LedgerError(
                f"annul {question_id!r}: status must be 'annulled' or 'ambiguous', got {status!r}"
            )
        self._append("resolution", Resolution(question_id, status, on, source, None, reason))
        return self.question(question_id)

    def mark_ambiguous(self, question_id: str, on, source: str, reason: str) -> Question:
        """Shorthand for ``annul(..., status='ambiguous')``."""
        return self.annul(question_id, on, source, reason, status="ambiguous")
