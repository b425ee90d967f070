"""The forecasting ledger's records: questions, forecasts and resolutions, each checked field by field.

:class:`Question`, :class:`Forecast` and :class:`Resolution` validate their own
fields when built (dates are calendar days, texts are text, 0 < p < 1) and
raise :class:`~timeline.errors.LedgerError` naming the field. :class:`_State`
checks each record against the ones before it (unique question ids, forecasts
inside the question's window, one resolution per question). How records are
stored is :mod:`timeline.ledger_file`; the ledger itself is :mod:`timeline.ledger`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, fields

import pandas as pd

from timeline.errors import LedgerError
from timeline.schema import QUESTION_STATUS


def _day(value, where: str) -> dt.date:
    """A calendar day from a date, datetime, Timestamp or 'YYYY-MM-DD' string."""
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise LedgerError(f"{where}: a date is required, got NaT")
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise LedgerError(f"{where}: expected a date 'YYYY-MM-DD', got {value!r}")


def _text(value, where: str, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise LedgerError(f"{where}: expected text, got {type(value).__name__}")
    if required and not value.strip():
        raise LedgerError(f"{where}: must not be empty")
    return value


def _ids(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise LedgerError(f"{where}: expected a list of event ids (strings), got {value!r}")
    return tuple(value)


def _probability(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise LedgerError(f"{where}: expected a number, got {value!r}")
    value = float(value)
    if not (0.0 < value < 1.0) or math.isnan(value):
        raise LedgerError(
            f"{where}: {value!r} is not strictly between 0 and 1 (0 and 1 are certainties, "
            "which no forecast may claim)"
        )
    return value


@dataclass(frozen=True)
class Question:
    """A binary question, in Metaculus's field names.

    Examples:
        >>> q = Question("q1", "Will it rain in Baghdad on 2025-03-01?", "Yes if any rain is recorded.",
        ...              "2025-02-28", "2025-03-01")
        >>> q.scheduled_resolve_time, q.status
        (datetime.date(2025, 3, 1), 'open')
    """

    id: str
    title: str
    resolution_criteria: str
    open_time: dt.date
    scheduled_close_time: dt.date
    scheduled_resolve_time: dt.date | None = None  # defaults to the close
    description: str = ""
    fine_print: str = ""
    event_ids: tuple[str, ...] = ()
    # State, filled from resolution records (never written in a question record):
    status: str = "open"
    resolution: str | None = None
    actual_resolve_time: dt.date | None = None
    resolution_source: str | None = None
    resolution_note: str | None = None

    def __post_init__(self):
        w = f"question {self.id!r}"
        set_ = object.__setattr__
        set_(self, "id", _text(self.id, f"{w}: field 'id'", True))
        set_(self, "title", _text(self.title, f"{w}: field 'title'", True))
        set_(
            self,
            "resolution_criteria",
            _text(self.resolution_criteria, f"{w}: field 'resolution_criteria'", True),
        )
        set_(self, "description", _text(self.description, f"{w}: field 'description'"))
        set_(self, "fine_print", _text(self.fine_print, f"{w}: field 'fine_print'"))
        set_(self, "open_time", _day(self.open_time, f"{w}: field 'open_time'"))
        set_(
            self,
            "scheduled_close_time",
            _day(self.scheduled_close_time, f"{w}: field 'scheduled_close_time'"),
        )
        resolve = (
            self.scheduled_close_time
            if self.scheduled_resolve_time is None
            else self.scheduled_resolve_time
        )
        set_(self, "scheduled_resolve_time", _day(resolve, f"{w}: field 'scheduled_resolve_time'"))
        set_(self, "event_ids", _ids(self.event_ids, f"{w}: field 'event_ids'"))
        if self.scheduled_close_time < self.open_time:
            raise LedgerError(
                f"{w}: field 'scheduled_close_time' {self.scheduled_close_time} is before "
                f"open_time {self.open_time}"
            )
        if self.scheduled_resolve_time < self.scheduled_close_time:
            raise LedgerError(
                f"{w}: field 'scheduled_resolve_time' {self.scheduled_resolve_time} is before "
                f"scheduled_close_time {self.scheduled_close_time}"
            )
        if self.status not in QUESTION_STATUS:
            raise LedgerError(
                f"{w}: field 'status' {self.status!r} is not one of {list(QUESTION_STATUS)}"
            )

    _RECORD = (
        "id",
        "title",
        "description",
        "resolution_criteria",
        "fine_print",
        "open_time",
        "scheduled_close_time",
        "scheduled_resolve_time",
        "event_ids",
    )


@dataclass(frozen=True)
class Forecast:
    """A probability that a question resolves yes, as of a day.

    Examples:
        >>> Forecast("q1", "2025-02-28", 0.3, rationale="dry season").probability
        0.3
        >>> Forecast("q1", "2025-02-28", 1.0)
        Traceback (most recent call last):
        ...
        timeline.errors.LedgerError: forecast on 'q1': field 'probability': 1.0 is not strictly between 0 and 1 ...
    """

    question_id: str
    as_of: dt.date
    probability: float
    rationale: str = ""
    evidence: tuple[str, ...] = ()
    forecaster: str = "analyst"
    prior: float | None = None

    def __post_init__(self):
        w = f"forecast on {self.question_id!r}"
        set_ = object.__setattr__
        set_(self, "question_id", _text(self.question_id, f"{w}: field 'question_id'", True))
        set_(self, "as_of", _day(self.as_of, f"{w}: field 'as_of'"))
        set_(self, "probability", _probability(self.probability, f"{w}: field 'probability'"))
        set_(self, "rationale", _text(self.rationale, f"{w}: field 'rationale'"))
        set_(self, "evidence", _ids(self.evidence, f"{w}: field 'evidence'"))
        set_(self, "forecaster", _text(self.forecaster, f"{w}: field 'forecaster'", True))
        if self.prior is not None:
            set_(self, "prior", _probability(self.prior, f"{w}: field 'prior'"))

    _RECORD = (
        "question_id",
        "as_of",
        "probability",
        "prior",
        "rationale",
        "evidence",
        "forecaster",
    )


@dataclass(frozen=True)
class Resolution:
    """The end of a question: resolved yes/no, annulled, or ambiguous."""

    question_id: str
    status: str
    on: dt.date
    source: str
    resolution: str | None = None
    note: str = ""

    def __post_init__(self):
        w = f"resolution of {self.question_id!r}"
        set_ = object.__setattr__
        set_(self, "question_id", _text(self.question_id, f"{w}: field 'question_id'", True))
        set_(self, "on", _day(self.on, f"{w}: field 'on'"))
        set_(self, "source", _text(self.source, f"{w}: field 'source'", True))
        set_(self, "note", _text(self.note, f"{w}: field 'note'"))
        if self.status not in QUESTION_STATUS[1:]:
            raise LedgerError(
                f"{w}: field 'status' {self.status!r} is not one of {list(QUESTION_STATUS[1:])}"
            )
        if self.status == "resolved" and self.resolution not in ("yes", "no"):
            raise LedgerError(
                f"{w}: field 'resolution' must be 'yes' or 'no', got {self.resolution!r}"
            )
        if self.status != "resolved":
            if self.resolution is not None:
                raise LedgerError(
                    f"{w}: field 'resolution' must be empty when the question is {self.status}"
                )
            if not self.note.strip():
                raise LedgerError(f"{w}: field 'note' must say why the question is {self.status}")

    _RECORD = ("question_id", "status", "resolution", "on", "source", "note")


@dataclass
class _State:
    """Everything the file says, checked record by record in file order."""

    questions: dict[str, Question] = field(default_factory=dict)
    forecasts: list[Forecast] = field(default_factory=list)
    resolutions: dict[str, Resolution] = field(default_factory=dict)

    def add(self, kind: str, obj, where: str) -> None:
        """Check a record against what came before it; raise LedgerError naming the field."""
        if kind == "question":
            if obj.id in self.questions:
                raise LedgerError(f"{where}: field 'id': duplicate question id {obj.id!r}")
            self.questions[obj.id] = obj
            return
        question = self.questions.get(obj.question_id)
        if question is None:
            raise LedgerError(
                f"{where}: field 'question_id': no question {obj.question_id!r} asked before this {kind}"
            )
        done = self.resolutions.get(obj.question_id)
        if kind == "forecast":
            if done is not None:
                raise LedgerError(
                    f"{where}: question {obj.question_id!r} is already {done.status} (on {done.on}); "
                    "no more forecasts"
                )
            if obj.as_of < question.open_time:
                raise LedgerError(
                    f"{where}: field 'as_of' {obj.as_of} is before the question opened "
                    f"({question.open_time})"
                )
            if obj.as_of > question.scheduled_close_time:
                raise LedgerError(
                    f"{where}: field 'as_of' {obj.as_of} is after the question closed "
                    f"({question.scheduled_close_time})"
                )
            self.forecasts.append(obj)
            return
        if done is not None:
            raise LedgerError(
                f"{where}: question {obj.question_id!r} is already {done.status} (on {done.on})"
            )
        if obj.on < question.open_time:
            raise LedgerError(
                f"{where}: field 'on' {obj.on} is before the question opened ({question.open_time})"
            )
        self.resolutions[obj.question_id] = obj

    def question(self, qid: str) -> Question:
        q = self.questions[qid]
        r = self.resolutions.get(qid)
        if r is None:
            return q
        return Question(
            **{
                **{f.name: getattr(q, f.name) for f in fields(q)},
                "status": r.status,
                "resolution": r.resolution,
                "actual_resolve_time": r.on,
                "resolution_source": r.source,
                "resolution_note": r.note or None,
            }
        )
