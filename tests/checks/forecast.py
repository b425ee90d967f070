"""How an example of ``forecast/rules/*.yaml`` is checked.

criteria.yaml: the flags ``check_criteria`` raises for a question's wording (negatives: none).
questions.yaml: the question drafted from a sentence's event (negatives: none drafted).
The row builders are shared with tests/test_questions.py.
"""

from conftest import make_row

from timeline import candidate_questions
from timeline.forecast.criteria import check_criteria
from timeline.schema import TIMELINE, conform


def event(i, text, trigger, modality, actors=(), timex=None, latest=None, earliest=None, offset=0):
    return make_row(
        offset,
        event_id=f"a-e{i}",
        sentence=i,
        text=text,
        trigger=trigger,
        actors=list(actors),
        kind="plan",
        modality=modality,
        timex=timex,
        earliest=earliest,
        latest=latest,
        precision="vague" if timex else "unknown",
        basis="relative" if latest else "none",
        rule="r",
        order=i,
        tense="future",
    )


def frame(*rows):
    return conform(list(rows), TIMELINE)


def check_criteria_flags(rule_id, example, positive):
    found = [rule for rule, _ in check_criteria(example["text"], example.get("fine_print", ""))]
    assert found == (example["flags"] if positive else [])


def check_draft(rule_id, case, positive):
    """The example drafted with its sentence as the article text gives exactly its title."""
    text = case["text"]
    row = event(
        1,
        text,
        case["trigger"],
        case["modality"],
        case.get("actors", ()),
        case.get("timex"),
        None if case.get("latest") is None else str(case["latest"]),
    )
    drafts = candidate_questions(
        frame(row), horizon="2025-12-31", reference="2025-02-28", articles={"a": text}
    )
    if case["title"] is None:
        assert drafts.empty, drafts.title.tolist()
    else:
        assert drafts.title.tolist() == [case["title"]]


CHECKS = {"criteria": check_criteria_flags, "questions": check_draft}
