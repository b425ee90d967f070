"""The Question validator flags criteria whose Yes or No cannot be reached (rules/criteria.yaml)."""

from timeline.forecast.criteria import check_question


def test_the_seed_meeting_question_is_flagged():
    """issue 16: the emergency-meeting question could only ever be ambiguous."""
    question = {
        "type": "binary",
        "resolution_criteria": "Yes if credible reporting shows that the Coordination Framework's "
        "leaders met between 2025-02-28 and 2025-03-14 inclusive. No if reporting establishes that "
        "no such meeting took place in that window.",
        "fine_print": "If the record neither reports such a meeting nor establishes its absence, "
        "the question is marked ambiguous.",
    }
    assert [line.split(":")[0] for line in check_question(question)] == [
        "no_needs_absence",
        "undecided_is_ambiguous",
    ]
    assert check_question({**question, "type": "numeric"}) == []
