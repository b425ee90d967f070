"""Sentence segmentation: the first stage of the pipeline.

A line break ends a paragraph and so a sentence. Inside a line, ``.``, ``!``
and ``?`` (with any closing quotes or brackets after them) end a sentence
when whitespace and a capital, a digit or an opening quote follow, unless
the word before the period is an abbreviation listed in
``io/rules/segment.yaml`` (``abbreviations``), an initial ("J.") or a
dotted abbreviation ("U.S.") followed by a word that does not usually start
a sentence. Tokenized text (tokens joined by spaces, "Oct . 7 , 2023", as corpora and text
extracted from PDFs give it) puts a space before the period: a spaced period is read as the
period of the token before it, so "Oct ." ends no sentence where "Oct." ends none.
"""

from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path

from timeline.caches import read_cache
from timeline.rules.loader import Shape, load
from timeline.rules.loader import words as word_list

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?:''|”|’)*")
_OPEN = re.compile(r"\s+(?=[\"“‘'(\[`]*[A-Z0-9])")


RULES = Path(__file__).resolve().parent / "rules" / "segment.yaml"
SHAPE = Shape(
    values={"abbreviations", "starters", "wrap_least_lines"},
    tables={"examples": {"text", "sentences"}},
)


@functools.cache
def rules() -> dict:
    """The abbreviations and sentence starters of ``io/rules/segment.yaml``, lower case.

    Examples:
        >>> "mr" in rules()["abbreviations"], "the" in rules()["starters"]
        (True, True)
    """
    data = load(RULES, SHAPE)
    found = {
        key: word_list(data[key], f"{RULES.name}: {key}") for key in ("abbreviations", "starters")
    }
    return {**found, "wrap_least_lines": int(data["wrap_least_lines"])}


def _word_before(line: str, dot: int) -> str:
    start = dot
    while start > 0 and not line[start - 1].isspace() and line[start - 1] not in '"“‘(':
        start -= 1
    return line[start:dot]


def _next_word(line: str, pos: int) -> str:
    match = re.match(r"\s*[\"“‘'(\[`]*([A-Za-z]+)", line[pos:])
    return match.group(1).lower() if match else ""


def _is_break(line: str, end_match: re.Match) -> bool:
    mark = end_match.group(0)
    if mark[0] != ".":
        return True
    dot = end_match.start()
    # a spaced period ("Oct . 7") belongs to the token before the space, as in "Oct. 7"
    if dot > 1 and line[dot - 1] == " " and not line[dot - 2].isspace():
        dot -= 1
    word = _word_before(line, dot)
    lower = word.lower().rstrip(".")
    lex = rules()
    if "." in word:  # dotted abbreviation: U.S., a.m.
        return _next_word(line, end_match.end()) in lex["starters"]
    if lower in lex["abbreviations"]:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():  # an initial
        return False
    return True


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _END.finditer(line):
        after = _OPEN.match(line, match.end())
        if not after or not _is_break(line, match):
            continue
        spans.append((start, match.end()))
        start = after.end()
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        piece = line[s:e]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            out.append((offset + s + lead, offset + e - trail))
    return out


_CLOSED = re.compile(r"[.!?:;][\"'”’)\]]*$")  # a line ending as a sentence or clause does


def hard_wrapped(lines: list[str]) -> bool:
    """Whether a text breaks its lines inside sentences (e-mail, wire copy, text extracted
    from PDFs): of its lines that end with no closing punctuation and have a line after them
    in the same paragraph, at least ``wrap_least_lines``, and at least half, have that line
    go on in lower case. A text written a sentence or paragraph per line leaves only its
    headline, dateline or address open, and a capital follows them.

    Examples:
        >>> hard_wrapped(["The board will publish its", "annual results on March 20,",
        ...               "a week late, and", "its chief will step down."])
        True
        >>> hard_wrapped(["Ferry sinks", "Rescuers pulled 40 people out.", "Two are missing."])
        False
    """
    open_ended = [
        b.lstrip()[0].islower()
        for a, b in zip(lines, lines[1:])
        if a.strip() and b.strip() and not _CLOSED.search(a.rstrip())
    ]
    going_on = sum(open_ended)
    return going_on >= rules()["wrap_least_lines"] and 2 * going_on >= len(open_ended)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text, as (start, end) character offsets.

    Args:
        text: the article text.

    Returns:
        Spans in text order, without surrounding whitespace. A line break ends a
        sentence, unless the text is :func:`hard_wrapped` and the line before it has no
        closing punctuation: then the sentence goes on, its span holding the break.

    Examples:
        >>> text = "Mr. Smith met U.S. officials on Feb. 3. They left.\\nNew line"
        >>> [text[s:e] for s, e in sentences(text)]
        ['Mr. Smith met U.S. officials on Feb. 3.', 'They left.', 'New line']
        >>> text = "Talks go on in\\nthe capital, and\\nthe envoys meet\\nagain on Tuesday.\\nNew"
        >>> [text[s:e] for s, e in sentences(text)]
        ['Talks go on in\\nthe capital, and\\nthe envoys meet\\nagain on Tuesday.', 'New']
    """
    spans = []
    lines = text.split("\n")
    wrapped = hard_wrapped(lines)
    offset = 0
    k = 0
    while k < len(lines):
        # a wrapped sentence is read as one line: its breaks become spaces, offsets unchanged
        end = k
        while (
            wrapped
            and end + 1 < len(lines)
            and lines[end].strip()
            and lines[end + 1].strip()
            and not _CLOSED.search(lines[end].rstrip())
        ):
            end += 1
        joined = " ".join(lines[k : end + 1])
        spans.extend(_split_line(joined, offset))
        offset += len(joined) + 1
        k = end + 1
    return spans


@read_cache(16)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    # callers ask about one article many times (once per date or event): split it once
    return tuple(sentences(text))


@read_cache(16)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(start for start, _ in _spans(text))


def same_sentence(text: str, first: int, second: int) -> bool:
    """Whether two character offsets of ``text`` fall in one sentence (of :func:`sentences`).

    The one notion of a sentence: the ordering stage asks this instead of looking for
    full stops itself, so "U.S. officials" is one sentence everywhere.

    Examples:
        >>> text = "Mr. Smith met U.S. officials. They left."
        >>> same_sentence(text, 0, text.index("officials"))
        True
        >>> same_sentence(text, 0, text.index("They"))
        False
    """
    starts = _starts(text)
    return bisect.bisect_right(starts, first) == bisect.bisect_right(starts, second)


def sentence_around(text: str, offset: int) -> tuple[int, int]:
    """The (start, end) span of the sentence (of :func:`sentences`) that holds ``offset``; an
    offset between sentences belongs to the sentence before it.

    Examples:
        >>> text = "Mr. Smith met U.S. officials. They left."
        >>> start, end = sentence_around(text, text.index("officials"))
        >>> text[start:end]
        'Mr. Smith met U.S. officials.'
    """
    spans = _spans(text)
    if not spans:
        return 0, len(text)
    k = max(0, bisect.bisect_right(_starts(text), offset) - 1)
    return spans[k]
