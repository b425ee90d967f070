"""Read TimeML (.tml) gold files: plain text, DCT, TIMEX3, EVENT, TLINK.

Shared by the benchmarks. The plain text is the content of ``<TEXT>`` with the
inline tags removed and XML entities unescaped; every annotation keeps its
character offsets in that text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
TBAQ = CORPORA / "tbaq-cleaned"

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[A-Za-z_:]+\s*=\s*\"[^\"]*\")*)\s*(/?)>")
_ATTR = re.compile(r"([A-Za-z_:]+)\s*=\s*\"([^\"]*)\"")


@dataclass
class Span:
    start: int
    end: int
    text: str
    attrs: dict


@dataclass
class Document:
    path: Path
    doc_id: str
    dct: str | None  # value of the CREATION_TIME TIMEX3, e.g. '1998-01-08'
    text: str
    timexes: list[Span] = field(default_factory=list)
    events: list[Span] = field(default_factory=list)
    instances: dict = field(default_factory=dict)  # eiid -> eid
    tlinks: list[dict] = field(default_factory=list)
    dct_tid: str | None = None


def _attrs(raw: str) -> dict:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def read_tml(path) -> Document:
    """Parse one TimeML file."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    dct, dct_tid = None, None
    dct_match = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if dct_match:
        tag = re.search(r"<TIMEX3([^>]*)>", dct_match.group(1))
        if tag:
            attrs = _attrs(tag.group(1))
            dct, dct_tid = attrs.get("value"), attrs.get("tid")
    doc_id = (re.search(r"<DOCID>(.*?)</DOCID>", raw, re.S) or [None, path.stem])[1].strip()
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not body:
        raise ValueError(f"{path}: no <TEXT> element")
    pieces, open_tags, timexes, events = [], [], [], []
    length, pos, chunk = 0, 0, body.group(1)
    for match in _TAG.finditer(chunk):
        piece = html.unescape(chunk[pos : match.start()])
        pieces.append(piece)
        length += len(piece)
        pos = match.end()
        closing, name, attrs, selfclosing = match.groups()
        if selfclosing:
            continue
        if not closing:
            open_tags.append((name, length, _attrs(attrs)))
        else:
            for i in range(len(open_tags) - 1, -1, -1):
                if open_tags[i][0] == name:
                    _, start, attributes = open_tags.pop(i)
                    break
            else:
                continue
            span = Span(start, length, "", attributes)
            if name == "TIMEX3":
                timexes.append(span)
            elif name == "EVENT":
                events.append(span)
    pieces.append(html.unescape(chunk[pos:]))
    text = "".join(pieces)
    for span in timexes + events:
        span.text = text[span.start : span.end]
    tail = raw[body.end() :]
    instances = {
        a["eiid"]: a["eventID"]
        for a in map(_attrs, re.findall(r"<MAKEINSTANCE([^>]*)/?>", tail))
        if "eiid" in a
    }
    tlinks = [_attrs(t) for t in re.findall(r"<TLINK([^>]*)/?>", tail)]
    return Document(path, doc_id, dct, text, timexes, events, instances, tlinks, dct_tid)


def tbaq_documents(corpus=None, parts=("TimeBank", "AQUAINT")) -> dict[str, list[Document]]:
    """All documents of TimeBank and AQUAINT, by part, sorted by file name."""
    root = Path(corpus) if corpus else TBAQ
    found = {}
    for part in parts:
        folder = root / part
        if folder.is_dir():
            found[part] = [read_tml(p) for p in sorted(folder.glob("*.tml"))]
    if not found and root.is_dir() and list(root.glob("*.tml")):
        found[root.name] = [read_tml(p) for p in sorted(root.glob("*.tml"))]
    return found
