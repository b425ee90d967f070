"""Honest history: recorded_at from the ledger's clock, retrospective forecasts, the hash chain,
provenance of each number (base rate, updates), and hostile ledger files (issue 17)."""

import json

import pandas as pd
import pytest

from timeline import Ledger, LedgerError
from timeline.forecast.ledger import ManualClock, fixed_clock


def make(tmp_path, when="2025-02-28T09:00"):
    ledger = Ledger(tmp_path / "ledger.jsonl", clock=ManualClock(when))
    ledger.ask(
        "q1",
        "Will it happen by 2025-03-14?",
        "Yes if reported. Otherwise no.",
        "2025-02-28",
        "2025-03-14",
    )
    return ledger


def test_recorded_at_comes_from_the_clock_not_the_caller(tmp_path):
    ledger = make(tmp_path)
    f = ledger.forecast("q1", "2025-02-28", 0.4)
    assert f.recorded_at.isoformat() == "2025-02-28T09:00:00+00:00"
    assert ledger.forecasts().recorded_at.tolist() == [pd.Timestamp("2025-02-28 09:00")]
    with pytest.raises(TypeError):
        ledger.forecast("q1", "2025-02-28", 0.4, recorded_at="2025-02-28")  # not an argument


def test_a_backdated_forecast_needs_retrospective_and_is_scored_apart(tmp_path):
    """issue 16: a backdated forecast appended later was accepted and scored with the rest."""
    ledger = make(tmp_path)
    ledger.forecast("q1", "2025-02-28", 0.4)
    ledger.clock.set("2025-03-10T09:00")
    with pytest.raises(
        LedgerError,
        match=(
            r"ledger.jsonl:3: field 'as_of' 2025-03-01 is before the day it was recorded"
            r" \(2025-03-10\): a backdated forecast is accepted only with retrospective=True"
        ),
    ):
        ledger.forecast("q1", "2025-03-01", 0.9)
    ledger.forecast("q1", "2025-03-01", 0.9, retrospective=True)
    with pytest.raises(LedgerError, match="after the day it was recorded"):
        ledger.forecast("q1", "2025-03-11", 0.9)  # tomorrow's information
    ledger.resolve("q1", "yes", on="2025-03-12", source="s")
    scores = ledger.scores()
    assert scores[["forecaster", "retrospective"]].values.tolist() == [
        ["analyst", False],
        ["analyst", True],
    ]
    made, retro = scores.iloc[0], scores.iloc[1]
    assert made.last_probability == 0.4 and retro.last_probability == 0.9
    assert ledger.scores(overall=True).retrospective.tolist() == [False, True]


def test_a_backdated_line_edited_into_the_file_is_refused_on_read(tmp_path):
    ledger = make(tmp_path)
    ledger.clock.set("2025-03-05T09:00")
    ledger.forecast("q1", "2025-03-01", 0.7, retrospective=True)
    lines = ledger.path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    del record["retrospective"]
    lines[1] = json.dumps(record, ensure_ascii=False)
    ledger.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        LedgerError,
        match=r"ledger.jsonl:2: field 'as_of' 2025-03-01 is before the day it was recorded",
    ):
        ledger.forecasts()


def test_editing_a_middle_line_breaks_the_chain_at_the_next_line(tmp_path):
    ledger = make(tmp_path)
    ledger.forecast("q1", "2025-02-28", 0.4)
    ledger.forecast("q1", "2025-02-28", 0.5, forecaster="b")
    assert ledger.verify() == 3
    lines = ledger.path.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b"0.4", b"0.6")
    ledger.path.write_bytes(b"\n".join(lines))
    with pytest.raises(LedgerError, match=r"ledger.jsonl:3: hash chain broken"):
        ledger.verify()
    with pytest.raises(LedgerError, match=r"ledger.jsonl:3: hash chain broken"):
        ledger.forecasts()


def test_removing_or_inserting_a_line_breaks_the_chain(tmp_path):
    ledger = make(tmp_path)
    for p in (0.4, 0.5, 0.6):
        ledger.forecast("q1", "2025-02-28", p)
    lines = ledger.path.read_bytes().split(b"\n")
    ledger.path.write_bytes(b"\n".join(lines[:2] + lines[3:]))
    with pytest.raises(LedgerError, match=r"ledger.jsonl:3: hash chain broken"):
        ledger.verify()


def test_the_last_line_is_covered_by_a_head_kept_elsewhere(tmp_path):
    ledger = make(tmp_path)
    ledger.forecast("q1", "2025-02-28", 0.4)
    head = ledger.head()
    assert ledger.verify(head) == 2
    text = ledger.path.read_text(encoding="utf-8").replace("0.4", "0.3")
    ledger.path.write_text(text, encoding="utf-8")
    assert ledger.verify() == 2  # nothing after the last line can tell
    with pytest.raises(LedgerError, match=r"ledger.jsonl:2: the last line's hash"):
        ledger.verify(head)


def test_a_ledger_written_before_the_chain_is_read_and_verify_says_so(tmp_path):
    path = tmp_path / "old.jsonl"
    path.write_text(
        '{"record": "question", "id": "q1", "title": "T?", "resolution_criteria": "c", '
        '"open_time": "2025-02-28", "scheduled_close_time": "2025-03-14"}\n',
        encoding="utf-8",
    )
    ledger = Ledger(path, clock=fixed_clock("2025-02-28T10:00"))
    assert ledger.questions().id.tolist() == ["q1"]
    with pytest.raises(LedgerError, match=r"old.jsonl:1: no hash chain"):
        ledger.verify()


def test_base_rate_and_updates_are_stored_with_their_evidence(tmp_path):
    ledger = make(tmp_path)
    ledger.forecast(
        "q1",
        "2025-02-28",
        0.68,
        prior=0.583,
        base_rate={
            "reference_class": "announced bloc meetings",
            "occurrences": 6,
            "opportunities": 10,
            "source": "analyst's count",
        },
        updates=[
            {"likelihood_ratio": 1.5, "evidence": ["a-t27", "a-t833"], "note": "stated twice"}
        ],
    )
    row = ledger.forecasts().iloc[0]
    assert (row.reference_class, row.base_rate_occurrences, row.base_rate_opportunities) == (
        "announced bloc meetings",
        6.0,
        10.0,
    )
    assert row.likelihood_ratios == [1.5]
    assert row.updates == [
        {"likelihood_ratio": 1.5, "evidence": ["a-t27", "a-t833"], "note": "stated twice"}
    ]
    with pytest.raises(LedgerError, match="'base_rate': occurrences exceed opportunities"):
        ledger.forecast(
            "q1",
            "2025-02-28",
            0.5,
            base_rate={"reference_class": "x", "occurrences": 3, "opportunities": 2},
        )
    with pytest.raises(
        LedgerError, match=r"'updates'\[0\].likelihood_ratio: a likelihood ratio must be positive"
    ):
        ledger.forecast("q1", "2025-02-28", 0.5, updates=[{"likelihood_ratio": -1}])


# --- hostile ledger input (issue 17) ------------------------------------------------------------


@pytest.mark.parametrize("day", ["2300-12-31", "1600-01-01", "9999-12-31", "0001-01-01"])
def test_dates_outside_what_pandas_holds_are_refused_never_wrapped(tmp_path, day):
    ledger = make(tmp_path)
    with pytest.raises(LedgerError, match="outside the dates a ledger can hold"):
        ledger.ask("q2", "T?", "c", "2025-01-01", day)
    path = tmp_path / "hand.jsonl"
    path.write_text(
        json.dumps(
            {
                "record": "question",
                "id": "q",
                "title": "T?",
                "resolution_criteria": "c",
                "open_time": "2025-01-01",
                "scheduled_close_time": day,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(
        LedgerError, match=r"hand.jsonl:1: question 'q': field 'scheduled_close_time'"
    ):
        Ledger(path).questions()


@pytest.mark.parametrize(
    "line, message",
    [
        ("[" * 100_000 + "]" * 100_000, r"hand.jsonl:2: not a (ledger|JSON) record"),
        (
            '{"record": "forecast", "question_id": "q", "as_of": "2025-01-02",'
            ' "probability": "0.5"}',
            r"hand.jsonl:2: forecast on 'q': field 'probability': expected a number",
        ),
        (
            '{"record": "forecast", "question_id": ["q"], "as_of": "2025-01-02",'
            ' "probability": 0.5}',
            r"hand.jsonl:2: .*field 'question_id': expected text, got list",
        ),
        (
            '{"record": "forecast", "question_id": "q", "as_of": 20250102, "probability": 0.5}',
            r"hand.jsonl:2: forecast on 'q': field 'as_of': expected a date",
        ),
        (
            '{"record": "forecast", "question_id": "q", "as_of": "2025-01-02",'
            ' "probability": 0.5, "evidence": {"a": 1}}',
            r"hand.jsonl:2: forecast on 'q': field 'evidence': expected a list",
        ),
        (
            '{"record": "forecast", "question_id": "q", "as_of": "2025-01-02",'
            ' "probability": 1e999}',
            r"hand.jsonl:2: forecast on 'q': field 'probability': expected a finite number",
        ),
        ('{"record": ["question"]}', r"hand.jsonl:2: field 'record' must be one of"),
        (
            '{"record": "resolution", "question_id": "q", "status": {"x": 1},'
            ' "on": "2025-01-03", "source": "s"}',
            r"hand.jsonl:2: resolution of 'q': field 'status'",
        ),
        (
            '{"record": "forecast", "question_id": "q", "as_of": "2025-01-02",'
            ' "probability": 0.5, "updates": [[[]]]}',
            r"hand.jsonl:2: forecast on 'q': field 'updates'\[0\]: expected an object",
        ),
    ],
)
def test_hostile_lines_raise_a_ledger_error_naming_the_line(tmp_path, line, message):
    path = tmp_path / "hand.jsonl"
    question = {
        "record": "question",
        "id": "q",
        "title": "T?",
        "resolution_criteria": "c",
        "open_time": "2025-01-01",
        "scheduled_close_time": "2025-01-31",
    }
    path.write_text(json.dumps(question) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=message):
        Ledger(path).forecasts()


def test_lone_surrogates_never_crash_ask_or_the_file(tmp_path):
    ledger = make(tmp_path)
    with pytest.raises(
        LedgerError,
        match=r"question 'q2': field 'title': a lone surrogate \(U\+D800\) at character 4",
    ):
        ledger.ask("q2", "Will\ud800 it?", "c", "2025-02-28", "2025-03-14")
    with pytest.raises(LedgerError, match="lone surrogate"):
        ledger.forecast("q1", "2025-02-28", 0.5, rationale="x\udfff")
    assert ledger.verify() == 1  # nothing was written
    path = tmp_path / "escaped.jsonl"
    path.write_text(
        '{"record": "question", "id": "q", "title": "T\\ud800?", "resolution_criteria": "c", '
        '"open_time": "2025-01-01", "scheduled_close_time": "2025-01-31"}\n',
        encoding="utf-8",
    )
    with pytest.raises(
        LedgerError, match=r"escaped.jsonl:1: question 'q': field 'title': a lone surrogate"
    ):
        Ledger(path).questions()


def test_a_forecast_must_be_what_its_prior_and_updates_give(tmp_path):
    ledger = make(tmp_path)
    with pytest.raises(
        LedgerError, match=r"field 'probability' 0.9 is not what the prior 0.5 and the updates"
    ):
        ledger.forecast("q1", "2025-02-28", 0.9, prior=0.5, updates=[{"likelihood_ratio": 2}])
    ledger.forecast(
        "q1", "2025-02-28", 0.67, prior=0.5, updates=[{"likelihood_ratio": 2}]
    )  # 2/3, rounded


@pytest.mark.parametrize("instant", ["2262-04-11T23:59:59", "1677-09-21T00:00", "9999-01-01T00:00"])
def test_recorded_at_outside_what_pandas_holds_is_refused(tmp_path, instant):
    with pytest.raises(LedgerError, match="outside the instants a ledger can hold"):
        fixed_clock(instant)
    path = tmp_path / "hand.jsonl"
    question = {
        "record": "question",
        "id": "q",
        "title": "T?",
        "resolution_criteria": "c",
        "open_time": "2025-01-01",
        "scheduled_close_time": "2025-01-31",
    }
    forecast = {
        "record": "forecast",
        "question_id": "q",
        "as_of": "2025-01-02",
        "probability": 0.5,
        "recorded_at": instant,
        "retrospective": True,
    }
    path.write_text(json.dumps(question) + "\n" + json.dumps(forecast) + "\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"hand.jsonl:2: forecast on 'q': field 'recorded_at'"):
        Ledger(path).forecasts()
