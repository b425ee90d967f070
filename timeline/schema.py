"""The DataFrame schemas, declared once; every builder validates against them.

A schema is an ordered list of columns, each with a dtype family and whether
missing values are allowed. :func:`conform` builds a frame of the declared
columns and dtypes from records; :func:`validate` checks a frame and raises a
:class:`~timeline.errors.SchemaError` naming the column and the first bad row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.errors import SchemaError
from timeline.model import (
    Basis,
    EventClass,
    Kind,
    Modality,
    Precision,
    QuestionStatus,
    QuestionType,
    Side,
)

# dtype families: how a column is stored and what validate() accepts.
_DTYPES = {
    "str": "str",
    "int": "int64",
    "float": "float64",
    "bool": "bool",
    "datetime": "datetime64[ns]",
    "list": "object",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # a key of _DTYPES
    nullable: bool = True
    choices: tuple[str, ...] | None = None
    doc: str = ""


@dataclass(frozen=True)
class Schema:
    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def empty(self) -> pd.DataFrame:
        return conform([], self)


TIMEX = Schema(
    "timex",
    (
        Column("start", "int", False, doc="character offset where the expression starts"),
        Column("end", "int", False, doc="character offset just after it"),
        Column("text", "str", False),
        Column("type", "str", False, ("DATE", "TIME", "DURATION", "SET")),
        Column(
            "value", "str", False, doc="TIMEX3 value: 2025-02-01, XXXX-02-01, PAST_REF, P3D ..."
        ),
        Column("earliest", "datetime", doc="first calendar day it may denote; NaT = unbounded"),
        Column("latest", "datetime", doc="last calendar day it may denote; NaT = unbounded"),
        Column(
            "precision",
            "str",
            False,
            (
                "day",
                "week",
                "month",
                "quarter",
                "season",
                "year",
                "decade",
                "century",
                "vague",
                "unknown",
                "time",
                "duration",
                "set",
            ),
        ),
        Column("rule", "str", False, doc="id of the rule that matched"),
    ),
)

TIMELINE = Schema(
    "timeline",
    (
        Column(
            "event_id",
            "str",
            False,
            doc="stable id: article id + '-t' + the trigger's character offset",
        ),
        Column("article_id", "str", False),
        Column("sentence", "int", False, doc="sentence index in the article"),
        Column("start", "int", False, doc="character offsets of the event's clause span"),
        Column("end", "int", False),
        Column("text", "str", False, doc="the clause span"),
        Column("trigger", "str", False, doc="the word(s) naming the event"),
        Column("trigger_start", "int", False),
        Column("trigger_end", "int", False),
        Column(
            "actors",
            "list",
            False,
            doc='names of who acts (a passive\'s agent after "by", not its subject)',
        ),
        Column("kind", "str", False, tuple(Kind)),
        Column("modality", "str", False, tuple(Modality)),
        Column("timex", "str", doc="the temporal expression that dates it"),
        Column("value", "str", doc="its TIMEX3 value"),
        Column("earliest", "datetime", doc="bounds after propagation; NaT = unbounded"),
        Column("latest", "datetime"),
        Column("precision", "str", False, tuple(Precision)),
        Column("basis", "str", False, tuple(Basis)),
        Column("rule", "str", False, doc="id of the rule or cue that produced the bounds"),
        Column(
            "order", "int", False, doc="rank in one total order consistent with all constraints"
        ),
        Column(
            "publication",
            "str",
            choices=tuple(Side),
            doc="where the event lies against its article's publication; missing = undetermined",
        ),
        Column(
            "likely",
            "datetime",
            doc="an estimate, not a proof: the most likely day (ordering/likely.py); NaT = none",
        ),
        Column(
            "likely_earliest",
            "datetime",
            doc="80% interval of the estimate (calibrated on gold news), inside earliest..latest",
        ),
        Column("likely_latest", "datetime"),
        Column(
            "likely_basis",
            "str",
            doc="what the estimate rests on: 'proven' (one day), '<kind> (<corpus>, n=<events>)', "
            "'none'",
        ),
        Column(
            "when",
            "str",
            doc="the bounds in words: '1 Feb', '25-28 Feb', 'by 28 Feb', 'unknown'; "
            "'probably 27-28 Feb (certainly by 28 Feb)' with a likely interval",
        ),
        Column(
            "event_class",
            "str",
            False,
            tuple(EventClass),
            doc="TimeML event class",
        ),
        Column("tense", "str", False, doc="past, present, future, none"),
        Column("aspect", "str", False, doc="perfective, progressive, none"),
        Column(
            "trigger_rule",
            "str",
            doc="why the word is an event, '<mention rule>:<tag rule>': the rule of "
            "events/rules/mentions.yaml that made the tagged word an event mention (verb_group, "
            "plan_cue, do_main_verb, have_object, predicate_word, state_adjective, copula_noun, "
            "event_noun, named_event, event_acronym), then the rule of events/rules/open_tags.yaml "
            "that tagged the word, 'verb_group:after_modal', or its closed or name tag, "
            "'have_object:HAVE'; missing in rows built by hand",
        ),
        Column("source", "str", doc="event_id of the reporting event, for reported speech"),
        Column(
            "newsworthy",
            "bool",
            False,
            doc="worth a row in tables and plots (not every 'said' or 'is')",
        ),
        Column("warning", "str", doc="conflicts or doubts found while dating this event"),
        Column(
            "same_as",
            "str",
            doc="several articles: event_id of the representative mention of the same real event "
            "(a proposal); missing for a representative or an unlinked row",
        ),
        Column(
            "merge_evidence",
            "str",
            doc="why the mention was linked (lemma, shared actors/words, dates), "
            "or the mentions a representative stands for",
        ),
    ),
)


def _is_missing(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value)


# pandas' "str" dtype, resolved once: pd.array(..., dtype="str") re-resolves it on every call,
# which is most of the cost of the small frames find_timexes builds per document
_STRING = pd.array([], dtype="str").dtype
_STRING_ARRAY = _STRING.construct_array_type()
_CONFORMED_DTYPES: dict[str, list] = {}


def _column(values: list, column: Column):
    """One column's values in the schema's dtype (built directly: per-series astype is slow)."""
    if column.kind == "datetime":
        if all(_is_missing(v) or type(v) is dt.date for v in values):
            days = [
                np.datetime64("NaT") if _is_missing(v) else np.datetime64(v, "D") for v in values
            ]
            return np.array(days, dtype="datetime64[D]").astype("datetime64[ns]")
        return (
            pd.to_datetime(pd.Series(values, dtype=object), errors="raise")
            .astype("datetime64[ns]")
            .to_numpy()
        )
    if column.kind == "str":
        return _STRING_ARRAY._from_sequence(
            [None if _is_missing(v) else str(v) for v in values], dtype=_STRING
        )
    if column.kind == "list":
        array = np.empty(len(values), dtype=object)
        array[:] = [
            list(v) if isinstance(v, (list, tuple)) else ([] if _is_missing(v) else v)
            for v in values
        ]
        return array
    try:
        return np.asarray(values, dtype=_DTYPES[column.kind])
    except (TypeError, ValueError):
        return pd.Series(values, dtype=object).astype(_DTYPES[column.kind]).to_numpy()


def conform(records, schema: Schema) -> pd.DataFrame:
    """Build a frame with exactly the schema's columns, order and dtypes, then validate it.

    Args:
        records: dicts keyed by column name (missing keys are missing values).
        schema: the declared schema.

    Examples:
        >>> conform([], TIMEX).columns.tolist()[:4]
        ['start', 'end', 'text', 'type']
        >>> conform([{"start": 0, "end": 4, "text": "2025", "type": "DATE", "value": "2025",
        ...           "earliest": dt.date(2025, 1, 1), "precision": "year", "rule": "year"}], TIMEX).latest.tolist()
        [NaT]
    """
    records = list(records)
    columns = {}
    for column in schema.columns:
        values = [record.get(column.name) for record in records]
        _check_values(values, column, schema)
        columns[column.name] = _column(values, column)
    # the arrays are new and owned by the frame: no copy; an explicit RangeIndex skips inferring one
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(records)), copy=False)
    # the column arrays' dtypes are the frame's (frame.dtypes builds a Series: slow for small frames)
    dtypes = [array.dtype for array in columns.values()]
    if (
        _CONFORMED_DTYPES.get(schema.name) != dtypes
    ):  # checked in full once per schema and set of dtypes
        validate(frame, schema, values_checked=True)
        _CONFORMED_DTYPES[schema.name] = dtypes
    return frame


def _check_values(values: list, column: Column, schema: Schema) -> None:
    """The missing-value and choice checks of :func:`validate`, on plain values (fast for small frames)."""
    if not column.nullable and column.kind != "list":
        for row, value in enumerate(values):
            if _is_missing(value):
                raise SchemaError(
                    f"{schema.name}: column {column.name!r} is missing a value at row {row}"
                )
    if column.choices:
        allowed = set(column.choices)
        for row, value in enumerate(values):
            if not _is_missing(value) and value not in allowed:
                raise SchemaError(
                    f"{schema.name}: column {column.name!r} row {row}: {value!r} is not one of {list(column.choices)}"
                )


def validate(frame: pd.DataFrame, schema: Schema, values_checked: bool = False) -> pd.DataFrame:
    """Check columns, order, dtypes, missing values and choices; return the frame.

    ``values_checked`` skips the per-value checks that :func:`conform` has
    already made on the records it built the frame from.

    Raises:
        SchemaError: naming the column (and the first bad row) that does not conform.
    """
    if not isinstance(frame, pd.DataFrame):
        raise SchemaError(f"{schema.name}: expected a DataFrame, got {type(frame).__name__}")
    names = schema.names
    if list(frame.columns[: len(names)]) != names:
        missing = [n for n in names if n not in frame.columns]
        detail = f"missing {missing}" if missing else f"order {list(frame.columns[: len(names)])}"
        raise SchemaError(
            f"{schema.name}: columns do not match the schema ({detail}); expected {names}"
        )
    # one dtypes lookup for all columns: per-column frame[...] access dominates small frames
    dtypes = frame.dtypes.iloc[: len(names)].tolist()
    for column, dtype in zip(schema.columns, dtypes):
        expected = _DTYPES[column.kind]
        if column.kind == "str":
            ok = pd.api.types.is_string_dtype(dtype) or dtype == object
        elif column.kind == "datetime":
            ok = pd.api.types.is_datetime64_dtype(dtype)
        else:
            ok = str(dtype) == expected
        if not ok:
            raise SchemaError(
                f"{schema.name}: column {column.name!r} has dtype {dtype}, expected {expected}"
            )
    if values_checked:
        return frame
    for column in schema.columns:
        series = frame[column.name]
        if not column.nullable and column.kind != "list" and series.hasnans:
            row = int(series.isna().to_numpy().nonzero()[0][0])
            raise SchemaError(
                f"{schema.name}: column {column.name!r} is missing a value at row {row}"
            )
        if column.choices:
            unknown = {v for v in series.tolist() if v == v and v is not None} - set(column.choices)
            if unknown:
                row = int((series.notna() & series.isin(unknown)).to_numpy().nonzero()[0][0])
                raise SchemaError(
                    f"{schema.name}: column {column.name!r} row {row}: {series.iloc[row]!r} is not one of {list(column.choices)}"
                )
    return frame


# --- Forecasting ledger -------------------------------------------------------------------
# Dates are calendar days (datetime64, time 00:00). Field names follow Metaculus.

QUESTION_STATUS = tuple(QuestionStatus)
QUESTION_TYPES = tuple(QuestionType)

QUESTIONS = Schema(
    "questions",
    (
        Column("id", "str", False, doc="stable question id, chosen by the analyst"),
        Column("type", "str", False, QUESTION_TYPES),
        Column("title", "str", False),
        Column("description", "str", doc="background: what the question is about"),
        Column("resolution_criteria", "str", False, doc="what makes it resolve yes or no"),
        Column("fine_print", "str", doc="edge cases, what does not count"),
        Column("open_time", "datetime", False, doc="first day forecasts may be made"),
        Column("scheduled_close_time", "datetime", False, doc="last day forecasts may be made"),
        Column(
            "scheduled_resolve_time",
            "datetime",
            False,
            doc="day the answer is expected to be known",
        ),
        Column(
            "actual_close_time",
            "datetime",
            doc="day forecasting really ended: min(scheduled close, the resolution's actual_close "
            "or its day); NaT while open. Forecasts are cut here, scores averaged over the "
            "scheduled lifetime",
        ),
        Column(
            "actual_resolve_time", "datetime", doc="day of the resolution record; NaT while open"
        ),
        Column("status", "str", False, QUESTION_STATUS),
        Column(
            "resolution",
            "str",
            doc="yes/no, an option, a number or a date once resolved; empty otherwise",
        ),
        Column(
            "resolution_source", "str", doc="where the resolution (or the annulment) comes from"
        ),
        Column("resolution_note", "str", doc="why, in words (required to annul or mark ambiguous)"),
        Column("event_ids", "list", False, doc="timeline events the question was drawn from"),
        Column("options", "list", False, doc="a multiple choice question's options"),
        Column("range_min", "float", doc="numeric: lower end of the range; date: days since 1970"),
        Column("range_max", "float", doc="numeric: upper end of the range; date: days since 1970"),
        Column("open_lower_bound", "bool", False, doc="the answer may fall below range_min"),
        Column("open_upper_bound", "bool", False, doc="the answer may fall above range_max"),
        Column("condition_question_id", "str", doc="conditional: the parent question"),
        Column("condition_resolution", "str", doc="conditional: the parent's answer it assumes"),
        Column(
            "reference_probability",
            "float",
            doc="binary: the forecast days without one are scored against (default 0.5)",
        ),
    ),
)

FORECASTS = Schema(
    "forecasts",
    (
        Column("question_id", "str", False),
        Column(
            "as_of",
            "datetime",
            False,
            doc="the information date: the forecast uses what was known that day and stands "
            "until the next one",
        ),
        Column("recorded_at", "datetime", doc="when the ledger wrote it (UTC, the ledger's clock)"),
        Column(
            "retrospective",
            "bool",
            False,
            doc="written after its as_of day (backdated): scored apart",
        ),
        Column("forecaster", "str", False),
        Column("probability", "float", doc="binary: probability of yes, strictly inside (0, 1)"),
        Column("probabilities", "list", False, doc="multiple choice: one per option"),
        Column("cdf", "list", False, doc="numeric/date: the CDF at 201 evenly spaced points"),
        Column("prior", "float", doc="the probability before this forecast's updates"),
        Column("reference_class", "str", doc="the base rate's reference class"),
        Column("base_rate_occurrences", "float", doc="k: cases of the class that happened"),
        Column("base_rate_opportunities", "float", doc="n: cases of the class"),
        Column("likelihood_ratios", "list", False, doc="each update's P(e | yes) / P(e | no)"),
        Column("updates", "list", False, doc="each update: likelihood_ratio, evidence, note"),
        Column("rationale", "str"),
        Column("evidence", "list", False, doc="timeline event ids it rests on"),
    ),
)

SCORES = Schema(
    "scores",
    (
        Column("question_id", "str", False),
        Column("forecaster", "str", False),
        Column(
            "retrospective",
            "bool",
            False,
            doc="scores of backdated forecasts, kept apart from those made in time",
        ),
        Column("status", "str", False, QUESTION_STATUS),
        Column("resolution", "str"),
        Column(
            "forecasts",
            "int",
            False,
            doc="number of forecasts this forecaster made on the question",
        ),
        Column(
            "coverage",
            "float",
            doc="share of the question's lived days (open to actual close) with a standing forecast",
        ),
        Column(
            "brier",
            "float",
            doc="time-averaged Brier score (lower is better) over the lived days, the days "
            "before the first forecast scored with the reference forecast",
        ),
        Column(
            "log",
            "float",
            doc="time-averaged natural log score ln(p_outcome) (higher is better), same days",
        ),
        Column(
            "baseline",
            "float",
            doc="Metaculus baseline score averaged over the scheduled lifetime; days without a "
            "forecast, and days after an early close, count 0",
        ),
        Column(
            "peer",
            "float",
            doc="Metaculus peer score against the other forecasters, same averaging; NaN alone",
        ),
        Column(
            "crps", "float", doc="numeric/date: time-averaged continuous ranked probability score"
        ),
        Column(
            "last_probability", "float", doc="the probability of the outcome standing at the close"
        ),
        Column("last_brier", "float"),
        Column("last_log", "float"),
        Column("last_baseline", "float"),
    ),
)

SCORE_SUMMARY = Schema(
    "score_summary",
    (
        Column("forecaster", "str", False),
        Column("retrospective", "bool", False),
        Column("questions", "int", False, doc="resolved questions scored"),
        Column("coverage", "float", doc="mean coverage: always read the scores with it"),
        Column("brier", "float"),
        Column("log", "float"),
        Column("baseline", "float"),
        Column("peer", "float"),
        Column("last_brier", "float"),
        Column("last_log", "float"),
        Column("last_baseline", "float"),
    ),
)

CALIBRATION = Schema(
    "calibration",
    (
        Column("bin", "str", False, doc="probability bin, e.g. [0.2, 0.4)"),
        Column("lower", "float", False),
        Column("upper", "float", False),
        Column("n", "int", False, doc="forecasts in the bin"),
        Column("mean_probability", "float", doc="mean forecast probability in the bin"),
        Column("observed", "float", doc="share that resolved yes"),
        Column("observed_low", "float", doc="95% Wilson score interval for observed: lower end"),
        Column("observed_high", "float", doc="95% Wilson score interval: upper end"),
        Column("questions", "list", False, doc="question ids in the bin"),
    ),
)

CANDIDATES = Schema(
    "candidate_questions",
    (
        Column("id", "str", False, doc="draft id: the first event's id + '-q'"),
        Column("title", "str", False, doc="draft title, for the analyst to edit"),
        Column("resolution_criteria", "str", False, doc="a reachable Yes and a default No"),
        Column("fine_print", "str", False, doc="what does not count"),
        Column("description", "str", False, doc="the clause(s) the draft comes from"),
        Column("open_time", "datetime", doc="the reference (publication) date, when given"),
        Column("scheduled_close_time", "datetime", False),
        Column(
            "close_basis",
            "str",
            False,
            ("bounds", "text", "horizon"),
            doc="close from the event's latest bound, a deadline in its sentence, or the horizon",
        ),
        Column("modality", "str", False, ("expected", "potential")),
        Column("actors", "list", False),
        Column("trigger", "str", False),
        Column("event_ids", "list", False),
    ),
)

BEARINGS = Schema(
    "bearings",
    (
        Column("question_id", "str", False),
        Column("event_id", "str", False),
        Column("article_id", "str", False),
        Column(
            "shared", "list", False, doc="content words the question and the event's clause share"
        ),
        Column("text", "str", False, doc="the event's clause"),
    ),
)
