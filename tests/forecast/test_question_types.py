"""Every question type scored: multiple choice, numeric, date (a CDF on a grid), conditional;
several forecasters and their aggregates; Metaculus question JSON in and out."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from timeline import Ledger, LedgerError
from timeline.forecast.ledger import ManualClock
from timeline.forecast.ledger_records import CDF_POINTS
from timeline.forecast.metaculus import forecast_payload, from_metaculus, to_metaculus
from timeline.forecast.scoring import aggregate, crps, multiple_choice_scores, score_ledger


@pytest.fixture
def ledger(tmp_path):
    return Ledger(tmp_path / "types.jsonl", clock=ManualClock("2025-01-01T12:00"))


def test_multiple_choice_scores(ledger):
    ledger.ask(
        "mc",
        "Who wins?",
        "The official result.",
        "2025-01-01",
        "2025-01-10",
        type="multiple_choice",
        options=["A", "B", "C"],
    )
    ledger.forecast("mc", "2025-01-01", probabilities=[0.5, 0.3, 0.2])
    with pytest.raises(LedgerError, match="sums to 0.900000, not 1"):
        ledger.forecast("mc", "2025-01-01", probabilities=[0.5, 0.3, 0.1])
    with pytest.raises(
        LedgerError,
        match="3 values for 2 options|takes field 'probabilities'|2 values for 3 options",
    ):
        ledger.forecast("mc", "2025-01-01", probabilities=[0.5, 0.5])
    with pytest.raises(LedgerError, match="must be one of the options"):
        ledger.resolve("mc", "D", on="2025-01-11", source="s")
    ledger.resolve("mc", "A", on="2025-01-11", source="s")
    s = ledger.scores().iloc[0]
    assert s.brier == pytest.approx(0.25 + 0.09 + 0.04)
    assert s.log == pytest.approx(math.log(0.5))
    assert s.baseline == pytest.approx(
        100 * math.log(0.5 * 3) / math.log(3)
    )  # Metaculus MC baseline
    assert s.last_probability == 0.5


def test_multiple_choice_uniform_forecast_scores_zero_baseline():
    assert multiple_choice_scores([0.25] * 4, 2)["baseline"] == pytest.approx(0.0)


def uniform(lo=0.0, hi=1.0):
    return list(np.linspace(lo, hi, CDF_POINTS))


def test_numeric_question_baseline_and_crps(ledger):
    ledger.ask(
        "n",
        "How many?",
        "The published count.",
        "2025-01-01",
        "2025-01-10",
        type="numeric",
        range_min=0,
        range_max=100,
    )
    ledger.forecast("n", "2025-01-01", cdf=uniform())
    with pytest.raises(LedgerError, match="must start at 0 unless the lower bound is open"):
        ledger.forecast("n", "2025-01-01", cdf=uniform(0.05, 1.0))
    ledger.resolve("n", 40, on="2025-01-11", source="s")
    s = ledger.scores().iloc[0]
    assert s.baseline == pytest.approx(0.0, abs=1e-9)  # the uniform forecast is the baseline
    # CRPS of a uniform on [0, 100] at 40: (40**3 + 60**3) / (3 * 100**2)
    assert s.crps == pytest.approx((40**3 + 60**3) / 3e4)
    assert math.isnan(s.brier)


def test_a_sharper_numeric_forecast_scores_better():
    grid = np.linspace(0, 100, CDF_POINTS)
    sharp = 1 / (1 + np.exp(-(grid - 40) / 3))
    sharp = (sharp - sharp[0]) / (sharp[-1] - sharp[0])
    assert crps(sharp, 40, 0, 100) < crps(np.linspace(0, 1, CDF_POINTS), 40, 0, 100)


def test_date_question_with_open_upper_bound(ledger):
    ledger.ask(
        "d",
        "When will it be signed?",
        "The signing date.",
        "2025-01-01",
        "2025-01-10",
        type="date",
        range_min="2025-01-01",
        range_max="2025-12-31",
        open_upper_bound=True,
    )
    cdf = uniform(0.0, 0.9)
    ledger.forecast("d", "2025-01-01", cdf=cdf)
    ledger.resolve("d", "above_upper_bound", on="2025-01-10", source="s")
    q = ledger.questions().iloc[0]
    assert q.range_min == (pd.Timestamp("2025-01-01") - pd.Timestamp("1970-01-01")).days
    s = ledger.scores().iloc[0]
    assert s.baseline == pytest.approx(
        100 * math.log(0.1 / 0.05) / 2
    )  # Metaculus: tail baseline 5%
    ledger.ask(
        "d2",
        "When?",
        "The date.",
        "2025-01-01",
        "2025-01-10",
        type="date",
        range_min="2025-01-01",
        range_max="2025-12-31",
    )
    ledger.forecast("d2", "2025-01-01", cdf=uniform())
    ledger.resolve("d2", "2025-07-02", on="2025-01-10", source="s")
    assert ledger.scores().set_index("question_id").loc["d2", "baseline"] == pytest.approx(
        0.0, abs=1e-9
    )


def test_conditional_question_is_annulled_when_its_condition_fails(ledger):
    ledger.ask(
        "parent",
        "Will talks start?",
        "Yes if talks start. Otherwise no.",
        "2025-01-01",
        "2025-01-10",
    )
    ledger.ask(
        "child",
        "If talks start, will a deal be signed?",
        "Yes if signed. Otherwise no.",
        "2025-01-01",
        "2025-01-10",
        condition={"question_id": "parent", "resolution": "yes"},
    )
    with pytest.raises(LedgerError, match="no question 'ghost' asked before this conditional"):
        ledger.ask(
            "orphan",
            "T?",
            "c",
            "2025-01-01",
            "2025-01-10",
            condition={"question_id": "ghost", "resolution": "yes"},
        )
    ledger.forecast("child", "2025-01-01", 0.3)
    ledger.resolve("parent", "no", on="2025-01-10", source="s")
    child = ledger.question("child")
    assert child.status == "annulled" and "did not hold" in child.resolution_note
    assert math.isnan(ledger.scores().set_index("question_id").loc["child", "brier"])
    q = ledger.questions().set_index("id").loc["child"]
    assert (q.condition_question_id, q.condition_resolution) == ("parent", "yes")


def test_several_forecasters_aggregates_and_peer_scores(ledger):
    ledger.ask("q", "Q?", "Yes if so. Otherwise no.", "2025-01-01", "2025-01-10")
    for name, p in (("a", 0.9), ("b", 0.6), ("c", 0.2)):
        ledger.forecast("q", "2025-01-01", p, forecaster=name)
    ledger.resolve("q", "yes", on="2025-01-11", source="s")
    forecasts, questions = ledger.forecasts(), ledger.questions()
    median = aggregate(forecasts, questions, "median")
    pooled = aggregate(forecasts, questions, "mean_log_odds")
    assert median.probability.tolist() == [0.6]
    logit = np.mean([math.log(p / (1 - p)) for p in (0.9, 0.6, 0.2)])
    assert pooled.probability.iloc[0] == pytest.approx(1 / (1 + math.exp(-logit)))
    scores = score_ledger(questions, forecasts).set_index("forecaster")
    assert scores.peer.sum() == pytest.approx(0.0, abs=1e-9)
    assert scores.loc["a", "peer"] > 0 > scores.loc["c", "peer"]
    with_crowd = score_ledger(questions, pd.concat([forecasts, median], ignore_index=True))
    assert "median" in with_crowd.forecaster.tolist()


def test_metaculus_json_round_trip(ledger):
    ledger.ask(
        "n",
        "How many?",
        "The published count.",
        "2025-01-01",
        "2025-01-10",
        type="numeric",
        range_min=0,
        range_max=100,
        open_upper_bound=True,
        event_ids=["a-t1"],
    )
    ledger.ask(
        "d",
        "When?",
        "The date.",
        "2025-01-01",
        "2025-01-10",
        type="date",
        range_min="2025-01-01",
        range_max="2025-12-31",
    )
    ledger.ask(
        "mc",
        "Who?",
        "The result.",
        "2025-01-01",
        "2025-01-10",
        type="multiple_choice",
        options=["A", "B"],
    )
    questions = ledger.questions()
    posts = [json.loads(json.dumps(to_metaculus(row))) for _, row in questions.iterrows()]
    assert posts[0]["question"]["scaling"] == {
        "range_min": 0.0,
        "range_max": 100.0,
        "zero_point": None,
    }
    assert (
        posts[1]["question"]["scaling"]["range_min"] == 1735689600.0
    )  # Unix seconds, as Metaculus
    assert posts[2]["question"]["options"] == ["A", "B"]
    copy = Ledger(ledger.path.with_name("copy.jsonl"), clock=ManualClock("2025-01-01T12:00"))
    for post in posts:
        copy.ask(**from_metaculus(post))
    again = copy.questions()
    cols = [
        "id",
        "type",
        "title",
        "open_time",
        "scheduled_close_time",
        "range_min",
        "range_max",
        "open_upper_bound",
        "options",
        "event_ids",
    ]
    assert again[cols].astype(str).values.tolist() == questions[cols].astype(str).values.tolist()
    payload = forecast_payload({"probabilities": [0.7, 0.3]}, questions.iloc[2])
    assert payload["probability_yes_per_category"] == {"A": 0.7, "B": 0.3}


def test_metaculus_import_names_a_missing_field():
    with pytest.raises(LedgerError, match="field 'scheduled_close_time' is required"):
        from_metaculus(
            {
                "question": {
                    "id": 1,
                    "type": "binary",
                    "title": "T?",
                    "resolution_criteria": "c",
                    "open_time": "2025-01-01T00:00:00Z",
                }
            }
        )
