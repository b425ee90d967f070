"""The one rule loader: every stage's YAML is checked against its declared shape."""

from __future__ import annotations

import pytest

from timeline.entities import names
from timeline.errors import RuleError
from timeline.events import lemmas, lexicon
from timeline.forecast import criteria, question_wording
from timeline.io import segment
from timeline.ordering import likely, tense
from timeline.rules import loader
from timeline.stories import merge

STAGE_FILES = [
    (tense.RULES_FILE, tense.SHAPE),
    (lexicon.RULES, lexicon.SHAPE),
    (names.RULES, names.SHAPE),
    (question_wording.RULES, question_wording.SHAPE),
    (criteria.RULES, criteria.SHAPE),
    (segment.RULES, segment.SHAPE),
    (likely.RULES_FILE, likely.SHAPE),
    (lemmas.RULES, lemmas.SHAPE),
    (merge.RULES, merge.SHAPE),
    (merge.WEIGHTS, merge.WEIGHTS_SHAPE),
]


@pytest.mark.parametrize("path, shape", STAGE_FILES, ids=lambda p: getattr(p, "name", ""))
def test_every_stage_file_matches_its_shape(path, shape):
    assert loader.load(path, shape)


def test_a_misspelt_key_inside_an_ordering_rule_is_an_error(tmp_path):
    text = tense.RULES_FILE.read_text(encoding="utf-8")
    assert "    window: " in text
    bad = tmp_path / "ordering.yaml"
    bad.write_text(text.replace("    window: ", "    windw: ", 1), encoding="utf-8")
    with pytest.raises(RuleError, match=r"ordering.yaml: windows: row '\w+': unknown key 'windw'"):
        loader.load(bad, tense.SHAPE)


def test_an_unknown_top_level_key_is_an_error(tmp_path):
    bad = tmp_path / "entities.yaml"
    text = names.RULES.read_text(encoding="utf-8")
    bad.write_text(text + "\norg_sufixes: [Inc]\n", encoding="utf-8")
    with pytest.raises(RuleError, match="entities.yaml: unknown key 'org_sufixes'"):
        loader.load(bad, names.SHAPE)


def test_invalid_yaml_names_the_line(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("a: 1\nb: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"x.yaml: line \d+: invalid YAML"):
        loader.read(bad)


def test_duplicate_ids_in_a_table_are_an_error(tmp_path):
    bad = tmp_path / "d.yaml"
    bad.write_text("cues:\n  - {id: a}\n  - {id: a}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="d.yaml: cues: duplicate id 'a'"):
        loader.load(bad, loader.Shape(tables={"cues": {"id"}}))


def test_a_word_list_is_case_insensitive_unless_it_declares_otherwise():
    # a plain list: 'The' and 'the' are one word (lower-cased, as every table always was)
    plain = loader.words(["US", "the"], "demo.yaml: lists: plain")
    assert plain == {"us", "the"}
    assert loader.contains(plain, "Us") and loader.contains(plain, "us")
    said = loader.words({"case": "insensitive", "words": ["US"]}, "demo.yaml: lists: said")
    assert said == {"us"} and loader.contains(said, "US")
    # declared sensitive: "US" (the country) is not "us" (the pronoun)
    exact = loader.words({"case": "sensitive", "words": ["US", "IR"]}, "demo.yaml: lists: exact")
    assert exact == {"US", "IR"}
    assert loader.contains(exact, "US") and not loader.contains(exact, "us")


@pytest.mark.parametrize(
    "node, message",
    [
        ({"case": "upper", "words": ["x"]}, "case must be 'insensitive' or 'sensitive'"),
        ({"case": "sensitive", "word": ["x"]}, "unknown key 'word'"),
        ({"case": "sensitive"}, "needs words"),
        ("x", "expected a list of words"),
    ],
)
def test_a_word_list_with_a_wrong_case_declaration_is_an_error(node, message):
    with pytest.raises(RuleError, match=message):
        loader.words(node, "demo.yaml: lists: bad")


def test_number_suffixes_are_case_sensitive():
    # events.yaml declares its number suffixes case-sensitive: "$3m" is an amount, "3M" a name
    from timeline.events.lexicon import is_number

    assert [is_number(t) for t in ("3m", "3M", "5pm", "5PM", "76ers")] == [
        True,
        False,
        True,
        True,
        False,
    ]
