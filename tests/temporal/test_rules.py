"""The temporal rule files beyond their examples (which tests/test_rule_examples.py runs):
unknown fragments, vague windows, and every example again as tokenized text."""

import pytest
from checks import CASES
from checks.temporal import case, check_found

from timeline.temporal import rulebook as rules_module


def test_unknown_fragment_is_a_rule_error():
    with pytest.raises(rules_module.RuleError, match="unknown fragment"):
        rules_module.expand("{no_such_fragment}", {}, "x.yaml: rule y")


def test_vague_window_coming_days_two_weeks():
    assert rules_module.vague_window("coming_days") == (0, 14)


def _tokenized_cases():
    """The temporal examples again, tokenized as corpora and PDF extraction give text."""
    from benchmarks.timex import tokenize

    for param in CASES:
        stage, family, rule_id, example, positive = param.values
        if stage != "temporal" or param.marks:
            continue
        text, reference, expected = case(rule_id, example, positive)
        spaced, where = tokenize(text)
        if spaced == text:
            continue  # nothing to split: the one runner already checks it as written
        if expected is not None:
            start = text.index(expected[0])
            begin, end = where[start], where[start + len(expected[0]) - 1] + 1
            expected = (spaced[begin:end], *expected[1:])
        yield pytest.param(spaced, reference, expected, id=f"tokenized:{param.id}")


@pytest.mark.parametrize("text, reference, expected", list(_tokenized_cases()))
def test_rule_examples_tokenized(text, reference, expected):
    """Every example keeps its span and value, and every negative stays empty, with its punctuation split off."""
    check_found(text, reference, expected)
