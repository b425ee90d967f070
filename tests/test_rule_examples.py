"""One runner over every rule file of every stage: each example and negative is a test.

Every ``timeline/<stage>/rules/*.yaml`` is walked; wherever a rule (a row with an ``id``, or a
section) holds ``examples`` or ``negatives`` (``<name>_examples`` for a second family in one
file), each entry becomes one test with the id ``stage:family:rule:input``, checked by its
family's check in ``tests/checks/<stage>.py``. An entry marked ``xfail: reason`` is a known
miss and must keep failing (strict). A file with examples and no check fails
``test_every_example_has_a_check``, so no example can sit in a rule file untested.
"""

import pytest
from checks import CASES, CHECKS, STAGES


@pytest.mark.parametrize("stage, family, rule_id, example, positive", CASES)
def test_rule_example(stage, family, rule_id, example, positive):
    CHECKS[stage][family](rule_id, example, positive)


def test_every_example_has_a_check():
    unchecked = sorted(
        {f"{stage}:{family}" for stage, family, *_ in (c.values for c in CASES)}
        - {f"{stage}:{family}" for stage, checks in CHECKS.items() for family in checks}
    )
    assert unchecked == [], (
        f"rule families with examples and no check in tests/checks/: {unchecked}"
    )


def test_every_stage_with_rules_has_examples():
    """A stage whose rule files hold no example at all is a lexicon nobody tests."""
    with_examples = {c.values[0] for c in CASES}
    assert set(STAGES) - with_examples <= {"stories"}, set(STAGES) - with_examples
