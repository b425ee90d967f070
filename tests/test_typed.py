"""Typed intermediate data and one settings module: a typo fails loudly, a window lives in one
place."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from timeline import settings
from timeline.events.lexicon import tokenize
from timeline.events.mentions import mentions
from timeline.events.tagger import tag
from timeline.model import Mention

PACKAGE = Path(__file__).resolve().parents[1] / "timeline"
FIELDS = dict(
    index=0,
    group_start=0,
    role="verb",
    event_class="OCCURRENCE",
    tense="past",
    aspect="none",
    modality="asserted",
    lemma="sign",
)

#: Module-level numbers that are not tuning windows: display widths and facts of a format.
NOT_SETTINGS = {
    "__main__.py:WIDTH",  # the terminal width of the CLI's table
    "plot.py:LABEL_CHARS",  # how long a label the chart draws
    "forecast/ledger_records.py:UPDATE_TOLERANCE",  # two-decimal rounding of a forecast
    "forecast/ledger_records.py:CDF_POINTS",  # Metaculus stores a CDF at 201 points
    "forecast/scoring.py:_TAIL",  # Metaculus's baseline mass beyond an open bound
    "forecast/metaculus.py:_SECONDS",  # seconds in a day
    "io/atomic.py:NEW_FILE_MODE",  # a file permission
    "forecast/probability.py:EXTREME",  # probabilities stay inside (0, 1)
}


def test_a_misspelt_mention_field_is_a_type_error():
    with pytest.raises(TypeError, match="tens"):
        Mention(**{**FIELDS, "tens": "past"})
    with pytest.raises(TypeError, match="event_class"):
        Mention(**{k: v for k, v in FIELDS.items() if k != "event_class"})


def test_a_mention_is_frozen_and_changed_by_replacing_it():
    m = Mention(**FIELDS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.modality = "negated"
    assert dataclasses.replace(m, modality="negated").modality == "negated"
    assert m.modality == "asserted"


def test_mentions_link_an_infinitive_to_its_governor():
    tokens = tag(tokenize("The ministers want to hold talks."))
    found = mentions(tokens)
    assert all(isinstance(m, Mention) for m in found)
    want, hold, talks = found
    assert (want.index, want.group_start, want.lemma, want.governor) == (2, 2, "want", None)
    assert (hold.index, hold.group_start, hold.infinitive, hold.modality) == (
        4,
        3,
        True,
        "expected",
    )
    assert hold.governor is want
    assert (talks.index, talks.role, talks.object_of) == (5, "nominal", hold)


def _module_numbers(path: Path) -> list[str]:
    """UPPER_CASE names a module binds to a number (or a negated one) at its top level."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        value = getattr(node, "value", None)
        if isinstance(value, ast.UnaryOp):
            value = value.operand
        if not (isinstance(value, ast.Constant) and type(value.value) in (int, float)):
            continue
        found += [t.id for t in targets if isinstance(t, ast.Name) and t.id.lstrip("_").isupper()]
    return found


def test_tuning_numbers_are_declared_only_in_settings():
    scattered = [
        f"{path.relative_to(PACKAGE).as_posix()}:{name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "settings.py"
        for name in _module_numbers(path)
    ]
    assert sorted(set(scattered) - NOT_SETTINGS) == []
    assert NOT_SETTINGS <= set(scattered)  # the exceptions are still there to be excepted


def test_every_setting_says_why_and_is_used():
    lines = (PACKAGE / "settings.py").read_text(encoding="utf-8").splitlines()
    names = _module_numbers(PACKAGE / "settings.py")
    assert names and all(name.isupper() and hasattr(settings, name) for name in names)
    for name in names:
        at = next(k for k, line in enumerate(lines) if line.startswith(f"{name} = "))
        assert lines[at - 1].startswith("#: "), f"{name} has no '#:' line saying why"
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for path in PACKAGE.rglob("*.py")
        if path.name != "settings.py"
    )
    assert [name for name in names if f"settings.{name}" not in code] == []


def test_a_setting_changed_in_settings_changes_the_stage(monkeypatch):
    from timeline.errors import ArticleError
    from timeline.io.article import Article

    monkeypatch.setattr(settings, "MAX_ARTICLE_CHARS", 10)
    with pytest.raises(ArticleError, match="more than the 10 accepted"):
        Article("On February 1, Trump signed a memorandum.", published="2025-02-28")


def test_a_story_mention_is_typed_and_frozen():
    from timeline.stories.merge import StoryMention

    fields = dict(row={}, article=0, position=0, actors={}, runs={}, parts={}, names=())
    fields |= dict(words=frozenset())
    fields |= dict(rare=frozenset(), explicit=False, lemma="sign", act="sign")
    with pytest.raises(TypeError, match="stroy"):
        StoryMention(**fields, stroy=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        StoryMention(**fields).story = 1


def test_a_signal_is_named():
    from timeline.model import TimeExpr
    from timeline.ordering.anchoring import signal_of

    text = "open since March 2011"
    signal = signal_of(
        text, TimeExpr(11, 21, "March 2011", "DATE", "2011-03", None, None, "month", "r")
    )
    assert (signal.word, signal.kind, signal.part) == ("since", "start", None)


def test_tense_rules_are_typed_with_compiled_patterns():
    from timeline.errors import RuleError
    from timeline.ordering.tense import TenseRule, rules

    rule = TenseRule.of({"id": "r", "relation": "before", "form": "ed$", "reported": True})
    assert (rule.id, rule.relation, rule.form.pattern, rule.reported, rule.fallback) == (
        "r",
        "before",
        "ed$",
        True,
        False,
    )
    with pytest.raises(RuleError, match="rule 'bad': bad pattern"):
        TenseRule.of({"id": "bad", "relation": "before", "preceded_by": "("})
    loaded = rules()["tense_rules"]["publication"]
    assert [r.id for r in loaded] == [row["id"] for row in rules()["publication"]]
