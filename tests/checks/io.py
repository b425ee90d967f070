"""How an example of ``io/rules/segment.yaml`` is checked: the exact sentences of a text."""

from timeline.io.segment import sentences


def check_segment(rule_id, example, positive):
    text = example["text"]
    assert [text[s:e] for s, e in sentences(text)] == example["sentences"]


CHECKS = {"segment": check_segment}
