"""Candidate questions drafted from hand-made timelines (expected and potential events)."""

import pandas as pd
import pytest
from checks.forecast import event, frame

from timeline import LedgerError, candidate_questions
from timeline.forecast.questions import events_about
from timeline.schema import CANDIDATES, conform, validate

MEETING = (
    "He expected the coalition to convene an emergency meeting in the coming days"
    " to evaluate the warnings."
)
HOLD = "Iraq's ruling coalition is set to hold an emergency meeting to discuss a recent phone call."
SANCTIONS = (
    "Concerns are also rising over potential US sanctions targeting individuals, institutions,"
    " or banks."
)
AVOID = "and strategize on avoiding potential sanctions."
HALT = (
    "Washington has pressured Baghdad to halt gas imports from Iran"
    " and consider additional measures."
)


def test_expected_meeting_closes_at_its_latest_bound():
    df = frame(
        event(
            1,
            MEETING,
            "convene",
            "expected",
            ["Coordination Framework"],
            "in the coming days",
            "2025-03-14",
            "2025-02-28",
            offset=500,
        )
    )
    drafts = validate(
        candidate_questions(df, horizon="2025-12-31", reference="2025-02-28"), CANDIDATES
    )
    d = drafts.iloc[0]
    assert d.title == "Will the Coordination Framework convene an emergency meeting by 2025-03-14?"
    assert (d.scheduled_close_time, d.close_basis, d.open_time) == (
        pd.Timestamp("2025-03-14"),
        "bounds",
        pd.Timestamp("2025-02-28"),
    )
    assert d.event_ids == ["a-e1"] and d.id == "a-e1-q"
    assert "between 2025-02-28 and 2025-03-14" in d.resolution_criteria


def test_potential_sanctions_open_ended_close_at_horizon_and_mentions_merge():
    df = frame(
        event(1, SANCTIONS, "sanctions", "potential", ["US"]),
        event(2, AVOID, "sanctions", "potential"),
    )
    drafts = candidate_questions(df, horizon="2025-12-31", reference="2025-02-28")
    assert len(drafts) == 1
    d = drafts.iloc[0]
    assert d.title == (
        "Will the US impose sanctions targeting individuals, institutions, or banks by 2025-12-31?"
    )
    assert d.close_basis == "horizon" and d.event_ids == ["a-e1", "a-e2"]


def test_two_mentions_of_one_meeting_become_one_draft_with_the_tighter_close():
    df = frame(
        event(1, HOLD, "hold", "expected", ["Iraq's ruling coalition"]),
        event(
            2,
            MEETING,
            "convene",
            "expected",
            ["Coordination Framework"],
            "in the coming days",
            "2025-03-14",
        ),
    )
    drafts = candidate_questions(df, horizon=pd.Timedelta(days=90), reference="2025-02-28")
    assert len(drafts) == 1
    d = drafts.iloc[0]
    # worded after the mention that gives the timing
    assert d.title == "Will the Coordination Framework convene an emergency meeting by 2025-03-14?"
    assert d.event_ids == ["a-e1", "a-e2"] and d.close_basis == "bounds" and d.id == "a-e1-q"


def test_cut_at_second_verb_and_asserted_events_ignored():
    df = frame(
        event(1, HALT, "halt", "potential", ["Baghdad"]),
        event(2, HALT, "pressured", "asserted", ["Washington"]),
    )
    d = candidate_questions(df, horizon=300, reference="2025-02-28").iloc[0]
    assert d.title == "Will Baghdad halt gas imports from Iran by 2025-12-25?"
    assert d.event_ids == ["a-e1"]


def test_no_actor_no_draft_and_no_reference_leaves_open_time_empty():
    """issue 16: "Will [who] brought forward ..." is a broken title, not a draft."""
    assert candidate_questions(
        frame(event(1, AVOID, "sanctions", "potential")), horizon="2025-12-31"
    ).empty
    df = frame(event(1, SANCTIONS, "sanctions", "potential", ["US"]))
    assert pd.isna(candidate_questions(df, horizon="2025-12-31").iloc[0].open_time)


def test_empty_and_bad_horizons():
    assert candidate_questions(frame(), horizon="2025-12-31").empty
    with pytest.raises(LedgerError, match="horizon in days needs the reference"):
        candidate_questions(frame(), horizon=30)
    with pytest.raises(LedgerError, match="horizon"):
        candidate_questions(frame(), horizon="soon")
    with pytest.raises(LedgerError, match="before the reference"):
        candidate_questions(frame(), horizon="2025-01-01", reference="2025-02-28")


def test_events_about():
    df = frame(event(1, HOLD, "hold", "expected"), event(2, SANCTIONS, "sanctions", "potential"))
    assert events_about(df, "sanctions") == ["a-e2"]
    assert events_about(df, "MEETING", "banks") == ["a-e1", "a-e2"]
    assert events_about(df, "nothing") == []


ARTICLE = (
    "The Alliance, a coalition of ten parties, is set to hold a summit to discuss the budget. "
    "Its leader expected the coalition to convene an emergency meeting in the coming days "
    "to review it. "
    "Concerns grow over potential EU sanctions targeting banks, firms, or traders. "
    "Brussels has pressured the Alliance to cut ties with the cartel."
)


def in_article(i, phrase, trigger, modality, **kw):
    start = ARTICLE.index(phrase)
    row = event(i, phrase, trigger, modality, **kw)
    at = ARTICLE.index(trigger, start)
    row.update(
        start=start, end=start + len(phrase), trigger_start=at, trigger_end=at + len(trigger)
    )
    return row


def test_with_the_article_text_drafts_read_past_the_clause_skip_purposes_and_resolve_names():
    df = frame(
        in_article(1, "to hold a summit", "hold", "expected", actors=["The Alliance"]),
        in_article(2, "to discuss the budget", "discuss", "expected", actors=["The Alliance"]),
        in_article(
            3,
            "to convene an emergency meeting in the coming days",
            "convene",
            "expected",
            actors=["coalition"],
            timex="the coming days",
            latest="2025-03-14",
        ),
        in_article(4, "potential EU sanctions", "sanctions", "potential"),
        in_article(5, "to cut ties with the cartel", "cut", "expected", actors=["Brussels"]),
    )
    drafts = candidate_questions(
        df, horizon="2025-12-31", reference="2025-02-28", articles={"a": ARTICLE}
    )
    assert drafts.title.tolist() == [  # soonest close first, then timeline order
        "Will the Alliance convene an emergency meeting by 2025-03-14?",
        "Will the Alliance hold a summit by 2025-12-31?",
        "Will the EU impose sanctions targeting banks, firms, or traders by 2025-12-31?",
        "Will the Alliance cut ties with the cartel by 2025-12-31?",
    ]
    assert drafts.event_ids.tolist() == [["a-e3"], ["a-e1"], ["a-e4"], ["a-e5"]]
    # object control: the object of "expected" is who convenes, whatever the actors column says
    other = df.copy()
    other.at[2, "actors"] = ["Its leader"]
    drafts = candidate_questions(
        other, horizon="2025-12-31", reference="2025-02-28", articles={"a": ARTICLE}
    )
    assert drafts.title[0] == "Will the Alliance convene an emergency meeting by 2025-03-14?"
    # Without the text: only the clause, no purpose filter, no name resolution.
    bare = candidate_questions(df, horizon="2025-12-31", reference="2025-02-28")
    assert bare.title.tolist() == [
        "Will the coalition convene an emergency meeting by 2025-03-14?",
        "Will the Alliance hold a summit by 2025-12-31?",
        "Will the Alliance discuss the budget by 2025-12-31?",
        "Will the EU impose sanctions by 2025-12-31?",
        "Will Brussels cut ties with the cartel by 2025-12-31?",
    ]


def test_a_missing_table_is_a_rule_error(tmp_path, monkeypatch):
    import timeline.forecast.question_wording as wording
    import timeline.forecast.questions as questions
    from timeline.errors import RuleError

    bad = tmp_path / "questions.yaml"
    bad.write_text("light_verbs: {}\n", encoding="utf-8")
    monkeypatch.setattr(wording, "RULES", bad)  # rules() reads the path where it is defined
    questions.rules.cache_clear()
    try:
        with pytest.raises(RuleError, match="questions.yaml: missing table .*'cut_before'"):
            questions.rules()
    finally:
        questions.rules.cache_clear()


def test_bearing_proposes_events_for_open_questions_only():
    from timeline.forecast.questions import bearing
    from timeline.schema import BEARINGS, QUESTIONS

    def question(qid, title, status="open"):
        return dict(
            id=qid,
            title=title,
            resolution_criteria="c",
            open_time="2025-02-28",
            scheduled_close_time="2025-12-31",
            scheduled_resolve_time="2025-12-31",
            status=status,
            event_ids=[],
            type="binary",
            open_lower_bound=False,
            open_upper_bound=False,
        )

    questions = conform(
        [
            question("gas", "Will Iraq halt imports of Iranian gas by 2025-12-31?"),
            question("meet", "Will the Framework convene an emergency meeting?", "ambiguous"),
        ],
        QUESTIONS,
    )
    df = frame(
        event(1, "Iraq kept importing Iranian gas through the winter", "importing", "asserted"),
        event(2, "The Framework held an emergency meeting", "held", "asserted"),
        event(3, "Iraq will hold elections", "hold", "expected"),
    )
    found = validate(bearing(questions, df), BEARINGS)
    assert found[["question_id", "event_id", "shared"]].values.tolist() == [
        ["gas", "a-e1", ["iranian", "iraq"]]
    ]
    assert bearing(questions, df, min_shared=3).empty


def test_a_coordinated_verb_shares_the_subject_of_the_previous_one():
    text = "Washington has pressured Baghdad to halt gas imports and consider further measures."
    rows = [
        event(1, text, "halt", "expected", ["Washington"]),
        event(2, text, "consider", "expected", ["Officials"]),
    ]
    rows[1]["sentence"] = rows[0]["sentence"]
    drafts = candidate_questions(
        frame(*rows), horizon="2025-12-31", reference="2025-02-28", articles={"a": text}
    )
    assert drafts.title.tolist() == [
        "Will Baghdad halt gas imports by 2025-12-31?",
        "Will Baghdad consider further measures by 2025-12-31?",
    ]
