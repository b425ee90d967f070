"""Scores: the three rules, time-averaging over the period each forecast stood, calibration."""

import math

import matplotlib
import pandas as pd
import pytest

from timeline import Ledger, calibration_table, plot_calibration
from timeline.forecast.scoring import baseline_score, brier, log_score, outcomes, score_question
from timeline.schema import CALIBRATION, SCORE_SUMMARY, SCORES, validate

matplotlib.use("Agg")


@pytest.mark.parametrize(
    "p, outcome, b, lg, base",
    [
        (0.5, True, 0.25, math.log(0.5), 0.0),
        (0.5, False, 0.25, math.log(0.5), 0.0),
        (0.9, True, 0.01, math.log(0.9), 100 * (math.log2(0.9) + 1)),
        (0.9, False, 0.81, math.log(0.1), 100 * (math.log2(0.1) + 1)),
        (0.25, False, 0.0625, math.log(0.75), 100 * (math.log2(0.75) + 1)),
    ],
)
def test_rules(p, outcome, b, lg, base):
    assert brier(p, outcome) == pytest.approx(b)
    assert log_score(p, outcome) == pytest.approx(lg)
    assert baseline_score(p, outcome) == pytest.approx(base)


def question(**kw):
    q = {
        "open_time": pd.Timestamp("2025-03-01"),
        "scheduled_close_time": pd.Timestamp("2025-03-10"),
        "actual_resolve_time": pd.Timestamp("2025-03-20"),
        "status": "resolved",
        "resolution": "yes",
    }
    q.update({k: pd.Timestamp(v) if "time" in k and v is not None else v for k, v in kw.items()})
    return q


def forecasts(*pairs):
    return pd.DataFrame(
        {"as_of": pd.to_datetime([d for d, _ in pairs]), "probability": [p for _, p in pairs]}
    )


def test_time_average_weights_days_each_forecast_stood():
    # 10-day lifetime: 0.2 for 3 days (1-3), 0.6 for 5 (4-8), 0.9 for 2 (9-10)
    s = score_question(
        question(), forecasts(("2025-03-01", 0.2), ("2025-03-04", 0.6), ("2025-03-09", 0.9))
    )
    assert s["coverage"] == 1.0
    assert s["brier"] == pytest.approx((3 * 0.64 + 5 * 0.16 + 2 * 0.01) / 10)
    assert s["log"] == pytest.approx(
        (3 * math.log(0.2) + 5 * math.log(0.6) + 2 * math.log(0.9)) / 10
    )
    assert s["last_probability"] == 0.9 and s["last_brier"] == pytest.approx(0.01)


def test_days_before_the_first_forecast_count_zero_in_baseline_only():
    s = score_question(question(), forecasts(("2025-03-06", 0.8)))  # covers days 6-10 of 10
    assert s["coverage"] == 0.5
    assert s["baseline"] == pytest.approx(0.5 * baseline_score(0.8, True))
    assert s["brier"] == pytest.approx(0.04)  # averaged over covered days


def test_early_resolution_closes_the_scoring_window():
    q = question(actual_resolve_time="2025-03-05")  # resolved on day 5 of a 10-day question
    s = score_question(q, forecasts(("2025-03-01", 0.4), ("2025-03-06", 0.99)))
    assert s["brier"] == pytest.approx(0.36)  # the day-6 forecast stood after the close: ignored
    assert s["last_probability"] == 0.4


def test_same_day_forecasts_later_one_stands():
    s = score_question(question(), forecasts(("2025-03-01", 0.1), ("2025-03-01", 0.7)))
    assert s["brier"] == pytest.approx(0.09)


def test_unresolved_question_has_no_scores():
    s = score_question(
        question(status="ambiguous", resolution=None, actual_resolve_time="2025-03-12"),
        forecasts(("2025-03-01", 0.7)),
    )
    assert math.isnan(s["brier"]) and math.isnan(s["baseline"]) and s["last_probability"] == 0.7


@pytest.fixture
def ledger(tmp_path):
    ledger = Ledger(tmp_path / "l.jsonl")
    for qid, p, res in [("a", 0.9, "yes"), ("b", 0.8, "no"), ("c", 0.2, "no"), ("d", 0.3, None)]:
        ledger.ask(qid, f"{qid}?", "criteria", "2025-01-01", "2025-01-31")
        ledger.forecast(qid, "2025-01-01", 0.5, forecaster="bob")
        ledger.forecast(qid, "2025-01-11", p)
        if res:
            ledger.resolve(qid, res, on="2025-02-01", source="s")
    return ledger


def test_scores_per_question_and_overall(ledger):
    scores = validate(ledger.scores(), SCORES)
    assert scores[["question_id", "forecaster"]].values.tolist() == [
        ["a", "analyst"],
        ["a", "bob"],
        ["b", "analyst"],
        ["b", "bob"],
        ["c", "analyst"],
        ["c", "bob"],
        ["d", "analyst"],
        ["d", "bob"],
    ]
    a = scores.iloc[0]
    assert a.coverage == pytest.approx(21 / 31)
    assert a.baseline == pytest.approx(21 / 31 * baseline_score(0.9, True))
    overall = validate(ledger.scores(overall=True), SCORE_SUMMARY)
    assert overall.questions.tolist() == [3, 3]
    assert overall.loc[0, "last_brier"] == pytest.approx((0.01 + 0.64 + 0.04) / 3)
    assert overall.loc[1, "baseline"] == 0.0  # bob said 50% throughout


def test_outcomes_and_calibration_table(ledger):
    pairs = outcomes(ledger.questions(), ledger.forecasts())
    assert pairs[["question_id", "forecaster", "probability", "outcome"]].values.tolist() == [
        ["a", "bob", 0.5, True],
        ["a", "analyst", 0.9, True],
        ["b", "bob", 0.5, False],
        ["b", "analyst", 0.8, False],
        ["c", "bob", 0.5, False],
        ["c", "analyst", 0.2, False],
    ]
    assert len(outcomes(ledger.questions(), ledger.forecasts(), which="all")) == 6
    table = validate(calibration_table(ledger, bins=5), CALIBRATION)
    assert table.bin.tolist() == [
        "[0.0, 0.2)",
        "[0.2, 0.4)",
        "[0.4, 0.6)",
        "[0.6, 0.8)",
        "[0.8, 1.0]",
    ]
    assert table.n.tolist() == [0, 1, 3, 0, 2]
    assert table.loc[4, "observed"] == 0.5 and table.loc[4, "questions"] == ["a", "b"]
    assert math.isnan(table.loc[0, "observed"])


def test_plot_calibration_returns_axes(ledger):
    ax = plot_calibration(ledger)
    assert ax.get_ylabel() == "share resolved yes"
    matplotlib.pyplot.close(ax.figure)
