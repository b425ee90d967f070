"""Writing and reading timeline exports (CSV or JSON), atomically and validated.

A write goes to a temporary file in the same folder and is renamed over the
target, so a crash leaves either the old file or the new one, never half of
one. A read checks every row against ``schema.TIMELINE`` and names the line
and field of the first problem.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pandas as pd

from timeline.errors import SchemaError, TimelineError
from timeline.schema import TIMELINE, conform, validate

from .atomic import write_atomically

ACTOR_SEPARATOR = "; "
#: OWASP's CSV injection advice: a cell starting with one of these is prefixed with an apostrophe,
#: so a spreadsheet shows it as text instead of running it as a formula. The apostrophe itself is
#: in the list, so a cell that really starts with one round-trips too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
#: Columns added to the schema after exports were first written: a file without them reads with them missing.
LATER_COLUMNS = (
    "same_as",
    "merge_evidence",
    "likely",
    "likely_earliest",
    "likely_latest",
    "likely_basis",
    "trigger_rule",
)


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


def neutralize(cell):
    """A CSV cell a spreadsheet will not run as a formula (OWASP: prefix ``'``).

    Examples:
        >>> neutralize("=HYPERLINK(1)"), neutralize("talks"), neutralize("'quoted")
        ("'=HYPERLINK(1)", 'talks', "''quoted")
        >>> restore(neutralize("=HYPERLINK(1)"))
        '=HYPERLINK(1)'
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def restore(cell):
    """Undo :func:`neutralize` on a cell read back from CSV."""
    if isinstance(cell, str) and cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


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
        for column in TIMELINE.columns:
            if column.kind == "str" or column.name == "actors":
                flat[column.name] = flat[column.name].map(neutralize)
        # RFC 4180 line ends (CRLF): the csv writer then quotes any cell holding a CR or LF,
        # so a clause with a bare carriage return stays one cell.
        text = flat.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\r\n")
    else:
        raise TimelineError(f"{path}: export format must be .csv or .json, not {path.suffix!r}")
    return write_atomically(path, text)


def _decoded(path: Path) -> str:
    """The file's text; an unreadable file or one that is not UTF-8 is a TimelineError naming the line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TimelineError(f"{path}: cannot read timeline export ({exc})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TimelineError(
            f"{path}: line {line}: cannot read timeline export (not UTF-8 text)"
        ) from None


def _json_records(text: str, path: Path) -> list:
    """The records of a JSON export: a list of objects."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TimelineError(
            f"{path}: line {exc.lineno}: cannot read timeline export "
            f"(not valid JSON at column {exc.colno}: {exc.msg}; a truncated or garbled file?)"
        ) from None
    if not isinstance(records, list):
        raise SchemaError(f"{path}: expected a JSON list of timeline records")
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            raise SchemaError(
                f"{path}: record {index + 1}: expected a JSON object, got {type(record).__name__}"
            )
    return records


def _csv_lines(text: str, path: Path) -> list[int]:
    """Check that every CSV row is whole (as many fields as the header, a final newline) and has every
    field; return the line each record starts on (a quoted field may span lines)."""
    if not text.strip():
        raise SchemaError(f"{path}: line 1: empty file, expected a header line")
    if not text.endswith("\n"):
        raise SchemaError(
            f"{path}: line {text.count(chr(10)) + 1}: incomplete last line "
            "(no newline: a truncated file?)"
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    starts, start = [], 1
    try:
        header = next(reader)
        missing = [
            name for name in TIMELINE.names if name not in header and name not in LATER_COLUMNS
        ]
        if missing:
            raise SchemaError(f"{path}: line 1: missing field(s) {missing}")
        start = reader.line_num + 1
        for row in reader:
            if row:  # a blank line, which pandas skips too
                if len(row) != len(header):
                    raise SchemaError(
                        f"{path}: line {start}: {len(row)} fields where the header has "
                        f"{len(header)} (a truncated or garbled line?)"
                    )
                starts.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise SchemaError(f"{path}: line {start}: not a CSV record ({exc})") from None
    return starts


def read_timeline(path) -> pd.DataFrame:
    """Read an export written by :func:`write_timeline`, validating every row.

    A truncated or garbled file, a record without a field, or a value that
    does not fit ``schema.TIMELINE`` raises :class:`~timeline.errors.SchemaError`
    (or :class:`~timeline.errors.TimelineError` for a file that is not JSON or
    UTF-8 at all) naming the file, the line (CSV) or record (JSON), and the field.

    Examples:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp()) / "t.csv"
        >>> _ = out.write_text("event_id,article_id\\na-e1,a\\n", encoding="utf-8")
        >>> read_timeline(out)
        Traceback (most recent call last):
        ...
        timeline.errors.SchemaError: .../t.csv: line 1: missing field(s) ['sentence', ...]
    """
    path = Path(path)
    if path.suffix == ".json":
        records = _json_records(_decoded(path), path)
        line_of = lambda i: f"record {i + 1}"  # noqa: E731
    elif path.suffix == ".csv":
        text = _decoded(path).removeprefix("\ufeff")
        starts = _csv_lines(text, path)
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
        except (ValueError, pd.errors.ParserError) as exc:
            raise TimelineError(f"{path}: cannot read timeline export ({exc})") from None
        for column in TIMELINE.columns:
            if column.name in frame and (column.kind == "str" or column.name == "actors"):
                frame[column.name] = frame[column.name].map(restore)
        frame["actors"] = frame["actors"].map(
            lambda v: [] if pd.isna(v) else v.split(ACTOR_SEPARATOR)
        )
        records = frame.to_dict("records")
        line_of = lambda i: f"line {starts[i] if i < len(starts) else i + 2}"  # noqa: E731
    else:
        raise TimelineError(f"{path}: timeline files are .csv or .json, not {path.suffix!r}")
    for index, record in enumerate(records):
        missing = [
            name for name in TIMELINE.names if name not in record and name not in LATER_COLUMNS
        ]
        if missing:
            raise SchemaError(f"{path}: {line_of(index)}: missing field(s) {missing}")
        for field in ("earliest", "latest", "likely", "likely_earliest", "likely_latest"):
            if (
                record.get(field) is not None
                and pd.notna(record[field])
                and pd.isna(pd.to_datetime(record[field], errors="coerce"))
            ):
                raise SchemaError(
                    f"{path}: {line_of(index)}: field {field!r} is not a date: {record[field]!r}"
                )
        if isinstance(record.get("newsworthy"), str):
            record["newsworthy"] = {"True": True, "False": False}.get(
                record["newsworthy"], record["newsworthy"]
            )
    try:
        return conform(records, TIMELINE)
    except (SchemaError, ValueError, TypeError) as exc:
        for index, record in enumerate(
            records
        ):  # the first record that fails on its own names the line
            try:
                conform([record], TIMELINE)
            except (SchemaError, ValueError, TypeError) as own:
                detail = re.sub(r" (?:at )?row 0\b", "", str(own))  # the record alone is row 0
                raise SchemaError(f"{path}: {line_of(index)}: {detail}") from None
        raise SchemaError(f"{path}: {exc}") from None
