"""Reading articles: the `Article` record and `read_article` for files.

Stage 0 of the pipeline. Everything that can be wrong with an input (empty,
not UTF-8, binary, HTML, oversized, bad front matter) is caught here and
reported as an :class:`~timeline.errors.ArticleError` naming the file, the
line and the field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from timeline import settings
from timeline.errors import ArticleError

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
#: The one base every relative article path is resolved from, in the notebooks and in
#: ``read_articles(..., base=ROOT)``: the repository root (the folder that holds ``seeds/``).
ROOT = Path(__file__).resolve().parents[2]
_GLOB_CHARS = re.compile(r"[*?\[]")
SIDECAR_SUFFIX = ".meta.json"
METADATA_FIELDS = ("id", "title", "source", "url", "published")

_HTML_START = re.compile(r"\A\s*(<!doctype\s+html|<html[\s>]|<\?xml)", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(p|div|span|a|body|head|script|style|br|table)\b[^>]*>", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
_ISO_DATETIME = re.compile(r"\A\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_MONTH_NAME = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.IGNORECASE
)


def parse_published(value, where: str = "published") -> dt.date | None:
    """Turn a publication date given as a date, datetime or 'YYYY-MM-DD' into a date.

    Args:
        value: None, a ``datetime.date``/``datetime``/``pandas.Timestamp`` or a string.
        where: what to name in the error message (file, line, field).

    Returns:
        A ``datetime.date``, or None when ``value`` is None or empty.

    Examples:
        >>> parse_published("2025-02-28")
        datetime.date(2025, 2, 28)
        >>> parse_published("Fri, 28 Feb 2025 23:30:00 -0500")
        datetime.date(2025, 2, 28)
        >>> parse_published("2025-02-30")
        Traceback (most recent call last):
        ...
        timeline.errors.ArticleError: published: '2025-02-30' is not a real date (day is out of range for month)
    """
    if value is None or (isinstance(value, str) and not value.strip()) or value is pd.NaT:
        return None  # pandas' NaT is its "missing": an unknown date, as None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if not isinstance(value, str):
        raise ArticleError(
            f"{where}: expected a date or 'YYYY-MM-DD', got {type(value).__name__} {value!r}"
        )
    text = value.strip()
    match = _ISO_DATE.match(text[:10]) if _ISO_DATETIME.match(text) else _ISO_DATE.match(text)
    if not match:
        return _written_date(text, where)
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        raise ArticleError(f"{where}: {value!r} is not a real date ({exc})") from None


def _written_date(text: str, where: str) -> dt.date:
    """A date written out with a month name and a year ("Fri, 28 Feb 2025 10:00 GMT", "February 28, 2025").

    dateparser reads the many ways feeds and pages write dates. Only complete
    dates with a month name and a four-digit year are accepted: all-number
    forms such as 02/03/2025 are ambiguous (day or month first), and relative
    words ("yesterday") would be read against today's date.
    """
    if not (_YEAR.search(text) and _MONTH_NAME.search(text)):
        raise ArticleError(
            f"{where}: {text!r} is not a date in YYYY-MM-DD form (or written out, as in 'February 28, 2025')"
        )
    import dateparser  # imported here: it is slow to import and most inputs are ISO dates

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": True,
        },
    )
    if parsed is None:
        raise ArticleError(f"{where}: {text!r} is not a complete, real date (day, month and year)")
    return parsed.date()


def check_text(text, where: str = "text") -> str:
    """Reject input that is not article text; return the text unchanged.

    Examples:
        >>> check_text("   ")
        Traceback (most recent call last):
        ...
        timeline.errors.ArticleError: text: the article is empty (no text)
    """
    if not isinstance(text, str):
        raise ArticleError(f"{where}: expected article text as str, got {type(text).__name__}")
    if not text.strip():
        raise ArticleError(f"{where}: the article is empty (no text)")
    surrogate = _SURROGATE.search(text)
    if surrogate:
        line = text.count("\n", 0, surrogate.start()) + 1
        raise ArticleError(
            f"{where}: line {line}: a lone surrogate (U+{ord(surrogate.group()):04X}) at character "
            f"{surrogate.start()} is not text; decode the source as UTF-8 before building an Article"
        )
    if "\x00" in text:
        raise ArticleError(
            f"{where}: contains NUL bytes; this looks like a binary file, not article text"
        )
    if len(text) > settings.MAX_ARTICLE_CHARS:
        raise ArticleError(
            f"{where}: {len(text):,} characters is more than the {settings.MAX_ARTICLE_CHARS:,} accepted for one "
            "article; split it into articles"
        )
    if _HTML_START.match(text) or len(_HTML_TAG.findall(text[: settings.HTML_SNIFF_CHARS])) >= 5:
        raise ArticleError(
            f"{where}: this is an HTML/XML page, not article text; extract the article text first"
        )
    return text


def _default_id(text: str) -> str:
    return "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Article:
    """One news article: its text and what is known about it.

    Args:
        text: the article text (str, not empty).
        id: a stable identifier; derived from the text when not given.
        title, source, url: metadata, optional.
        published: publication date (``date`` or 'YYYY-MM-DD'); None when unknown,
            in which case no date is ever filled in from today.

    Examples:
        >>> a = Article("On February 1, Trump signed a memorandum.", published="2025-02-28")
        >>> a.published, a.id
        (datetime.date(2025, 2, 28), 'a25b7d0d1b2d5')
    """

    text: str
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    path: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        where = self.path or "text"
        check_text(self.text, where)
        object.__setattr__(
            self, "published", parse_published(self.published, f"{where}: published")
        )
        if self.id is None:
            object.__setattr__(self, "id", _default_id(self.text))
        elif not isinstance(self.id, str) or not self.id.strip():
            raise ArticleError(f"{where}: id must be a non-empty string, got {self.id!r}")
        for name in ("id", "title", "source", "url"):
            value = getattr(self, name)
            if isinstance(value, str) and _SURROGATE.search(value):
                raise ArticleError(
                    f"{where}: {name} {value.encode('utf-8', 'backslashreplace').decode()!r} holds "
                    "a lone surrogate (a file name or field that is not UTF-8)"
                )


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{path}: binary file (NUL bytes), not article text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(
            f"{path}: line {line}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.removeprefix("\ufeff")


def _front_matter(text: str, path: Path) -> tuple[dict, str]:
    """Split a leading '---' block of 'key: value' lines from the body.

    The body keeps its own offsets: character offsets in the timeline refer to
    the text after the front matter.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return meta, "\n".join(lines[number:])
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or not key:
            raise ArticleError(
                f"{path}: line {number}: front matter line is not 'key: value': {line!r}"
            )
        if key not in METADATA_FIELDS:
            raise ArticleError(
                f"{path}: line {number}: unknown front matter field {key!r} (known: {', '.join(METADATA_FIELDS)})"
            )
        value = value.strip().strip("'\"")
        if key == "published":
            value = parse_published(value, f"{path}: line {number}: field 'published'")
        meta[key] = value or None
    raise ArticleError(f"{path}: line 1: front matter opened with '---' is never closed")


def _json_article(text: str, path: Path) -> dict:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise ArticleError(f"{path}: expected a JSON object with a 'text' field")
    if not isinstance(record.get("text"), str):
        raise ArticleError(f"{path}: field 'text' is missing or not a string")
    unknown = set(record) - set(METADATA_FIELDS) - {"text"}
    if unknown:
        raise ArticleError(
            f"{path}: unknown field(s) {sorted(unknown)} (known: text, {', '.join(METADATA_FIELDS)})"
        )
    if "published" in record:
        record["published"] = parse_published(record["published"], f"{path}: field 'published'")
    return record


def _sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.name.removesuffix(path.suffix) + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        record = json.loads(_decode(sidecar))
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{sidecar}: line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise ArticleError(f"{sidecar}: expected a JSON object of metadata")
    meta = {key: record.get(key) for key in METADATA_FIELDS if key in record}
    if "published" in meta:
        meta["published"] = parse_published(meta["published"], f"{sidecar}: field 'published'")
    return meta


def _json_ld_dates(data) -> list:
    """Every ``datePublished`` in a JSON-LD value (objects, lists and ``@graph`` nested)."""
    found = []
    if isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            found.append(data["datePublished"])
        for value in data.values():
            if isinstance(value, (dict, list)):
                found.extend(_json_ld_dates(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_json_ld_dates(value))
    return found


def _page_published(tree, path: Path) -> dt.date | None:
    """The publication date a page declares: ``<meta property="article:published_time">``, else
    JSON-LD ``datePublished``. A page that declares neither has no date (never guessed from the
    text or from today)."""
    for node in tree.xpath(
        '//meta[@property="article:published_time" or @name="article:published_time"]'
    ):
        if (node.get("content") or "").strip():
            return parse_published(node.get("content"), f"{path}: meta article:published_time")
    for number, node in enumerate(tree.xpath('//script[@type="application/ld+json"]'), start=1):
        try:
            data = json.loads(node.text or "")
        except json.JSONDecodeError as exc:
            line = (node.sourceline or 1) + exc.lineno - 1
            raise ArticleError(
                f"{path}: line {line}: JSON-LD block {number} is not valid JSON ({exc.msg})"
            ) from None
        for value in _json_ld_dates(data):
            return parse_published(value, f"{path}: line {node.sourceline}: JSON-LD datePublished")
    return None


def read_html(raw: str, path: Path) -> dict:
    """A saved web page's main text, title and publication date.

    The main text and title come from trafilatura (boilerplate, menus and comments left out); the
    date only from the page's own metadata (``article:published_time``, JSON-LD ``datePublished``).

    Examples:
        >>> page = (
        ...     '<html><head><title>Talks | Wire</title>'
        ...     '<meta property="article:published_time" content="2025-03-10T08:00:00Z"></head>'
        ...     '<body><article><h1>Talks resume</h1><p>Negotiators met on Monday in Geneva.</p>'
        ...     '<p>The talks had stalled in January.</p></article>'
        ...     '<footer><p>Copyright Wire 2025.</p></footer></body></html>')
        >>> record = read_html(page, Path("talks.html"))
        >>> record["title"], record["published"]
        ('Talks resume', datetime.date(2025, 3, 10))
        >>> print(record["text"])
        Talks resume
        Negotiators met on Monday in Geneva.
        The talks had stalled in January.
    """
    import lxml.html  # installed with trafilatura
    import trafilatura

    try:
        tree = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ArticleError(f"{path}: cannot parse the HTML page ({exc})") from None
    published = _page_published(tree, path)
    text = trafilatura.extract(
        raw, include_comments=False, include_tables=False, deduplicate=True, with_metadata=False
    )
    if not text or not text.strip():
        raise ArticleError(f"{path}: no article text found in the HTML page (main text is empty)")
    metadata = trafilatura.extract_metadata(tree)
    title = metadata.title if metadata is not None and metadata.title else None
    url = metadata.url if metadata is not None and metadata.url else None
    return {"text": text, "title": title, "url": url, "published": published}


def read_article(path, published=None) -> Article:
    """Read one article file: ``.txt``, ``.md`` (optional front matter), ``.json`` or a saved
    web page (``.html``: main text, title and date from the page's metadata).

    Metadata comes, in increasing priority, from a sidecar ``<name>.meta.json``
    beside the file, the file's own front matter or JSON fields, and the
    ``published`` argument. The article id defaults to the file name stem.

    Args:
        path: the file.
        published: publication date overriding the file's metadata.

    Returns:
        An :class:`Article`.

    Examples:
        >>> a = read_article("seeds/000_03aee5fa6f29c944.txt")
        >>> a.id, a.published, a.source
        ('000_03aee5fa6f29c944', datetime.date(2025, 2, 28), 'Asharq Al-Awsat (English edition)')
    """
    path = Path(path)
    if path.name.endswith(SIDECAR_SUFFIX):
        raise ArticleError(f"{path}: this is a metadata sidecar, not an article")
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(
            f"{path}: unsupported file type {path.suffix!r} (use {', '.join(ARTICLE_SUFFIXES)})"
        )
    if not path.is_file():
        raise ArticleError(f"{path}: no such file")
    raw = _decode(path)
    meta = {"id": path.name.removesuffix(path.suffix)}
    meta.update({k: v for k, v in _sidecar(path).items() if v is not None})
    if path.suffix.lower() == ".json":
        record = _json_article(raw, path)
        body = record.pop("text")
    elif path.suffix.lower() in HTML_SUFFIXES:
        record = read_html(raw, path)
        body = record.pop("text")
    else:
        record, body = _front_matter(raw, path)
    meta.update({k: v for k, v in record.items() if v is not None})
    if published is not None:
        meta["published"] = parse_published(published, f"{path}: argument published")
    check_text(body, str(path))
    return Article(text=body, path=str(path), **meta)


def article_paths(paths, base=None) -> list[Path]:
    """The article files named by a path, a glob, a folder, a list of them, or a JSON list string.

    Relative paths are resolved from ``base`` (the working folder when None). A folder gives its
    article files sorted by name; a glob (``reports/*.md``) its matches sorted by name.

    Examples:
        >>> [p.name for p in article_paths('["seeds"]', base=ROOT)]
        ['000_03aee5fa6f29c944.txt']
        >>> [p.name for p in article_paths("seeds/*.txt", base=ROOT)]
        ['000_03aee5fa6f29c944.txt']
    """
    if isinstance(paths, str) and paths.lstrip().startswith("["):
        try:
            paths = json.loads(paths)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"ARTICLES: {paths!r} is not a JSON list ({exc.msg})") from None
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = []
    for given in paths:
        if not isinstance(given, (str, Path)):
            raise ArticleError(
                f"ARTICLES: expected file paths, got {type(given).__name__} {given!r}"
            )
        entry = Path(given).expanduser()
        if base is not None and not entry.is_absolute():
            entry = Path(base) / entry
        if entry.is_dir():
            found = sorted(
                p
                for p in entry.iterdir()
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.endswith(SIDECAR_SUFFIX)
            )
            if not found:
                raise ArticleError(
                    f"{entry}: folder holds no article files ({', '.join(ARTICLE_SUFFIXES)})"
                )
            files.extend(found)
        elif not entry.exists() and _GLOB_CHARS.search(str(given)):
            anchor = Path(entry.anchor) if entry.is_absolute() else Path(".")
            pattern = str(entry.relative_to(anchor)) if entry.is_absolute() else str(entry)
            found = sorted(
                p
                for p in anchor.glob(pattern)
                if p.is_file() and not p.name.endswith(SIDECAR_SUFFIX)
            )
            if not found:
                raise ArticleError(f"{entry}: no file matches this pattern")
            files.extend(found)
        else:
            files.append(entry)
    return files


def read_articles(paths, published=None, base=None) -> list[Article]:
    """Read files, folders and globs of articles (see :func:`article_paths`).

    Args:
        paths: a path, a glob, a folder, a list of them, or a JSON list string (as papermill
            passes a list parameter given with ``-p``).
        published: publication date overriding the files' metadata.
        base: the folder relative paths are resolved from (the working folder when None).

    Examples:
        >>> [a.id for a in read_articles(["seeds"])]
        ['000_03aee5fa6f29c944']
    """
    from tqdm.auto import tqdm

    files = article_paths(paths, base)
    # a progress bar on a terminal for a long list only (never under nbval or in a pipe)
    bar = tqdm(files, unit="file", disable=None if len(files) > 200 else True, file=sys.stderr)
    return [read_article(path, published) for path in bar]
