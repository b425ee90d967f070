"""How an example of ``temporal/rules/*.yaml`` is checked: exact span, type and TIMEX3 value.

A positive gives a text, a reference date (its own ``ref`` or the family's), the exact span
expected and its value (and type, by default the rule's). A negative is a text in which nothing
at all may be found.
"""

import datetime as dt

from timeline import temporal
from timeline.temporal import rulebook


def _date(value):
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _rule(rule_id):
    for _, data in rulebook.family_files():
        for rule in data["rules"]:
            if rule["id"] == rule_id:
                return data, rule
    raise KeyError(rule_id)


def case(rule_id, example, positive):
    """(text, reference, expected) of one example; expected is (span, type, value) or None.

    A tense cue's example (``tense.yaml``, no rule of its own) names its reference date and
    expects a DATE at its span, whatever rule finds it."""
    if rule_id == "tense":
        expected = (example["span"], example.get("type", "DATE"), str(example["value"]))
        return example["text"], _date(example["ref"]), expected
    data, rule = _rule(rule_id)
    if not positive:
        text = example if isinstance(example, str) else example["text"]
        return text, _date(data.get("reference")), None
    reference = _date(example["ref"]) if "ref" in example else _date(data.get("reference"))
    expected = (example["span"], example.get("type", rule["type"]), str(example["value"]))
    return example["text"], reference, expected


def check_found(text, reference, expected):
    """The expression found at exactly the expected span has the expected type and value."""
    found = temporal.find(text, reference)
    if expected is None:
        assert found == [], [(t.text, t.value, t.rule) for t in found]
        return
    span, type_, value = expected
    start = text.index(span)
    hits = [t for t in found if t.start == start and t.end == start + len(span)]
    got = [(t.text, t.value, t.rule) for t in found]
    assert hits, f"no expression with the exact span {span!r}; found {got}"
    assert (hits[0].type, hits[0].value) == (type_, value), hits[0]
    return hits[0]


def check_timex(rule_id, example, positive):
    hit = check_found(*case(rule_id, example, positive))
    for side in ("earliest", "latest"):
        if positive and side in example:  # the days the expression leaves, when the example says
            want = example[side]
            assert getattr(hit, side) == (None if want is None else _date(want)), (side, hit)


CHECKS = {
    family: check_timex
    for family in ("dates", "durations", "holidays", "refs", "relative", "sets", "times")
} | {"tense": check_timex}
