"""The forecasting ledger's records: questions, forecasts, resolutions, each checked field by field.

:class:`Question`, :class:`Forecast` and :class:`Resolution` validate their own
fields when built (dates are calendar days pandas can hold, 1677-09-22 to
2262-04-11; texts are text without lone surrogates; 0 < p < 1) and raise
:class:`~timeline.errors.LedgerError` naming the field. :class:`LedgerState` checks
each record against the ones before it (unique question ids, forecasts inside
the question's window and not backdated, one resolution per question). How
records are stored is :mod:`timeline.forecast.ledger_file`; the ledger itself is
:mod:`timeline.forecast.ledger`.

Question types, as on Metaculus: ``binary`` (a probability of yes),
``multiple_choice`` (one probability per option, summing to 1), ``numeric`` and
``date`` (a cumulative distribution on a grid of ``CDF_POINTS`` points spread
evenly over ``[range_min, range_max]``; a date's range is in days). A question
with a ``condition`` (``{"question_id": ..., "resolution": "yes"}``) is
conditional: it is annulled when its parent resolves otherwise.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, fields

import pandas as pd

from timeline.errors import LedgerError
from timeline.model import Answer, QuestionStatus, QuestionType
from timeline.schema import QUESTION_STATUS, QUESTION_TYPES

UPDATE_TOLERANCE = 0.01  # a forecast rounded to two decimals may differ from its prior and updates
CDF_POINTS = 201  # Metaculus stores a continuous forecast as its CDF at 201 evenly spaced points
MIN_DAY, MAX_DAY = pd.Timestamp.min.date() + dt.timedelta(days=1), pd.Timestamp.max.date()
# the instants datetime64[ns] holds, to the microsecond
_MIN_INSTANT = dt.datetime(1677, 9, 21, 0, 12, 44)
_MAX_INSTANT = dt.datetime(2262, 4, 11, 23, 47, 16)
_CONTINUOUS = ("numeric", "date")


def _day(value, where: str) -> dt.date:
    """A calendar day from a date, datetime, Timestamp or 'YYYY-MM-DD' string, in pandas' range."""
    day = None
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise LedgerError(f"{where}: a date is required, got NaT")
        day = value.date()
    elif isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass
    if day is None:
        raise LedgerError(f"{where}: expected a date 'YYYY-MM-DD', got {value!r}"[:300])
    if not MIN_DAY <= day <= MAX_DAY:
        raise LedgerError(
            f"{where}: {day} is outside the dates a ledger can hold ({MIN_DAY} to {MAX_DAY})"
        )
    return day


def as_instant(value, where: str) -> dt.datetime:
    """A timezone-aware UTC instant from a datetime or an ISO string (naive means UTC)."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise LedgerError(f"{where}: expected an ISO date-time, got {value!r}"[:300]) from None
    if not isinstance(value, dt.datetime):
        raise LedgerError(f"{where}: expected a date-time, got {type(value).__name__}")
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    value = value.astimezone(dt.UTC)
    naive = value.replace(tzinfo=None)
    if not _MIN_INSTANT < naive < _MAX_INSTANT:
        raise LedgerError(
            f"{where}: {value.isoformat()} is outside the instants a ledger can hold "
            f"({_MIN_INSTANT.isoformat()} to {_MAX_INSTANT.isoformat()})"
        )
    return value


def _text(value, where: str, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise LedgerError(f"{where}: expected text, got {type(value).__name__}")
    for i, char in enumerate(value):
        if "\ud800" <= char <= "\udfff":
            raise LedgerError(
                f"{where}: a lone surrogate (U+{ord(char):04X}) at character {i} is not text "
                "(a broken UTF-16 pair in the input?)"
            )
    if required and not value.strip():
        raise LedgerError(f"{where}: must not be empty")
    return value


def _ids(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, dict)) or not isinstance(value, (list, tuple)):
        raise LedgerError(f"{where}: expected a list of event ids (strings), got {value!r}"[:300])
    return tuple(_text(v, where, True) for v in value)


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise LedgerError(f"{where}: expected a number, got {value!r}"[:300])
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        raise LedgerError(f"{where}: expected a finite number, got {value!r}")
    return value


def _probability(value, where: str) -> float:
    value = _number(value, where)
    if not (0.0 < value < 1.0):
        raise LedgerError(
            f"{where}: {value!r} is not strictly between 0 and 1 (0 and 1 are certainties, "
            "which no forecast may claim)"
        )
    return value


def _numbers(value, where: str) -> tuple[float, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, dict)) or not isinstance(value, (list, tuple)):
        raise LedgerError(f"{where}: expected a list of numbers, got {type(value).__name__}")
    return tuple(_number(v, where) for v in value)


def _bool(value, where: str) -> bool:
    if not isinstance(value, bool):
        raise LedgerError(f"{where}: expected true or false, got {value!r}"[:300])
    return value


def _mapping(value, where: str, keys: dict) -> dict | None:
    """A small JSON object with the given keys (name -> (checker, required))."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise LedgerError(f"{where}: expected an object, got {type(value).__name__}")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise LedgerError(f"{where}: unknown key {unknown[0]!r} (expected {sorted(keys)})")
    out = {}
    for key, (check, required) in keys.items():
        if key in value and value[key] is not None:
            out[key] = check(value[key], f"{where}.{key}")
        elif required:
            raise LedgerError(f"{where}: key {key!r} is required")
    return out


def _resolution_choices(value, where: str) -> str:
    value = _text(value, where, True)
    if value not in tuple(Answer):
        raise LedgerError(f"{where}: must be 'yes' or 'no', got {value!r}")
    return value


@dataclass(frozen=True)
class Question:
    """A question, in Metaculus's field names.

    Examples:
        >>> q = Question(
        ...     "q1",
        ...     "Will it rain in Baghdad on 2025-03-01?",
        ...     "Yes if any rain is recorded.",
        ...     "2025-02-28",
        ...     "2025-03-01",
        ... )
        >>> q.scheduled_resolve_time, q.status, q.type
        (datetime.date(2025, 3, 1), 'open', 'binary')
        >>> Question("q2", "Who wins?", "The official result.", "2025-01-01", "2025-02-01",
        ...          type="multiple_choice", options=["A", "B", "C"]).options
        ('A', 'B', 'C')
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
    type: str = "binary"
    options: tuple[str, ...] = ()
    range_min: float | None = None
    range_max: float | None = None
    open_lower_bound: bool = False
    open_upper_bound: bool = False
    condition: dict | None = None
    reference_probability: float | None = None
    # State, filled from resolution records (never written in a question record):
    status: str = "open"
    resolution: str | None = None
    actual_resolve_time: dt.date | None = None
    actual_close_time: dt.date | None = None
    resolution_source: str | None = None
    resolution_note: str | None = None

    def __post_init__(self):
        w = f"question {self.id!r}"[:120]
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
        if self.type not in QUESTION_TYPES:
            raise LedgerError(
                f"{w}: field 'type' {self.type!r} is not one of {list(QUESTION_TYPES)}"[:300]
            )
        self._check_type(w)
        set_(
            self,
            "condition",
            _mapping(
                self.condition,
                f"{w}: field 'condition'",
                {"question_id": (_text, True), "resolution": (_resolution_choices, True)},
            ),
        )
        if self.reference_probability is not None:
            if self.type != QuestionType.BINARY:
                raise LedgerError(
                    f"{w}: field 'reference_probability' is for binary questions (the others "
                    "are scored against a uniform reference)"
                )
            set_(
                self,
                "reference_probability",
                _probability(self.reference_probability, f"{w}: field 'reference_probability'"),
            )
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

    def _check_type(self, w: str) -> None:
        set_ = object.__setattr__
        options = self.options
        if isinstance(options, (str, dict)) or not isinstance(options, (list, tuple)):
            raise LedgerError(f"{w}: field 'options': expected a list of option names")
        set_(self, "options", tuple(_text(o, f"{w}: field 'options'", True) for o in options))
        set_(
            self, "open_lower_bound", _bool(self.open_lower_bound, f"{w}: field 'open_lower_bound'")
        )
        set_(
            self, "open_upper_bound", _bool(self.open_upper_bound, f"{w}: field 'open_upper_bound'")
        )
        if self.type == QuestionType.MULTIPLE_CHOICE:
            if len(self.options) < 2 or len(set(self.options)) != len(self.options):
                raise LedgerError(
                    f"{w}: field 'options': a multiple choice question needs 2+ distinct options"
                )
        elif self.options:
            raise LedgerError(f"{w}: field 'options' is only for multiple choice questions")
        if self.type in _CONTINUOUS:
            convert = (
                (lambda v, where: float((_day(v, where) - dt.date(1970, 1, 1)).days))
                if self.type == QuestionType.DATE
                else _number
            )
            for name in ("range_min", "range_max"):
                value = getattr(self, name)
                if value is None:
                    raise LedgerError(f"{w}: field {name!r} is required for a {self.type} question")
                if (
                    self.type == QuestionType.DATE
                    and isinstance(value, (int, float))
                    and not isinstance(value, bool)
                ):
                    value = dt.date(1970, 1, 1) + dt.timedelta(days=int(value))
                set_(self, name, convert(value, f"{w}: field {name!r}"))
            if not self.range_min < self.range_max:
                raise LedgerError(f"{w}: field 'range_max' must be above range_min")
        elif self.range_min is not None or self.range_max is not None:
            raise LedgerError(
                f"{w}: fields 'range_min'/'range_max' are for numeric and date questions"
            )

    @property
    def continuous(self) -> bool:
        return self.type in _CONTINUOUS

    def day_value(self, day) -> float:
        """A date question's value (days since 1970-01-01) for a day."""
        return float((_day(day, f"question {self.id!r}") - dt.date(1970, 1, 1)).days)

    def _record_value(self, name):
        value = getattr(self, name)
        if self.type == QuestionType.DATE and name in ("range_min", "range_max"):
            return (dt.date(1970, 1, 1) + dt.timedelta(days=int(value))).isoformat()
        return value

    _RECORD = (
        "id",
        "type",
        "title",
        "description",
        "resolution_criteria",
        "fine_print",
        "open_time",
        "scheduled_close_time",
        "scheduled_resolve_time",
        "event_ids",
        "options",
        "range_min",
        "range_max",
        "open_lower_bound",
        "open_upper_bound",
        "condition",
        "reference_probability",
    )


def _update(value, where: str) -> dict:
    return _mapping(
        value,
        where,
        {
            "likelihood_ratio": (_positive_ratio, True),
            "evidence": (_ids, False),
            "note": (_text, False),
        },
    )


def _positive_ratio(value, where: str) -> float:
    value = _number(value, where)
    if value <= 0:
        raise LedgerError(f"{where}: a likelihood ratio must be positive, got {value!r}")
    return value


def _count(value, where: str) -> float:
    value = _number(value, where)
    if value < 0:
        raise LedgerError(f"{where}: a count must not be negative, got {value!r}")
    return value


@dataclass(frozen=True)
class Forecast:
    """A forecast on a question, made with the information of day ``as_of``.

    ``probability`` for a binary question; ``probabilities`` (one per option) for a
    multiple choice one; ``cdf`` (``CDF_POINTS`` values) for a numeric or date one.
    ``base_rate`` records the reference class the ``prior`` came from
    (``{"reference_class", "occurrences", "opportunities"}``) and ``updates`` each piece
    of evidence that moved it (``{"likelihood_ratio", "evidence": [event ids], "note"}``).
    With ``prior`` and ``updates``, ``probability`` must be what Bayes' rule gives
    (``update_log_odds(prior, ratios)``, within 0.01): ``prior`` has one meaning, the
    probability before this forecast's updates.
    ``recorded_at`` is when the ledger wrote it (its clock, never the caller's word);
    ``retrospective`` marks a forecast written after its ``as_of`` day, which is scored apart.

    Examples:
        >>> Forecast("q1", "2025-02-28", 0.3, rationale="dry season").probability
        0.3
        >>> Forecast("q1", "2025-02-28", 1.0)
        Traceback (most recent call last):
        ...
        timeline.errors.LedgerError: forecast on 'q1': field 'probability':
        1.0 is not strictly between 0 and 1 ...
    """

    question_id: str
    as_of: dt.date
    probability: float | None = None
    rationale: str = ""
    evidence: tuple[str, ...] = ()
    forecaster: str = "analyst"
    prior: float | None = None
    probabilities: tuple[float, ...] = ()
    cdf: tuple[float, ...] = ()
    base_rate: dict | None = None
    updates: tuple[dict, ...] = ()
    recorded_at: dt.datetime | None = None
    retrospective: bool = False

    def __post_init__(self):
        w = f"forecast on {self.question_id!r}"[:120]
        set_ = object.__setattr__
        set_(self, "question_id", _text(self.question_id, f"{w}: field 'question_id'", True))
        set_(self, "as_of", _day(self.as_of, f"{w}: field 'as_of'"))
        if self.probability is not None:
            set_(self, "probability", _probability(self.probability, f"{w}: field 'probability'"))
        set_(self, "rationale", _text(self.rationale, f"{w}: field 'rationale'"))
        set_(self, "evidence", _ids(self.evidence, f"{w}: field 'evidence'"))
        set_(self, "forecaster", _text(self.forecaster, f"{w}: field 'forecaster'", True))
        if self.prior is not None:
            set_(self, "prior", _probability(self.prior, f"{w}: field 'prior'"))
        set_(self, "probabilities", _numbers(self.probabilities, f"{w}: field 'probabilities'"))
        set_(self, "cdf", _numbers(self.cdf, f"{w}: field 'cdf'"))
        given = [n for n in ("probability", "probabilities", "cdf") if getattr(self, n)]
        if len(given) != 1:
            raise LedgerError(
                f"{w}: give exactly one of 'probability' (binary), 'probabilities' (multiple "
                f"choice) or 'cdf' (numeric, date); got {given or 'none'}"
            )
        if self.probabilities:
            if any(not 0.0 < p < 1.0 for p in self.probabilities):
                raise LedgerError(
                    f"{w}: field 'probabilities': each must be strictly between 0 and 1"
                )
            if abs(math.fsum(self.probabilities) - 1.0) > 1e-6:
                raise LedgerError(
                    f"{w}: field 'probabilities' sums to {math.fsum(self.probabilities):.6f}, not 1"
                )
        if self.cdf:
            c = self.cdf
            if len(c) != CDF_POINTS:
                raise LedgerError(f"{w}: field 'cdf' has {len(c)} points, expected {CDF_POINTS}")
            if any(not 0.0 <= v <= 1.0 for v in c) or any(b <= a for a, b in zip(c, c[1:])):
                raise LedgerError(f"{w}: field 'cdf' must increase strictly within [0, 1]")
        set_(
            self,
            "base_rate",
            _mapping(
                self.base_rate,
                f"{w}: field 'base_rate'",
                {
                    "reference_class": (lambda v, where: _text(v, where, True), True),
                    "occurrences": (_count, True),
                    "opportunities": (_count, True),
                    "source": (_text, False),
                },
            ),
        )
        if self.base_rate and self.base_rate["occurrences"] > self.base_rate["opportunities"]:
            raise LedgerError(f"{w}: field 'base_rate': occurrences exceed opportunities")
        if isinstance(self.updates, (str, dict)) or not isinstance(self.updates, (list, tuple)):
            raise LedgerError(f"{w}: field 'updates': expected a list of updates")
        set_(
            self,
            "updates",
            tuple(_update(u, f"{w}: field 'updates'[{i}]") for i, u in enumerate(self.updates)),
        )
        if self.recorded_at is not None:
            set_(self, "recorded_at", as_instant(self.recorded_at, f"{w}: field 'recorded_at'"))
        set_(self, "retrospective", _bool(self.retrospective, f"{w}: field 'retrospective'"))
        if self.updates and self.prior is not None and self.probability is not None:
            from .probability import update_log_odds

            implied = update_log_odds(self.prior, self.likelihood_ratios)
            if abs(implied - self.probability) > UPDATE_TOLERANCE:
                raise LedgerError(
                    f"{w}: field 'probability' {self.probability} is not what the prior "
                    f"{self.prior} and the updates' likelihood ratios give ({implied:.4f}); "
                    "state every update, judgement included, as a likelihood ratio"
                )

    @property
    def likelihood_ratios(self) -> list[float]:
        return [u["likelihood_ratio"] for u in self.updates]

    def _record_value(self, name):
        value = getattr(self, name)
        if name == "recorded_at" and value is not None:
            return value.isoformat()
        if name == "updates":
            return [{**u, "evidence": list(u.get("evidence", ()))} for u in value]
        return value

    _RECORD = (
        "question_id",
        "as_of",
        "recorded_at",
        "retrospective",
        "forecaster",
        "probability",
        "probabilities",
        "cdf",
        "prior",
        "base_rate",
        "updates",
        "rationale",
        "evidence",
    )


@dataclass(frozen=True)
class Resolution:
    """The end of a question: resolved (with its answer), annulled, or ambiguous.

    ``actual_close`` is the day the question stopped being forecastable in reality (the
    event happened, the answer became known); it defaults to ``min(scheduled close, on)``.
    """

    question_id: str
    status: str
    on: dt.date
    source: str
    resolution: str | None = None
    note: str = ""
    actual_close: dt.date | None = None

    def __post_init__(self):
        w = f"resolution of {self.question_id!r}"[:120]
        set_ = object.__setattr__
        set_(self, "question_id", _text(self.question_id, f"{w}: field 'question_id'", True))
        set_(self, "on", _day(self.on, f"{w}: field 'on'"))
        set_(self, "source", _text(self.source, f"{w}: field 'source'", True))
        set_(self, "note", _text(self.note, f"{w}: field 'note'"))
        if self.actual_close is not None:
            set_(self, "actual_close", _day(self.actual_close, f"{w}: field 'actual_close'"))
            if self.actual_close > self.on:
                raise LedgerError(
                    f"{w}: field 'actual_close' {self.actual_close}"
                    f" is after the resolution day {self.on}"
                )
        if not isinstance(self.status, str) or self.status not in QUESTION_STATUS[1:]:
            raise LedgerError(
                f"{w}: field 'status' {self.status!r} is not one of {list(QUESTION_STATUS[1:])}"[
                    :300
                ]
            )
        if self.status == QuestionStatus.RESOLVED:
            set_(self, "resolution", _text(self.resolution, f"{w}: field 'resolution'", True))
        if self.status != QuestionStatus.RESOLVED:
            if self.resolution is not None:
                raise LedgerError(
                    f"{w}: field 'resolution' must be empty when the question is {self.status}"
                )
            if not self.note.strip():
                raise LedgerError(f"{w}: field 'note' must say why the question is {self.status}")

    def _record_value(self, name):
        return getattr(self, name)

    _RECORD = ("question_id", "status", "resolution", "on", "actual_close", "source", "note")


def check_resolution(question: Question, resolution: str, where: str) -> None:
    """Raise unless ``resolution`` is an answer the question can take."""
    if question.type == QuestionType.BINARY:
        ok = resolution in tuple(Answer)
        expected = "'yes' or 'no'"
    elif question.type == QuestionType.MULTIPLE_CHOICE:
        ok = resolution in question.options
        expected = f"one of the options {list(question.options)}"
    else:
        expected = (
            "a number" if question.type == QuestionType.NUMERIC else "a date 'YYYY-MM-DD'"
        ) + ", 'below_lower_bound' or 'above_upper_bound'"
        ok = resolution in ("below_lower_bound", "above_upper_bound")
        if not ok:
            try:
                if question.type == QuestionType.NUMERIC:
                    ok = math.isfinite(float(resolution))
                else:
                    _day(resolution, where)
                    ok = True
            except (ValueError, LedgerError):
                ok = False
    if not ok:
        raise LedgerError(
            f"{where}: field 'resolution' must be {expected}, got {resolution!r}"[:400]
        )


@dataclass
class LedgerState:
    """Everything the file says, checked record by record in file order."""

    questions: dict[str, Question] = field(default_factory=dict)
    forecasts: list[Forecast] = field(default_factory=list)
    resolutions: dict[str, Resolution] = field(default_factory=dict)

    def add(self, kind: str, obj, where: str) -> None:
        """Check a record against what came before it; raise LedgerError naming the field."""
        if kind == "question":
            if obj.id in self.questions:
                raise LedgerError(f"{where}: field 'id': duplicate question id {obj.id!r}")
            if obj.condition and obj.condition["question_id"] not in self.questions:
                raise LedgerError(
                    f"{where}: field 'condition': no question {obj.condition['question_id']!r} "
                    "asked before this conditional one"
                )
            if (
                obj.condition
                and self.questions[obj.condition["question_id"]].type != QuestionType.BINARY
            ):
                raise LedgerError(
                    f"{where}: field 'condition': the parent must be a binary question"
                )
            self.questions[obj.id] = obj
            return
        question = self.questions.get(obj.question_id)
        if question is None:
            raise LedgerError(
                f"{where}: field 'question_id': no question {obj.question_id!r}"
                f" asked before this {kind}"
            )
        done = self.resolutions.get(obj.question_id)
        if kind == "forecast":
            self._check_forecast(question, obj, done, where)
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
        if obj.actual_close is not None and obj.actual_close < question.open_time:
            raise LedgerError(
                f"{where}: field 'actual_close' {obj.actual_close} is before the question opened"
            )
        if obj.status == QuestionStatus.RESOLVED:
            check_resolution(question, obj.resolution, where)
        self.resolutions[obj.question_id] = obj

    def _check_forecast(self, question: Question, obj: Forecast, done, where: str) -> None:
        if done is not None and not obj.retrospective:
            raise LedgerError(
                f"{where}: question {obj.question_id!r} is already {done.status} (on {done.on}); "
                "no more forecasts"
                " (a forecast reconstructed afterwards must say retrospective=True)"
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
        kind = {"binary": "probability", "multiple_choice": "probabilities"}.get(
            question.type, "cdf"
        )
        if not getattr(obj, kind):
            raise LedgerError(f"{where}: a {question.type} question takes field {kind!r}")
        if kind == "probabilities" and len(obj.probabilities) != len(question.options):
            raise LedgerError(
                f"{where}: field 'probabilities' has {len(obj.probabilities)} values for "
                f"{len(question.options)} options"
            )
        if kind == "cdf":
            lo, hi = obj.cdf[0], obj.cdf[-1]
            if (lo > 0) != question.open_lower_bound or (hi < 1) != question.open_upper_bound:
                raise LedgerError(
                    f"{where}: field 'cdf' must start at 0 unless the lower bound is open, and end "
                    "at 1 unless the upper bound is open"
                )
        if obj.recorded_at is not None:
            recorded = obj.recorded_at.date()
            if obj.as_of > recorded:
                raise LedgerError(
                    f"{where}: field 'as_of' {obj.as_of} is after the day it was recorded "
                    f"({recorded}): a forecast cannot use tomorrow's information"
                )
            if obj.as_of < recorded and not obj.retrospective:
                raise LedgerError(
                    f"{where}: field 'as_of' {obj.as_of} is before the day it was recorded "
                    f"({recorded}): a backdated forecast is accepted only with retrospective=True "
                    "(it is then scored apart from forecasts made in time)"
                )
            if self.forecasts and self.forecasts[-1].recorded_at is not None:
                if obj.recorded_at < self.forecasts[-1].recorded_at:
                    raise LedgerError(
                        f"{where}: field 'recorded_at' {obj.recorded_at.isoformat()} is earlier "
                        "than the forecast recorded before it: records are appended in time order"
                    )

    def question(self, qid: str) -> Question:
        q = self.questions[qid]
        r = self.resolutions.get(qid)
        if q.condition is not None:
            parent = self.resolutions.get(q.condition["question_id"])
            if parent is not None and (
                parent.status != QuestionStatus.RESOLVED
                or parent.resolution != q.condition["resolution"]
            ):
                r = Resolution(
                    qid,
                    "annulled",
                    parent.on,
                    f"condition: question {q.condition['question_id']!r}",
                    note=f"its condition ({q.condition['question_id']} resolves "
                    f"{q.condition['resolution']}) did not hold",
                )
        if r is None:
            return q
        return Question(
            **{
                **{f.name: getattr(q, f.name) for f in fields(q)},
                "status": r.status,
                "resolution": r.resolution,
                "actual_resolve_time": r.on,
                "actual_close_time": min(
                    q.scheduled_close_time, r.actual_close if r.actual_close else r.on
                ),
                "resolution_source": r.source,
                "resolution_note": r.note or None,
            }
        )
