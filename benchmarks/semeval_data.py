"""Read the SemEval-2015 Task 4 ("TimeLine") trial data.

The corpus files are tokenized TimeML: one ``<s id="N">`` element per
sentence, tokens separated by single spaces, EVENT tags (in the gold-event
version) around tokens. Gold timelines are text files: the entity on the first
line, then ``ORDER<TAB>DATE<TAB>docid-sentence-token[<TAB>more mentions]``.

:func:`read_document` rebuilds readable text from the tokens (light
detokenization: no space before punctuation or after an opening bracket) and
keeps every token's character offsets, so that offsets found by the library in
that text map back to ``docid-sentence-token`` ids (:meth:`Document.token_at`).
Nothing here is specific to one entity or topic.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
TRIAL = CORPORA / "semeval2015-task4-trial"
RAW_DIR = "Corpus-trial-data_task4_TimeML"
EVENTS_DIR = "Corpus-trial-data_task4_events_timelines_TimeML"
TIMELINES_DIR = "TimeLines_trial_data_task4_v1.2"

_SENTENCE = re.compile(r'<s id="(\d+)">(.*?)</s>', re.S)
_EVENT = re.compile(r"<EVENT\b([^>]*)>(.*?)</EVENT>", re.S)
_TAG = re.compile(r"<[^>]+>")
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "#"}


@dataclass
class Token:
    sentence: int
    index: int  # position in the sentence, from 0
    text: str
    start: int  # character offsets in Document.text
    end: int
    event: str | None = None  # gold EVENT eid covering this token, if any


@dataclass
class Document:
    doc_id: str
    dct: str | None
    title: str | None
    text: str
    tokens: list[Token] = field(default_factory=list)

    def sentence_tokens(self, sentence: int) -> list[Token]:
        return [t for t in self.tokens if t.sentence == sentence]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping the character span [start, end)."""
        return [t for t in self.tokens if t.start < end and start < t.end]

    def token_at(self, start: int, end: int) -> Token | None:
        """The first token overlapping [start, end), or None."""
        hits = self.tokens_in(start, end)
        return hits[0] if hits else None


def _attr(raw: str, name: str) -> str | None:
    match = re.search(rf'\b{name}="([^"]*)"', raw)
    return match.group(1) if match else None


def read_document(path, keep_title_sentence: bool = False) -> Document:
    """Parse one tokenized TimeML file of the task into text + tokens.

    Args:
        path: a ``.tml`` file.
        keep_title_sentence: keep sentence 0 (the title, present only in the
            gold-event files); the raw-text files carry the title outside the
            text, so by default it is left out in both versions.
    """
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    doc_id = (
        re.search(r"<DOCID>(.*?)</DOCID>", raw, re.S)
        or [None, path.stem.split("-")[0].split("_")[0]]
    )[1].strip()
    dct_tag = re.search(r"<DCT>.*?<TIMEX3([^>]*)>", raw, re.S)
    dct = _attr(dct_tag.group(1), "value") if dct_tag else None
    title_match = re.search(r"<EXTRAINFO>(.*?)</EXTRAINFO>", raw, re.S)
    title = html.unescape(title_match.group(1)).strip() if title_match else None
    pieces: list[str] = []
    tokens: list[Token] = []
    length = 0
    for sentence_match in _SENTENCE.finditer(raw):
        sentence = int(sentence_match.group(1))
        if sentence == 0 and not keep_title_sentence:
            continue
        body = sentence_match.group(2)
        # mark gold events: token -> eid
        marked: list[tuple[str, str | None]] = []
        pos = 0
        for event in _EVENT.finditer(body):
            for word in _TAG.sub(" ", body[pos : event.start()]).split():
                marked.append((word, None))
            eid = _attr(event.group(1), "eid")
            for word in _TAG.sub(" ", event.group(2)).split():
                marked.append((word, eid))
            pos = event.end()
        for word in _TAG.sub(" ", body[pos:]).split():
            marked.append((word, None))
        if pieces:
            pieces.append("\n")
            length += 1
        previous = None
        for index, (word, eid) in enumerate(marked):
            word = html.unescape(word)
            if (
                previous is not None
                and word not in _NO_SPACE_BEFORE
                and previous not in _NO_SPACE_AFTER
            ):
                pieces.append(" ")
                length += 1
            tokens.append(Token(sentence, index, word, length, length + len(word), eid))
            pieces.append(word)
            length += len(word)
            previous = word
    return Document(doc_id, dct, title, "".join(pieces), tokens)


def read_corpus(root=TRIAL, gold_events: bool = False) -> list[Document]:
    """All documents of the trial corpus, sorted by doc id (raw text, or with gold EVENT tags)."""
    folder = Path(root) / (EVENTS_DIR if gold_events else RAW_DIR)
    docs = [read_document(p) for p in sorted(folder.glob("*.tml"))]
    return sorted(docs, key=lambda d: int(d.doc_id) if d.doc_id.isdigit() else d.doc_id)


@dataclass
class Timeline:
    entity: str
    rows: list[tuple[int, str, list[str]]]  # (order, date, mention ids)
    name: str = ""


def parse_timeline(text: str, name: str = "") -> Timeline:
    """Parse the official timeline format (first line the entity)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValueError(f"{name}: empty timeline")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 3:
            raise ValueError(
                f"{name}: line {number}: expected ORDER<TAB>DATE<TAB>mention, got {line!r}"
            )
        rows.append(
            (int(fields[0]), fields[1].strip(), [f.strip() for f in fields[2:] if f.strip()])
        )
    return Timeline(lines[0].strip(), rows, name)


def read_timelines(root=TRIAL) -> list[Timeline]:
    """The gold timelines, sorted by file name."""
    folder = Path(root) / TIMELINES_DIR
    return [
        parse_timeline(p.read_text(encoding="utf-8"), p.stem) for p in sorted(folder.glob("*.txt"))
    ]


def split_mention(mention: str) -> tuple[str, int, str]:
    """'16844-5-introducing' -> ('16844', 5, 'introducing'); multiword tokens keep their '_'."""
    doc, sentence, token = mention.split("-", 2)
    return doc, int(sentence), token
