"""The forecasting ledger: questions, forecasts and resolutions in one JSON Lines file.

One record per line, three kinds, each line a complete JSON object whose first
key, ``record``, says which::

    {"record": "question", "id": "q1", "title": ..., "open_time": "2025-02-28", ...}
    {"record": "forecast", "question_id": "q1", "as_of": "2025-02-28", "probability": 0.6, ...}
    {"record": "resolution", "question_id": "q1", "status": "resolved", "resolution": "yes", "on": ..., "source": ...}

The file is append-only: a resolution is a new record, never an edit of the
question. Every append takes an exclusive ``fcntl.flock`` on the file, re-reads
and validates it, checks the new record against it (unique id, dates inside the
question's window, 0 < p < 1), then writes the whole line with one ``os.write``
on a descriptor opened with ``O_APPEND`` and ``fsync``s it. Two writers cannot
both add the same id, and a crash leaves either the whole line or (at worst) a
truncated last line, which the next read reports by line number and which no
later append is glued onto. Nothing reads the clock: every date is an argument.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import math
import os
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path

import pandas as pd

from .errors import LedgerError
from .schema import FORECASTS, QUESTION_STATUS, QUESTIONS, conform


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
        raise LedgerError(f"{where}: {value!r} is not strictly between 0 and 1 (0 and 1 are certainties, "
                          "which no forecast may claim)")
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
        set_(self, "resolution_criteria", _text(self.resolution_criteria, f"{w}: field 'resolution_criteria'", True))
        set_(self, "description", _text(self.description, f"{w}: field 'description'"))
        set_(self, "fine_print", _text(self.fine_print, f"{w}: field 'fine_print'"))
        set_(self, "open_time", _day(self.open_time, f"{w}: field 'open_time'"))
        set_(self, "scheduled_close_time", _day(self.scheduled_close_time, f"{w}: field 'scheduled_close_time'"))
        resolve = self.scheduled_close_time if self.scheduled_resolve_time is None else self.scheduled_resolve_time
        set_(self, "scheduled_resolve_time", _day(resolve, f"{w}: field 'scheduled_resolve_time'"))
        set_(self, "event_ids", _ids(self.event_ids, f"{w}: field 'event_ids'"))
        if self.scheduled_close_time < self.open_time:
            raise LedgerError(f"{w}: field 'scheduled_close_time' {self.scheduled_close_time} is before "
                              f"open_time {self.open_time}")
        if self.scheduled_resolve_time < self.scheduled_close_time:
            raise LedgerError(f"{w}: field 'scheduled_resolve_time' {self.scheduled_resolve_time} is before "
                              f"scheduled_close_time {self.scheduled_close_time}")
        if self.status not in QUESTION_STATUS:
            raise LedgerError(f"{w}: field 'status' {self.status!r} is not one of {list(QUESTION_STATUS)}")

    _RECORD = ("id", "title", "description", "resolution_criteria", "fine_print", "open_time",
               "scheduled_close_time", "scheduled_resolve_time", "event_ids")


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

    _RECORD = ("question_id", "as_of", "probability", "prior", "rationale", "evidence", "forecaster")


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
            raise LedgerError(f"{w}: field 'status' {self.status!r} is not one of {list(QUESTION_STATUS[1:])}")
        if self.status == "resolved" and self.resolution not in ("yes", "no"):
            raise LedgerError(f"{w}: field 'resolution' must be 'yes' or 'no', got {self.resolution!r}")
        if self.status != "resolved":
            if self.resolution is not None:
                raise LedgerError(f"{w}: field 'resolution' must be empty when the question is {self.status}")
            if not self.note.strip():
                raise LedgerError(f"{w}: field 'note' must say why the question is {self.status}")

    _RECORD = ("question_id", "status", "resolution", "on", "source", "note")


NEWLINE = b"\n"
_KINDS = {"question": Question, "forecast": Forecast, "resolution": Resolution}


def _encode(kind: str, obj) -> str:
    record = {"record": kind}
    for name in obj._RECORD:
        value = getattr(obj, name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        record[name] = value
    return json.dumps(record, ensure_ascii=False) + "\n"


def _decode(line: str, where: str):
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LedgerError(f"{where}: not a JSON record ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise LedgerError(f"{where}: expected a JSON object, got {type(record).__name__}")
    kind = record.pop("record", None)
    if kind not in _KINDS:
        raise LedgerError(f"{where}: field 'record' must be one of {list(_KINDS)}, got {kind!r}")
    cls = _KINDS[kind]
    allowed = set(cls._RECORD)
    for name in record:
        if name not in allowed:
            raise LedgerError(f"{where}: field {name!r} is not a {kind} field (expected {list(cls._RECORD)})")
    required = {f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING}
    missing = sorted(required - set(record))
    if missing:
        raise LedgerError(f"{where}: {kind} record is missing field {missing[0]!r}")
    try:
        return kind, cls(**record)
    except LedgerError as exc:
        raise LedgerError(f"{where}: {exc}") from None


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
            raise LedgerError(f"{where}: field 'question_id': no question {obj.question_id!r} asked before this {kind}")
        done = self.resolutions.get(obj.question_id)
        if kind == "forecast":
            if done is not None:
                raise LedgerError(f"{where}: question {obj.question_id!r} is already {done.status} (on {done.on}); "
                                  "no more forecasts")
            if obj.as_of < question.open_time:
                raise LedgerError(f"{where}: field 'as_of' {obj.as_of} is before the question opened "
                                  f"({question.open_time})")
            if obj.as_of > question.scheduled_close_time:
                raise LedgerError(f"{where}: field 'as_of' {obj.as_of} is after the question closed "
                                  f"({question.scheduled_close_time})")
            self.forecasts.append(obj)
            return
        if done is not None:
            raise LedgerError(f"{where}: question {obj.question_id!r} is already {done.status} (on {done.on})")
        if obj.on < question.open_time:
            raise LedgerError(f"{where}: field 'on' {obj.on} is before the question opened ({question.open_time})")
        self.resolutions[obj.question_id] = obj

    def question(self, qid: str) -> Question:
        q = self.questions[qid]
        r = self.resolutions.get(qid)
        if r is None:
            return q
        return Question(**{**{f.name: getattr(q, f.name) for f in fields(q)}, "status": r.status,
                           "resolution": r.resolution, "actual_resolve_time": r.on,
                           "resolution_source": r.source, "resolution_note": r.note or None})


def _parse(data: bytes, name: str) -> _State:
    state = _State()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LedgerError(f"{name}:{line}: not UTF-8 text") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    elif lines:
        raise LedgerError(f"{name}:{len(lines)}: incomplete last line (no newline: an interrupted write?)")
    for number, line in enumerate(lines, 1):
        where = f"{name}:{number}"
        if not line.strip():
            raise LedgerError(f"{where}: empty line")
        kind, obj = _decode(line, where)
        state.add(kind, obj, where)
    return state


def _questions_frame(state: _State) -> pd.DataFrame:
    rows = [state.question(qid) for qid in state.questions]
    return conform([{c: (list(getattr(q, c)) if c == "event_ids" else getattr(q, c)) for c in QUESTIONS.names}
                    for q in rows], QUESTIONS)


def _forecasts_frame(state: _State) -> pd.DataFrame:
    return conform([{c: (list(getattr(f, c)) if c == "evidence" else getattr(f, c)) for c in FORECASTS.names}
                    for f in state.forecasts], FORECASTS)


def _read_fd(fd: int) -> bytes:
    chunks, offset = [], 0
    while True:
        chunk = os.pread(fd, 1 << 20, offset)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        offset += len(chunk)


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
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return _State()
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
            return _parse(_read_fd(fd), str(self.path))
        finally:
            os.close(fd)  # closing releases the lock

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
        line = _encode(kind, obj).encode("utf-8")
        created = not self.path.exists()
        if not self.path.parent.is_dir():
            raise LedgerError(f"{self.path}: the directory {str(self.path.parent)!r} does not exist")
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            data = _read_fd(fd)
            state = _parse(data, str(self.path))  # refuses a corrupt file and a truncated last line
            state.add(kind, obj, f"{self.path}:{data.count(NEWLINE) + 1}")
            written = os.write(fd, line)
            if written != len(line):  # a full disk; never leave half a record behind silently
                raise LedgerError(f"{self.path}: short write ({written} of {len(line)} bytes)")
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def ask(self, id: str, title: str, resolution_criteria: str, open_time, scheduled_close_time,
            scheduled_resolve_time=None, description: str = "", fine_print: str = "", event_ids=()) -> Question:
        """Pose a question; its id must be new. Returns the :class:`Question`."""
        question = Question(id, title, resolution_criteria, open_time, scheduled_close_time,
                            scheduled_resolve_time, description, fine_print, event_ids)
        self._append("question", question)
        return question

    def forecast(self, question_id: str, as_of, probability: float, rationale: str = "", evidence=(),
                 forecaster: str = "analyst", prior: float | None = None) -> Forecast:
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
        self._append("resolution", Resolution(question_id, "resolved", on, source, resolution, note))
        return self.question(question_id)

    def annul(self, question_id: str, on, source: str, reason: str, status: str = "annulled") -> Question:
        """End a question without a yes/no: 'annulled' (its premise failed) or 'ambiguous'
        (the record cannot tell whether it happened). The reason is required; it is not scored."""
        if status not in ("annulled", "ambiguous"):
            raise LedgerError(f"annul {question_id!r}: status must be 'annulled' or 'ambiguous', got {status!r}")
        self._append("resolution", Resolution(question_id, status, on, source, None, reason))
        return self.question(question_id)

    def mark_ambiguous(self, question_id: str, on, source: str, reason: str) -> Question:
        """Shorthand for ``annul(..., status='ambiguous')``."""
        return self.annul(question_id, on, source, reason, status="ambiguous")
