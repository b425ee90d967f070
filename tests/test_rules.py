"""The corpus is the test: every example of every rule family, exact span, type and value.

Positives give a text, a reference date (the family's or their own), the exact span
expected and its TIMEX3 value (and type, default the rule's). Negatives are texts in
which nothing at all may be found. Known failures stay in the data as ``xfail: reason``.
"""

import datetime as dt

import pytest

from timeline import temporal
from timeline.temporal import rulebook as rules_module


def _date(value):
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _cases():
    cases = []
    for _, data in rules_module.family_files():
        family, reference = data["family"], _date(data.get("reference"))
        for rule in data["rules"]:
            for example in rule.get("examples") or ():
                ref = _date(example["ref"]) if "ref" in example else reference
                marks = (
                    [pytest.mark.xfail(reason=example["xfail"], strict=True)]
                    if example.get("xfail")
                    else []
                )
                expected = (
                    example["span"],
                    example.get("type", rule["type"]),
                    str(example["value"]),
                )
                cases.append(
                    pytest.param(
                        example["text"],
                        ref,
                        expected,
                        rule["id"],
                        marks=marks,
                        id=f"{family}:{rule['id']}:{example['text']}",
                    )
                )
            for negative in rule.get("negatives") or ():
                text = negative if isinstance(negative, str) else negative["text"]
                xfail = None if isinstance(negative, str) else negative.get("xfail")
                marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
                cases.append(
                    pytest.param(
                        text,
                        reference,
                        None,
                        rule["id"],
                        marks=marks,
                        id=f"{family}:{rule['id']}:NOT {text}",
                    )
                )
    return cases


@pytest.mark.parametrize("text, reference, expected, rule_id", _cases())
def test_rule_corpus(text, reference, expected, rule_id):
    found = temporal.find(text, reference)
    if expected is None:
        assert found == [], [(t.text, t.value, t.rule) for t in found]
        return
    span, type_, value = expected
    start = text.index(span)
    hits = [t for t in found if t.start == start and t.end == start + len(span)]
    assert hits, (
        f"no expression with the exact span {span!r}; found {[(t.text, t.value, t.rule) for t in found]}"
    )
    assert (hits[0].type, hits[0].value) == (type_, value), hits[0]


def test_unknown_fragment_is_a_rule_error():
    with pytest.raises(rules_module.RuleError, match="unknown fragment"):
        rules_module.expand("{no_such_fragment}", {}, "x.yaml: rule y")


def test_vague_window_coming_days_two_weeks():
    assert rules_module.vague_window("coming_days") == (0, 14)


def _tokenized_cases():
    """The positive examples again, tokenized as corpora and PDF extraction give text."""
    from benchmarks.timex import tokenize

    cases = []
    for param in _cases():
        text, reference, expected, rule_id = param.values
        if param.marks:
            continue
        spaced, where = tokenize(text)
        if expected is None:
            if spaced != text:
                cases.append(
                    pytest.param(spaced, reference, None, rule_id, id=f"tokenized:{param.id}")
                )
            continue
        start = text.index(expected[0])
        begin, end = where[start], where[start + len(expected[0]) - 1] + 1
        if spaced == text:
            continue  # nothing to split: the example above already runs it
        cases.append(
            pytest.param(
                spaced,
                reference,
                (spaced[begin:end], *expected[1:]),
                rule_id,
                id=f"tokenized:{param.id}",
            )
        )
    return cases


@pytest.mark.parametrize("text, reference, expected, rule_id", _tokenized_cases())
def test_rule_corpus_tokenized(text, reference, expected, rule_id):
    """Every example keeps its span and value, and every negative stays empty, with its punctuation split off."""
    test_rule_corpus(text, reference, expected, rule_id)
