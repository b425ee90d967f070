"""The forecasting ledger: questions, forecasts and resolutions in one JSON Lines file.

A :class:`Ledger` poses questions, records forecasts and resolutions, and
reads them back as frames (``schema.QUESTIONS``, ``schema.FORECASTS``) and
scores (:mod:`timeline.scoring`). The records and their checks are
:mod:`timeline.ledger_records`; the file format, locking and the name of the
file, line and field of a bad record are :mod:`timeline.ledger_file`. Nothing
reads the clock: every date is an argument.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from timeline.errors import LedgerError
from timeline.schema import FORECASTS, QUESTIONS, conform

from .ledger_file import NEWLINE, append_record, read_ledger  # noqa: F401 (re-exported)
from .ledger_records import Forecast, Question, Resolution, _State  # noqa: F401 (re-exported)


def _questions_frame(state: _State) -> pd.DataFrame:
    rows = [state.question(qid) for qid in state.questions]
    return conform(
        [
            {
                c: (list(getattr(q, c)) if c == "event_ids" else getattr(q, c))
                for c in QUESTIONS.names
            }
            for q in rows
        ],
        QUESTIONS,
    )


def _forecasts_frame(state: _State) -> pd.DataFrame:
    return conform(
        [
            {
                c: (list(getattr(f, c)) if c == "evidence" else getattr(f, c))
                for c in FORECASTS.names
            }
            for f in state.forecasts
        ],
        FORECASTS,
    )


class Ledger:
    """A forecasting ledger stored in one JSON Lines file (created on the first append).

    Examples:
        >>> import tempfile, os
        >>> path = os.path.join(tempfile.mkdtemp(), "ledger.jsonl")
        >>> ledger = Ledger(path)
        >>> _ = ledger.ask("q1", "Will it rain in Baghdad on 2025-03-01?", "Yes if any rain is recorded.",
        ...                open_time="2025-02-28", scheduled_close_time="2025-03-01")
        >>> _ = ledger.forecast("q1", "2025-02-28", 0.2, rationale="dry season")
        >>> _ = ledger.resolve("q1", "no", on="2025-03-02", source="weather service")
        >>> ledger.questions()[["id", "status", "resolution"]].values.tolist()
        [['q1', 'resolved', 'no']]
        >>> round(float(ledger.scores().loc[0, "brier"]), 2)
        0.04
    """

    def __init__(self, path):
        self.path = Path(path)

    # -- reading ---------------------------------------------------------------------
    def _state(self) -> _State:
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
        """Scores per question and forecaster (``schema.SCORES``), or their means per forecaster
        over resolved questions (``schema.SCORE_SUMMARY``); see :mod:`timeline.scoring`."""
        from .scoring import score_ledger, summarize

        state = self._state()  # one read: questions and forecasts from the same file contents
        table = score_ledger(_questions_frame(state), _forecasts_frame(state))
        return summarize(table) if overall else table

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
    ) -> Question:
        """Pose a question; its id must be new. Returns the :class:`Question`."""
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
        )
        self._append("question", question)
        return question

    def forecast(
        self,
        question_id: str,
        as_of,
        probability: float,
        rationale: str = "",
        evidence=(),
        forecaster: str = "analyst",
        prior: float | None = None,
    ) -> Forecast:
        """Record a forecast made on day ``as_of`` (between the question's open and close days)."""
        forecast = Forecast(question_id, as_of, probability, rationale, evidence, forecaster, prior)
        self._append("forecast", forecast)
        return forecast

    def resolve(self, question_id: str, resolution, on, source: str, note: str = "") -> Question:
        """Resolve a question 'yes' or 'no' (True/False accepted) on a day, citing the source.

        ``resolution`` may also be 'ambiguous' or 'annulled', which is the same as :meth:`annul`.
        """
        if resolution in ("ambiguous", "annulled"):
            return self.annul(question_id, on, source, note, status=resolution)
        if isinstance(resolution, bool):
            resolution = "yes" if resolution else "no"
        self._append(
            "resolution", Resolution(question_id, "resolved", on, source, resolution, note)
        )
        return self.question(question_id)

    def annul(
        self, question_id: str, on, source: str, reason: str, status: str = "annulled"
    ) -> Question:
        """End a question without a yes/no: 'annulled' (its premise failed) or 'ambiguous'
        (the record cannot tell whether it happened). The reason is required; it is not scored."""
        if status not in ("annulled", "ambiguous"):
            raise LedgerError(
                f"annul {question_id!r}: status must be 'annulled' or 'ambiguous', got {status!r}"
            )
        self._append("resolution", Resolution(question_id, status, on, source, None, reason))
        return self.question(question_id)

    def mark_ambiguous(self, question_id: str, on, source: str, reason: str) -> Question:
        """Shorthand for ``annul(..., status='ambiguous')``."""
        return self.annul(question_id, on, source, reason, status="ambiguous")
