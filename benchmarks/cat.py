"""Reading token-anchored annotation (MEANTIME's CAT XML and ECB+), text rebuilt with offsets.

Both corpora give a document as tokens (``<token t_id sentence number>``) and annotations as
markables that point at tokens (``<token_anchor t_id>``) and relations between markables
(``<source m_id>`` / ``<target m_id>``). :func:`read` rebuilds a readable text from the tokens
(a space between tokens except before closing punctuation and clitics and after opening
brackets and currency signs, one sentence a line) and keeps every token's character span, so
a library row's offsets can be matched to gold tokens. Corpus text is read from ``../shared``
(or a path argument) and never copied into the repository.

Examples:
    >>> doc = parse_string('''<Document doc_id="1" doc_name="d">
    ... <token t_id="1" sentence="0" number="0">U.S.</token>
    ... <token t_id="2" sentence="0" number="1">paid</token>
    ... <token t_id="3" sentence="0" number="2">$</token>
    ... <token t_id="4" sentence="0" number="3">40</token>
    ... <token t_id="5" sentence="0" number="4">billion</token>
    ... <token t_id="6" sentence="0" number="5">.</token>
    ... <token t_id="7" sentence="1" number="6">They</token>
    ... <token t_id="8" sentence="1" number="7">don</token>
    ... <token t_id="9" sentence="1" number="8">'t</token>
    ... <token t_id="10" sentence="1" number="9">(</token>
    ... <token t_id="11" sentence="1" number="10">yet</token>
    ... <token t_id="12" sentence="1" number="11">)</token>
    ... <Markables><EVENT_MENTION m_id="5" pos="VERB"><token_anchor t_id="2"/></EVENT_MENTION>
    ... </Markables>
    ... <Relations><HAS_PARTICIPANT r_id="9" sem_role="Arg0">
    ... <source m_id="5"/><target m_id="6"/></HAS_PARTICIPANT>
    ... </Relations></Document>''')
    >>> doc.text
    "U.S. paid $40 billion.\\nThey don't (yet)"
    >>> doc.span(doc.markables["5"])
    (5, 9)
    >>> doc.relations[0].tag, doc.relations[0].sources, doc.relations[0].targets
    ('HAS_PARTICIPANT', ('5',), ('6',))
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
MEANTIME_APPLE = CORPORA / "meantime-apple" / "intra_cross-doc_annotation" / "corpus_apple"
ECBPLUS = CORPORA / "ecbplus-dev"

#: Tokens written against the word before them ("." "," "'s" "n't" ")").
_CLOSING = {
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'S",
    "n't",
    "N'T",
    "'re",
    "'ll",
    "'ve",
    "'d",
    "'m",
    "'t",
    "...",
    "''",
    "’s",
    "’",
    "”",
}
#: Tokens written against the word after them ("(" "$" "``").
_OPENING = {"(", "[", "{", "$", "£", "€", "``", "“", "‘"}


@dataclass(frozen=True)
class Token:
    t_id: str
    sentence: int
    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Markable:
    m_id: str
    tag: str
    attrs: dict = field(hash=False, compare=False)
    t_ids: tuple = ()


@dataclass(frozen=True)
class Relation:
    r_id: str
    tag: str
    attrs: dict = field(hash=False, compare=False)
    sources: tuple = ()
    targets: tuple = ()


@dataclass
class Document:
    doc_id: str
    name: str
    path: str
    text: str
    tokens: list[Token]
    markables: dict[str, Markable]
    relations: list[Relation]
    by_tid: dict[str, Token] = field(default_factory=dict)

    def span(self, markable: Markable) -> tuple[int, int] | None:
        """Character span of a markable's tokens in :attr:`text` (None when it has no tokens)."""
        tokens = [self.by_tid[t] for t in markable.t_ids if t in self.by_tid]
        if not tokens:
            return None
        return min(t.start for t in tokens), max(t.end for t in tokens)

    def tokens_of(self, markable: Markable) -> list[Token]:
        return [self.by_tid[t] for t in markable.t_ids if t in self.by_tid]

    def token_at(self, offset: int) -> Token | None:
        """The token covering a character offset, if any."""
        for token in self.tokens:
            if token.start <= offset < token.end:
                return token
        return None

    def sentence_text(self, sentence: int) -> str:
        tokens = [t for t in self.tokens if t.sentence == sentence]
        return self.text[tokens[0].start : tokens[-1].end] if tokens else ""


def _join(raw: list[tuple[str, int, int, str]]) -> tuple[str, list[Token]]:
    """Rebuild text from (t_id, sentence, number, word) and give each token its span."""
    parts: list[str] = []
    tokens: list[Token] = []
    position = 0
    previous_sentence = None
    glue_next = False
    open_quote = False
    for t_id, sentence, number, word in raw:
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence:
            gap = "\n"
            open_quote = False
        elif glue_next or word in _CLOSING or (word == '"' and open_quote):
            gap = ""
        else:
            gap = " "
        glue_next = word in _OPENING or (word == '"' and not open_quote)
        if word == '"':
            open_quote = not open_quote
        parts.append(gap)
        position += len(gap)
        tokens.append(Token(t_id, sentence, number, word, position, position + len(word)))
        parts.append(word)
        position += len(word)
        previous_sentence = sentence
    return "".join(parts), tokens


def parse_string(xml: str, path: str = "") -> Document:
    """A :class:`Document` from the XML text of one MEANTIME or ECB+ file."""
    root = ET.fromstring(xml)
    raw = [
        (t.get("t_id"), int(t.get("sentence", 0)), int(t.get("number", 0)), t.text or "")
        for t in root.iter("token")
    ]
    text, tokens = _join(raw)
    markables: dict[str, Markable] = {}
    for block in root.iter("Markables"):
        for node in block:
            anchors = tuple(a.get("t_id") for a in node.iter("token_anchor"))
            markables[node.get("m_id")] = Markable(
                node.get("m_id"), node.tag, dict(node.attrib), anchors
            )
    relations: list[Relation] = []
    for block in root.iter("Relations"):
        for node in block:
            relations.append(
                Relation(
                    node.get("r_id", ""),
                    node.tag,
                    dict(node.attrib),
                    tuple(s.get("m_id") for s in node.iter("source")),
                    tuple(s.get("m_id") for s in node.iter("target")),
                )
            )
    doc = Document(
        root.get("doc_id", ""),
        root.get("doc_name", Path(path).stem),
        path,
        text,
        tokens,
        markables,
        relations,
    )
    doc.by_tid = {t.t_id: t for t in tokens}
    return doc


def read(path) -> Document:
    """Read one MEANTIME or ECB+ XML file."""
    path = Path(path)
    return parse_string(path.read_text(encoding="utf-8"), str(path))


def read_folder(folder, pattern: str = "*.xml") -> list[Document]:
    """Every matching file of a folder, sorted by name (deterministic)."""
    return [read(p) for p in sorted(Path(folder).glob(pattern))]


def creation_time(doc: Document) -> str | None:
    """The document creation time (MEANTIME's TIMEX3 with functionInDocument CREATION_TIME)."""
    for markable in doc.markables.values():
        if markable.tag == "TIMEX3" and markable.attrs.get("functionInDocument") == "CREATION_TIME":
            return markable.attrs.get("value")
    return None
