"""Metaculus's question JSON: export a ledger's questions and forecasts, import questions.

The shape is the one Metaculus's API serves for a post (``/api/posts/<id>/``): a post
with ``title`` and a ``question`` object holding ``type``, ``title``,
``description``, ``resolution_criteria``, ``fine_print``, the ISO times
(``open_time``, ``scheduled_close_time``, ``scheduled_resolve_time``,
``actual_close_time``, ``actual_resolve_time``), ``status``, ``resolution``,
``options`` (multiple choice) and ``scaling`` (``range_min``, ``range_max``,
``zero_point``; Unix seconds for a date question) with ``open_lower_bound`` /
``open_upper_bound``. A forecast becomes the payload Metaculus accepts for it
(``probability_yes``, ``probability_yes_per_category`` or ``continuous_cdf``).
Metaculus has no place for the ledger's provenance (event ids, evidence): it
travels under ``timeline`` in each object, which Metaculus ignores.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from timeline.errors import LedgerError
from timeline.model import QuestionStatus, QuestionType

_EPOCH = dt.date(1970, 1, 1)
_SECONDS = 86400


def _iso(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def _get(question, name, default=None):
    if isinstance(question, dict) or isinstance(question, pd.Series):
        value = question.get(name, default)
    else:
        value = getattr(question, name, default)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return default
    return value


def to_metaculus(question) -> dict:
    """A question (a :class:`~timeline.Question` or a row of ``Ledger.questions()``) as a
    Metaculus post.

    Examples:
        >>> from timeline import Question
        >>> post = to_metaculus(Question("q1", "Will it rain?", "Yes if any rain. Otherwise no.",
        ...                              "2025-02-28", "2025-03-01"))
        >>> post["question"]["type"], post["question"]["scheduled_close_time"]
        ('binary', '2025-03-01T00:00:00Z')
    """
    kind = _get(question, "type", "binary")
    status = _get(question, "status", "open")
    resolution = _get(question, "resolution")
    if status in (QuestionStatus.ANNULLED, QuestionStatus.AMBIGUOUS):
        resolution = status
    q = {
        "type": kind,
        "title": _get(question, "title"),
        "description": _get(question, "description", ""),
        "resolution_criteria": _get(question, "resolution_criteria"),
        "fine_print": _get(question, "fine_print", ""),
        "open_time": _iso(_get(question, "open_time")),
        "scheduled_close_time": _iso(_get(question, "scheduled_close_time")),
        "scheduled_resolve_time": _iso(_get(question, "scheduled_resolve_time")),
        "actual_close_time": _iso(_get(question, "actual_close_time")),
        "actual_resolve_time": _iso(_get(question, "actual_resolve_time")),
        "status": "resolved" if status != QuestionStatus.OPEN else "open",
        "resolution": resolution,
        "timeline": {
            "id": _get(question, "id"),
            "event_ids": list(_get(question, "event_ids", ())),
            "reference_probability": _get(question, "reference_probability"),
        },
    }
    if kind == QuestionType.MULTIPLE_CHOICE:
        q["options"] = list(_get(question, "options", ()))
    if kind in (QuestionType.NUMERIC, QuestionType.DATE):
        lo, hi = float(_get(question, "range_min")), float(_get(question, "range_max"))
        if kind == QuestionType.DATE:
            lo, hi = lo * _SECONDS, hi * _SECONDS
        q["scaling"] = {"range_min": lo, "range_max": hi, "zero_point": None}
        q["open_lower_bound"] = bool(_get(question, "open_lower_bound", False))
        q["open_upper_bound"] = bool(_get(question, "open_upper_bound", False))
    condition = _get(question, "condition")
    parent = _get(question, "condition_question_id") or (condition or {}).get("question_id")
    if parent:
        q["timeline"]["condition"] = {
            "question_id": parent,
            "resolution": _get(question, "condition_resolution")
            or (condition or {}).get("resolution"),
        }
    return {"title": q["title"], "question": q}


def _day(value, where: str):
    if value is None:
        return None
    try:
        return (
            pd.Timestamp(value).tz_localize(None).date()
            if pd.Timestamp(value).tzinfo
            else (pd.Timestamp(value).date())
        )
    except (ValueError, TypeError):
        raise LedgerError(f"{where}: expected an ISO time, got {value!r}"[:300]) from None


def from_metaculus(post: dict, id: str | None = None) -> dict:
    """The :meth:`~timeline.Ledger.ask` arguments for a Metaculus post (or its ``question``).

    Raises LedgerError naming the field that is missing or of the wrong kind.

    Examples:
        >>> post = {
        ...     "id": 45210,
        ...     "title": "What will Brent close at?",
        ...     "question": {
        ...         "id": 44170,
        ...         "type": "numeric",
        ...         "title": "What will Brent close at?",
        ...         "resolution_criteria": "ICE close.",
        ...         "open_time": "2026-08-10T14:00:00Z",
        ...         "scheduled_close_time": "2026-08-22T14:00:00Z",
        ...         "open_upper_bound": True,
        ...         "open_lower_bound": False,
        ...         "scaling": {"range_min": 55.0, "range_max": 130.0, "zero_point": None},
        ...     },
        ... }
        >>> args = from_metaculus(post)
        >>> args["id"], args["type"], args["range_min"], args["open_upper_bound"]
        ('metaculus-44170', 'numeric', 55.0, True)
        >>> str(args["open_time"])
        '2026-08-10'
    """
    if not isinstance(post, dict):
        raise LedgerError(f"from_metaculus: expected a JSON object, got {type(post).__name__}")
    q = post.get("question", post)
    if not isinstance(q, dict):
        raise LedgerError("from_metaculus: field 'question' must be an object")
    where = f"metaculus question {q.get('id', '?')!r}"
    kind = q.get("type", "binary")
    extra = q.get("timeline") if isinstance(q.get("timeline"), dict) else {}
    args = {
        "id": id or extra.get("id") or f"metaculus-{q.get('id')}",
        "type": kind,
        "title": q.get("title") or post.get("title"),
        "description": q.get("description") or "",
        "resolution_criteria": q.get("resolution_criteria"),
        "fine_print": q.get("fine_print") or "",
        "open_time": _day(q.get("open_time"), f"{where}: field 'open_time'"),
        "scheduled_close_time": _day(
            q.get("scheduled_close_time"), f"{where}: field 'scheduled_close_time'"
        ),
        "scheduled_resolve_time": _day(
            q.get("scheduled_resolve_time"), f"{where}: field 'scheduled_resolve_time'"
        ),
        "event_ids": extra.get("event_ids", ()),
    }
    for name in ("title", "resolution_criteria", "open_time", "scheduled_close_time"):
        if not args[name]:
            raise LedgerError(f"{where}: field {name!r} is required")
    if kind == QuestionType.MULTIPLE_CHOICE:
        args["options"] = q.get("options") or ()
    if kind in (QuestionType.NUMERIC, QuestionType.DATE):
        scaling = q.get("scaling") or {}
        lo, hi = (
            scaling.get("range_min", q.get("range_min")),
            scaling.get("range_max", q.get("range_max")),
        )
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lo, hi)):
            raise LedgerError(f"{where}: field 'scaling' needs numeric range_min and range_max")
        if kind == QuestionType.DATE:
            lo = _EPOCH + dt.timedelta(days=math.floor(lo / _SECONDS))
            hi = _EPOCH + dt.timedelta(days=math.ceil(hi / _SECONDS))
        args.update(
            range_min=lo,
            range_max=hi,
            open_lower_bound=bool(q.get("open_lower_bound", False)),
            open_upper_bound=bool(q.get("open_upper_bound", False)),
        )
    if extra.get("condition"):
        args["condition"] = extra["condition"]
    if extra.get("reference_probability") is not None:
        args["reference_probability"] = extra["reference_probability"]
    return args


def forecast_payload(forecast, question) -> dict:
    """The payload Metaculus accepts for a forecast (a row of ``Ledger.forecasts()``).

    Examples:
        >>> forecast_payload({"probability": 0.3}, {"type": "binary"})
        {'probability_yes': 0.3, 'probability_yes_per_category': None, 'continuous_cdf': None}
    """
    kind = _get(question, "type", "binary")
    payload = {
        "probability_yes": None,
        "probability_yes_per_category": None,
        "continuous_cdf": None,
    }
    if kind == QuestionType.BINARY:
        payload["probability_yes"] = float(_get(forecast, "probability"))
    elif kind == QuestionType.MULTIPLE_CHOICE:
        payload["probability_yes_per_category"] = dict(
            zip(_get(question, "options"), map(float, _get(forecast, "probabilities")))
        )
    else:
        payload["continuous_cdf"] = [float(v) for v in _get(forecast, "cdf")]
    return payload
