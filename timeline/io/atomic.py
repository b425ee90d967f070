"""Writing a file atomically: a temporary file in the same folder, fsync, then ``os.replace``.

A crash or a full disk leaves either the old file or the new one, never half
of one, and never a temporary file behind (the temporary lives in the target's
folder, so the rename cannot cross file systems). The folder is fsynced after
the rename, so the new name survives a power cut. Used by
:mod:`timeline.export` and :mod:`timeline.ledger_file`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: Permissions of a new file (an existing file keeps its own).
NEW_FILE_MODE = 0o644


def fsync_directory(folder) -> None:
    """Make a rename or a new file in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path, data, make_parents: bool = True) -> Path:
    """Write ``data`` (text, as UTF-8, or bytes) to ``path`` through a temporary file and a rename.

    Args:
        path: the target file.
        data: ``str`` (written as UTF-8, newlines as given) or ``bytes``.
        make_parents: create missing folders first (else a missing folder is an OSError).

    Returns:
        The target path.

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> write_atomically(folder / "out" / "a.txt", "one\\n").read_text()
        'one\\n'
        >>> _ = write_atomically(folder / "out" / "a.txt", b"two\\n")
        >>> [p.name for p in (folder / "out").iterdir()], (folder / "out" / "a.txt").read_bytes()
        (['a.txt'], b'two\\n')
    """
    path = Path(path)
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)
    return path
