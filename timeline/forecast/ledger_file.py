"""The forecasting ledger's file: one JSON Lines record a line, read and appended under a lock.

One record per line, three kinds, each line a complete JSON object whose first
key, ``record``, says which, and whose last key, ``prev``, is the SHA-256 of the
line before it (64 zeros on the first line)::

    {"record": "question", "id": "q1", "type": "binary", "title": "Rain?", ..., "prev": "000..."}
    {"record": "forecast", "question_id": "q1", ..., "probability": 0.6, ..., "prev": "3f1..."}
    {"record": "resolution", "question_id": "q1", "resolution": "yes", ..., "prev": ...}

Fields left at their default (empty lists, no prior, not retrospective) are not
written. The hash chain makes the file tamper-evident: editing, inserting or
removing a line breaks the ``prev`` of the line after it, and the read names that
line; only the last line can be changed unseen, so compare :func:`head` with a
copy kept elsewhere to cover it. Lines written before the chain existed (no
``prev``) are read, and :func:`verify` reports them.

The file is append-only: a resolution is a new record, never an edit of the
question. Every append takes an exclusive ``fcntl.flock`` on the file, re-reads
and validates it, checks the new record against it (unique id, dates inside the
question's window, 0 < p < 1), then writes the old contents and the new line to
a temporary file in the same folder, ``fsync``s it and renames it over the
ledger with ``os.replace`` (:func:`timeline.atomic.write_atomically`). Two
writers cannot both add the same id (a writer that waited for the lock on a file
since replaced takes it again on the new one), and a crash leaves either the old
file or the new one, never part of a line; at worst an orphaned
``.ledger.jsonl.*.tmp`` that nothing reads. A line cut short by anything else
(a hand edit, a copy) is reported by the next read with its line number, and no
append is made to such a file. A read names the file, line and field of the
first problem. The records are :mod:`timeline.ledger_records`.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
from dataclasses import MISSING, fields
from pathlib import Path

from timeline import settings
from timeline.errors import LedgerError
from timeline.io.atomic import NEW_FILE_MODE, write_atomically

from .ledger_records import Forecast, LedgerState, Question, Resolution

NEWLINE = b"\n"
GENESIS = "0" * 64  # the ``prev`` of the first line
_KINDS = {"question": Question, "forecast": Forecast, "resolution": Resolution}


def line_hash(line: bytes) -> str:
    """The SHA-256 (hex) of one line of the file, without its newline."""
    return hashlib.sha256(line).hexdigest()


def _defaults(cls) -> dict:
    out = {}
    for f in fields(cls):
        if f.default is not MISSING:
            out[f.name] = f.default
        elif f.default_factory is not MISSING:
            out[f.name] = f.default_factory()
    return out


def _encode(kind: str, obj, prev: str) -> str:
    record = {"record": kind}
    defaults = _defaults(type(obj))
    for name in obj._RECORD:
        if (
            name in defaults
            and getattr(obj, name) == defaults[name]
            and name not in ("forecaster", "type")
        ):
            continue
        value = obj._record_value(name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        record[name] = value
    record["prev"] = prev
    return json.dumps(record, ensure_ascii=False) + "\n"


def _decode(line: str, where: str):
    """(kind, record, prev) from one line; LedgerError naming the line for anything else."""
    if len(line) > settings.MAX_LEDGER_LINE_CHARS:
        raise LedgerError(f"{where}: a line of {len(line)} characters is not a ledger record")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LedgerError(f"{where}: not a JSON record ({exc.msg} at column {exc.colno})") from None
    except (RecursionError, ValueError) as exc:  # deep nesting, huge numbers
        raise LedgerError(f"{where}: not a ledger record ({type(exc).__name__})") from None
    if not isinstance(record, dict):
        raise LedgerError(f"{where}: expected a JSON object, got {type(record).__name__}")
    kind = record.pop("record", None)
    if not isinstance(kind, str) or kind not in _KINDS:
        raise LedgerError(
            f"{where}: field 'record' must be one of {list(_KINDS)}, got {kind!r}"[:300]
        )
    prev = record.pop("prev", None)
    if prev is not None and not (isinstance(prev, str) and len(prev) == 64):
        raise LedgerError(f"{where}: field 'prev' must be a SHA-256 hex digest")
    cls = _KINDS[kind]
    allowed = set(cls._RECORD)
    for name in record:
        if name not in allowed:
            raise LedgerError(
                f"{where}: field {name!r} is not a {kind} field (expected {list(cls._RECORD)})"[
                    :400
                ]
            )
    required = {
        f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING
    }
    missing = sorted(required - set(record))
    if missing:
        raise LedgerError(f"{where}: {kind} record is missing field {missing[0]!r}")
    try:
        return kind, cls(**record), prev
    except LedgerError as exc:
        raise LedgerError(f"{where}: {exc}") from None
    except (TypeError, ValueError, OverflowError, RecursionError) as exc:
        raise LedgerError(f"{where}: a {kind} field has the wrong type ({exc})"[:400]) from None


def _parse(data: bytes, name: str, chain: list | None = None) -> LedgerState:
    """Validate the file's records in order; ``chain`` (a list) collects each line's prev/hash."""
    state = LedgerState()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LedgerError(f"{name}:{line}: not UTF-8 text") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    elif lines:
        raise LedgerError(
            f"{name}:{len(lines)}: incomplete last line (no newline: an interrupted write?)"
        )
    expected, chained = GENESIS, False
    for number, line in enumerate(lines, 1):
        where = f"{name}:{number}"
        if not line.strip():
            raise LedgerError(f"{where}: empty line")
        kind, obj, prev = _decode(line, where)
        if prev is not None or chained:
            if prev != expected:
                raise LedgerError(
                    f"{where}: hash chain broken: field 'prev' does not match the line before "
                    "(this line or the one before it was edited, inserted or removed)"
                )
            chained = True
        if chain is not None:
            chain.append(prev)
        state.add(kind, obj, where)
        expected = line_hash(line.encode("utf-8"))
    if chain is not None:
        chain.append(expected)
    return state


def _read_fd(fd: int) -> bytes:
    chunks, offset = [], 0
    while True:
        chunk = os.pread(fd, 1 << 20, offset)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        offset += len(chunk)


def _locked(path: Path) -> int:
    """A descriptor of the ledger file, holding its exclusive lock.

    An absent file is created empty. Each append replaces the file, so a writer that waited for
    the lock may get it on a file that is no longer the ledger; it then takes the lock again on
    the current one.
    """
    while True:
        fd = os.open(path, os.O_RDONLY | os.O_CREAT, NEW_FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            held, current = os.fstat(fd), os.stat(path)
            if (held.st_dev, held.st_ino) == (current.st_dev, current.st_ino):
                return fd
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def read_ledger(path: Path) -> LedgerState:
    """Everything a ledger file says, validated; an absent file is an empty ledger.

    Examples:
        >>> import tempfile, os
        >>> path = Path(tempfile.mkdtemp()) / "ledger.jsonl"
        >>> read_ledger(path).questions
        {}
        >>> _ = path.write_text('{"record": "forecast", "question_id": "q1"}\\n', encoding="utf-8")
        >>> read_ledger(path)
        Traceback (most recent call last):
        ...
        timeline.errors.LedgerError: .../ledger.jsonl:1: forecast record is missing field 'as_of'
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return LedgerState()
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        return _parse(_read_fd(fd), str(path))
    finally:
        os.close(fd)  # closing releases the lock


def verify(path: Path, head: str | None = None) -> int:
    """Check the whole file and its hash chain; return the number of records.

    Raises LedgerError naming the first line that is invalid, breaks the chain or has
    no ``prev`` (written before the chain existed), or, with ``head``, when the last
    line's hash differs from the one kept elsewhere (an edit of the last line).

    Examples:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "ledger.jsonl"
        >>> question = Question("q1", "Rain?", "Any rain.", "2025-02-28", "2025-03-01")
        >>> append_record(path, "question", question)
        >>> verify(path)
        1
    """
    chain: list = []
    with open(path, "rb") as f:
        data = f.read()
    _parse(data, str(path), chain)
    for number, prev in enumerate(chain[:-1], 1):
        if prev is None:
            raise LedgerError(f"{path}:{number}: no hash chain (field 'prev' missing)")
    if head is not None and chain[-1] != head:
        raise LedgerError(
            f"{path}:{len(chain) - 1}: the last line's hash {chain[-1][:12]}... is not the "
            f"expected head {head[:12]}... (the last line was edited, or lines were removed)"
        )
    return len(chain) - 1


def head(path: Path) -> str:
    """The hash of the ledger's last line (GENESIS for an empty ledger): keep a copy to detect
    an edit of the last line, which no later line can reveal."""
    chain: list = []
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return GENESIS
    _parse(data, str(path), chain)
    return chain[-1]


def append_record(path: Path, kind: str, obj) -> None:
    """Check one record ('question', 'forecast' or 'resolution') against the file, then append it.

    Examples:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "ledger.jsonl"
        >>> question = Question("q1", "Rain?", "Any rain.", "2025-02-28", "2025-03-01")
        >>> append_record(path, "question", question)
        >>> append_record(path, "forecast", Forecast("q2", "2025-02-28", 0.5))
        Traceback (most recent call last):
        ...
        timeline.errors.LedgerError: .../ledger.jsonl:2: field 'question_id':
        no question 'q2' asked before this forecast
    """
    if not path.parent.is_dir():
        raise LedgerError(f"{path}: the directory {str(path.parent)!r} does not exist")
    fd = _locked(path)
    try:
        data = _read_fd(fd)
        chain: list = []
        state = _parse(data, str(path), chain)  # refuses a corrupt file and a truncated last line
        state.add(kind, obj, f"{path}:{data.count(NEWLINE) + 1}")
        line = _encode(kind, obj, chain[-1]).encode("utf-8")
        write_atomically(path, data + line, make_parents=False)
    finally:
        os.close(fd)  # closing releases the lock
