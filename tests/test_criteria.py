"""The Question validator: criteria whose Yes or No cannot be reached are flagged (rules/criteria.yaml)."""

import pytest

from timeline.forecast.criteria import check_criteria, check_question, rules

EXAMPLES = rules()["examples"]
NEGATIVES = rules()["negatives"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_examples_raise_their_flags(example):
    found = [rule for rule, _ in check_criteria(example["text"], example.get("fine_print", ""))]
    assert found == example["flags"]


@pytest.mark.parametrize("negative", NEGATIVES, ids=[e["text"][:40] for e in NEGATIVES])
def test_negatives_raise_nothing(negative):
    assert check_criteria(negative["text"], negative.get("fine_print", "")) == []


def test_the_seed_meeting_question_is_flagged():
    """issue 16: the emergency-meeting question could only ever be ambiguous."""
    question = {
        "type": "binary",
        "resolution_criteria": "Yes if credible reporting shows that the Coordination Framework's leaders met "
        "between 2025-02-28 and 2025-03-14 inclusive. No if reporting establishes that no such meeting "
        "took place in that window.",
        "fine_print": "If the record neither reports such a meeting nor establishes its absence, the "
        "question is marked ambiguous.",
    }
    assert [line.split(":")[0] for line in check_question(question)] == [
        "no_needs_absence",
        "undecided_is_ambiguous",
    ]
    assert check_question({**question, "type": "numeric"}) == []
