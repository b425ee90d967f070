"""Writing and reading timeline exports (CSV or JSON), atomically and validated.

A write goes to a temporary file in the same folder and is renamed over the
target, so a crash leaves either the old file or the new one, never half of
one. A read checks every row against ``schema.TIMELINE`` and names the line
and field of the first problem.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import SchemaError, TimelineError
from .schema import TIMELINE, conform, validate

ACTOR_SEPARATOR = "; "


def write_atomically(path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _records(df: pd.DataFrame) -> list[dict]:
    records = []
    for row in df.to_dict("records"):
        for key, value in row.items():
            if isinstance(value, pd.Timestamp):
                row[key] = value.date().isoformat()
            elif not isinstance(value, list) and pd.isna(value):
                row[key] = None
        records.append(row)
    return records


def write_timeline(df: pd.DataFrame, path) -> Path:
    """Export a timeline as ``.csv`` or ``.json`` (a list of records), atomically.

    Examples:
        >>> import tempfile, timeline
        >>> df = timeline.build_timeline("On February 1, Trump signed a memorandum.", published="2025-02-28")
        >>> out = Path(tempfile.mkdtemp()) / "t.json"
        >>> read_timeline(write_timeline(df, out)).equals(df)
        True
    """
    validate(df, TIMELINE)
    path = Path(path)
    if path.suffix == ".json":
        text = json.dumps(_records(df), ensure_ascii=False, indent=1) + "\n"
    elif path.suffix == ".csv":
        flat = df.assign(actors=df.actors.map(ACTOR_SEPARATOR.join))
        text = flat.to_csv(index=False, date_format="%Y-%m-%d")
    else:
        raise TimelineError(f"{path}: export format must be .csv or .json, not {path.suffix!r}")
    return write_atomically(path, text)


def read_timeline(path) -> pd.DataFrame:
    """Read an export written by :func:`write_timeline`, validating every row."""
    path = Path(path)
    try:
        if path.suffix == ".json":
            records = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(records, list):
                raise SchemaError(f"{path}: expected a JSON list of timeline records")
            line_of = lambda i: f"record {i + 1}"  # noqa: E731
        elif path.suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
            frame["actors"] = frame["actors"].map(lambda v: [] if pd.isna(v) else v.split(ACTOR_SEPARATOR))
            records = frame.to_dict("records")
            line_of = lambda i: f"line {i + 2}"  # noqa: E731  (line 1 is the header)
        else:
            raise TimelineError(f"{path}: timeline files are .csv or .json, not {path.suffix!r}")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, pd.errors.ParserError) as exc:
        raise TimelineError(f"{path}: cannot read timeline export ({exc})") from None
    for index, record in enumerate(records):
        missing = [name for name in TIMELINE.names if name not in record]
        if missing:
            raise SchemaError(f"{path}: {line_of(index)}: missing field(s) {missing}")
        for field in ("earliest", "latest"):
            if record[field] is not None and pd.notna(record[field]) and pd.isna(pd.to_datetime(record[field], errors="coerce")):
                raise SchemaError(f"{path}: {line_of(index)}: field {field!r} is not a date: {record[field]!r}")
        if isinstance(record.get("newsworthy"), str):
            record["newsworthy"] = {"True": True, "False": False}.get(record["newsworthy"], record["newsworthy"])
    try:
        return conform(records, TIMELINE)
    except (SchemaError, ValueError, TypeError) as exc:
        raise SchemaError(f"{path}: {exc}") from None
