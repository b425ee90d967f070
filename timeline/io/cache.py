"""A per-article cache of timeline rows in Parquet, so a rerun skips unchanged articles.

One file per article, ``<folder>/<key>.parquet``, where the key hashes what the rows
depend on: the article's text, id and publication date, and the library itself (its
version and a digest of its code and rule files, so an edited rule invalidates every
entry). Files are written atomically and validated on read: a file that does not read
back as rows of the expected columns is ignored and rebuilt, never trusted.
"""

from __future__ import annotations

import functools
import hashlib
import io
from importlib import metadata
from pathlib import Path

import pandas as pd

from timeline.io.atomic import write_atomically

_PACKAGE = Path(__file__).resolve().parents[1]


@functools.cache
def library_version() -> str:
    """The installed version plus a digest of the package's code and rules (cached per process).

    Examples:
        >>> library_version() == library_version() and "+" in library_version()
        True
    """
    try:
        version = metadata.version("timeline")
    except metadata.PackageNotFoundError:
        version = "0"
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return f"{version}+{digest.hexdigest()[:12]}"


def article_key(article) -> str:
    """The cache key of an article: its text, id, publication date and the library version.

    Examples:
        >>> from timeline.io.article import Article
        >>> a = Article("Trump signed it.", published="2025-02-28")
        >>> article_key(a) == article_key(Article("Trump signed it.", published="2025-02-28"))
        True
        >>> article_key(a) == article_key(Article("Trump signed it.", published="2025-03-01"))
        False
    """
    digest = hashlib.sha256()
    for part in (
        library_version(),
        article.id,
        article.published.isoformat() if article.published else "",
        article.text,
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def load(folder, key: str, columns: list[str]) -> list[dict] | None:
    """The cached rows under ``key``, or None when absent or unreadable (then rebuild).

    Examples:
        >>> import tempfile
        >>> load(tempfile.mkdtemp(), "nothing", ["event_id"]) is None
        True
    """
    path = Path(folder) / f"{key}.parquet"
    if not path.exists():
        return None
    try:
        frame = pd.read_parquet(path)
    except Exception:  # a torn or foreign file: rebuild it  # noqa: BLE001
        return None
    if frame.columns.tolist() != columns:
        return None
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for row in rows:
        for name, value in row.items():
            if hasattr(value, "tolist"):  # Parquet lists come back as arrays
                row[name] = value.tolist()
            elif value is None and name in ("earliest", "latest"):
                row[name] = pd.NaT
    return rows


def store(folder, key: str, rows: list[dict], columns: list[str]) -> Path:
    """Write ``rows`` (dicts with ``columns``) under ``key``, atomically.

    Examples:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> rows = [{"event_id": "a-t0001", "actors": ["Trump"]}]
        >>> _ = store(folder, "k", rows, ["event_id", "actors"])
        >>> load(folder, "k", ["event_id", "actors"])
        [{'event_id': 'a-t0001', 'actors': ['Trump']}]
    """
    frame = pd.DataFrame(rows, columns=columns)
    if not rows:
        frame = frame.astype(object)
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return write_atomically(Path(folder) / f"{key}.parquet", buffer.getvalue())
