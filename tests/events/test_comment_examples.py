"""The examples quoted in the comments of timeline/events/*.py run as tests.

``tests/comment_examples.yaml`` gives each quote a sentence and what must hold of it (exact
tags, events with their exact trigger spans and attributes, words that are no event);
open_tags.py keeps its examples in rules/open_tags.yaml (tests/test_rule_examples.py). A quote
added to a comment without an example here, or an example whose quote left its comment,
fails :func:`test_every_comment_quote_has_an_example`.
"""

import io
import re
import tokenize
from pathlib import Path

import pytest
import yaml
from checks.events import ATTRS as EVENT_ATTRS

from timeline.events.extract import extract
from timeline.events.lexicon import tokenize as words
from timeline.events.open_tags import table
from timeline.events.tagger import tag
from timeline.io.segment import sentences

HERE = Path(__file__).resolve().parent
EVENTS = HERE.parents[1] / "timeline" / "events"
DATA = yaml.safe_load((HERE / "comment_examples.yaml").read_text(encoding="utf-8"))
#: A quote in a comment: straight double quotes or curly ones, two characters at least.
QUOTE = re.compile(r'"([^"]{2,})"|“([^”]{2,})”')
#: The rule examples' attributes, and those only a comment's example names.
ATTRS = {
    **EVENT_ATTRS,
    "actors": "actors",
    "undergoers": "undergoers",
    "newsworthy": "newsworthy",
    "role": "role",
}


def comment_quotes(path: Path) -> list[str]:
    """The quoted text in the comments of a module, in order; a comment running over
    consecutive lines is read as one text, so a quote may span its lines."""
    blocks, last = [], None
    for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if token.type == tokenize.COMMENT:
            line = token.string.lstrip("#").strip()
            if last is not None and token.start[0] == last + 1:
                blocks[-1] += " " + line
            else:
                blocks.append(line)
            last = token.start[0]
    return [m.group(1) or m.group(2) for block in blocks for m in QUOTE.finditer(block)]


def _modules(example) -> list[str]:
    where = example["where"]
    return [where] if isinstance(where, str) else where


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(
            e,
            marks=[pytest.mark.xfail(reason=e["xfail"], strict=True)] if e.get("xfail") else [],
            id=f"{'+'.join(_modules(e))}:{e['text'][:50]}",
        )
        for e in DATA["examples"]
    ],
)
def test_comment_example(example):
    text = example["text"]
    tokens = [t for start, end in sentences(text) for t in tag(words(text, start, end))]
    for word, expected in (example.get("tags") or {}).items():
        hits = [t for t in tokens if t.text == word]
        assert hits, f"no token {word!r}"
        assert all(text[t.start : t.end] == word for t in hits)
        assert [t.tag for t in hits] == [expected] * len(hits), (word, [t.tag for t in tokens])
    events = extract(text, sentences(text))
    triggers = [e.trigger for e in events]
    for word, attrs in (example.get("events") or {}).items():
        hits = [e for e in events if e.trigger == word]
        assert hits, f"no event {word!r} in {triggers}"
        event = hits[0]
        assert text[event.trigger_start : event.trigger_end] == word
        for key, value in (attrs or {}).items():
            assert getattr(event, ATTRS[key]) == value, (word, key, getattr(event, ATTRS[key]))
    for word in example.get("not_events") or ():
        assert word not in triggers, triggers


def test_every_comment_quote_has_an_example():
    """Each quote of a comment in timeline/events/*.py (but open_tags.py) has an example, or
    is listed as no example; each example's quote is still in its module's comments."""
    covered = {}
    for example in DATA["examples"]:
        for module in _modules(example):
            covered.setdefault(module, set()).update(example["quotes"])
    missing, stale = [], []
    for path in sorted(EVENTS.glob("*.py")):
        if path.name == "open_tags.py":
            continue
        quotes = set(comment_quotes(path)) - set(DATA["not_examples"].get(path.name, ()))
        missing += [f"{path.name}: {q!r}" for q in sorted(quotes - covered.get(path.name, set()))]
        stale += [f"{path.name}: {q!r}" for q in sorted(covered.get(path.name, set()) - quotes)]
    assert (missing, stale) == ([], [])


def test_open_tags_quotes_are_examples_of_its_table():
    """open_tags.py quotes only what rules/open_tags.yaml runs as an example or negative."""
    texts = [
        example["text"]
        for row in table().rows
        for kind in ("examples", "negatives")
        for example in row.get(kind) or ()
    ]
    quotes = comment_quotes(EVENTS / "open_tags.py")
    assert [q for q in quotes if not any(q.lower() in t.lower() for t in texts)] == []
