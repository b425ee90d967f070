"""Scores: the three rules, time-averaging over the period each forecast stood, calibration."""

import math

import matplotlib
import pandas as pd
import pytest

from timeline import Ledger, calibration_table, plot_calibration
from timeline.forecast.ledger import ManualClock
from timeline.forecast.scoring import (
    baseline_score,
    brier,
    brier_decomposition,
    discrimination,
    log_score,
    outcomes,
    peer_score,
    score_question,
    wilson_interval,
)
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


def test_days_before_the_first_forecast_count_zero_in_baseline_and_the_reference_in_brier():
    s = score_question(question(), forecasts(("2025-03-06", 0.8)))  # covers days 6-10 of 10
    assert s["coverage"] == 0.5
    assert s["baseline"] == pytest.approx(0.5 * baseline_score(0.8, True))
    assert s["brier"] == pytest.approx((5 * 0.25 + 5 * 0.04) / 10)  # days 1-5 scored as 0.5
    stated = score_question(question(reference_probability=0.2), forecasts(("2025-03-06", 0.8)))
    assert stated["brier"] == pytest.approx((5 * 0.64 + 5 * 0.04) / 10)


def test_a_late_extreme_forecast_does_not_beat_an_honest_early_one():
    """issue 16: averaging only over covered days let 0.99 the day before the close win."""
    honest = score_question(question(), forecasts(("2025-03-01", 0.6)))
    late = score_question(question(), forecasts(("2025-03-09", 0.99)))
    assert late["coverage"] == pytest.approx(0.2)
    assert honest["brier"] < late["brier"] and honest["log"] > late["log"]
    assert honest["baseline"] > late["baseline"]


def test_early_resolution_cuts_forecasts_at_the_actual_close_and_keeps_the_scheduled_lifetime():
    q = question(actual_resolve_time="2025-03-05")  # resolved on day 5 of a 10-day question
    s = score_question(q, forecasts(("2025-03-01", 0.4), ("2025-03-06", 0.99)))
    assert s["brier"] == pytest.approx(0.36)  # the day-6 forecast stood after the close: ignored
    assert s["last_probability"] == 0.4
    assert s["coverage"] == 1.0  # every lived day (1-5) had a forecast
    assert s["baseline"] == pytest.approx(5 / 10 * baseline_score(0.4, True))  # 10 scheduled days


def test_actual_close_before_the_resolution_day():
    q = question(actual_close_time="2025-03-03", actual_resolve_time="2025-03-08")
    s = score_question(q, forecasts(("2025-03-01", 0.4), ("2025-03-04", 0.99)))
    assert s["last_probability"] == 0.4 and s["baseline"] == pytest.approx(
        0.3 * baseline_score(0.4, True)
    )


# --- Metaculus's worked examples --------------------------------------------------------------
# The "score truncation example" of the Metaculus Scores FAQ (www.metaculus.com/help/scores-faq/,
# source: Metaculus/metaculus front_end/.../scores-faq/components/truncation_example.tsx): a
# question scheduled for 52 weeks that may resolve after the first week. S is the baseline score.
# The ledger counts days, so a "week" here is a day of a 52-day question: the same fractions.

WEEKS = pd.date_range("2025-01-01", periods=52)


def weekly(close_index=51, status="resolved", resolution="yes"):
    return question(
        open_time=WEEKS[0],
        scheduled_close_time=WEEKS[-1],
        actual_resolve_time=WEEKS[close_index],
        status=status,
        resolution=resolution,
    )


def test_metaculus_faq_truncation_example_single_scores():
    """FAQ: S(24%) ~ -106, S(99%) ~ +99, S(5%) = -332 (of the 1/52 + 51/52 sums), S(95%) = +93."""
    assert round(baseline_score(0.24, True)) == -106
    assert round(baseline_score(0.99, True)) == 99
    assert round(baseline_score(0.05, True)) == -332


@pytest.mark.parametrize(
    "first, then, resolution, faq",
    [
        (0.24, 0.05, "yes", -328),  # "1/52 S(24%) + 51/52 S(5%) = -328"
        (0.24, 0.05, "no", 92),  # "1/52 S(76%) + 51/52 S(95%) = +92"
        (0.99, 0.05, "yes", -324),  # "1/52 S(99%) + 51/52 S(5%) = -324"
        (0.99, 0.05, "no", 80),  # "1/52 S(1%) + 51/52 S(95%) = +80"
    ],
)
def test_metaculus_faq_truncation_example_full_lifetime(first, then, resolution, faq):
    q = weekly(51, resolution=resolution)
    s = score_question(q, forecasts((WEEKS[0], first), (WEEKS[1], then)))
    assert round(s["baseline"]) == faq


@pytest.mark.parametrize("first, faq", [(0.24, -2), (0.99, 2)])
def test_metaculus_faq_truncation_example_resolved_in_the_first_week(first, faq):
    """FAQ: resolved after one week, scored over the scheduled 52: "1/52 S(24%) ~ -2",
    "1/52 S(99%) ~ +2"; over the shortened lifetime it would be -106 and +99 (issue 16)."""
    s = score_question(weekly(0), forecasts((WEEKS[0], first)))
    assert round(s["baseline"]) == faq


def test_metaculus_faq_truncation_example_expected_scores():
    """FAQ: with a 20% chance of resolving yes in week 1 (then 5%), the honest forecaster
    expects +56 and the one who says 99% in week 1 expects +48."""

    def expected(first):
        early = score_question(weekly(0), forecasts((WEEKS[0], first)))["baseline"]
        late = [
            score_question(
                weekly(51, resolution=r), forecasts((WEEKS[0], first), (WEEKS[1], 0.05))
            )["baseline"]
            for r in ("yes", "no")
        ]
        return 0.2 * early + 0.04 * late[0] + 0.76 * late[1]

    assert round(expected(0.24)) == 56 and round(expected(0.99)) == 48


def test_clamped_as_on_metaculus():
    """issue 16: the baseline of p = 1e-9 was -2,890 here and is -897 on Metaculus,
    which clamps p to [0.1%, 99.9%]."""
    assert round(baseline_score(1e-9, True)) == -897
    assert round(baseline_score(1 - 1e-9, False)) == -897
    assert log_score(1e-9, True) == pytest.approx(math.log(0.001))


def test_metaculus_peer_score_formula_and_zero_sum():
    """Peer score (Scores FAQ, "Peer score math"; scoring/score_math.py):
    100 * (1/N) sum_i (ln p - ln p_i) over the N others = 100 * n/(n-1) * ln(p / GM(all n))."""
    p, others = 0.8, [0.5, 0.6, 0.9]
    gm = math.exp(sum(math.log(x) for x in [p, *others]) / 4)
    assert peer_score(p, others, True) == pytest.approx(100 * 4 / 3 * math.log(p / gm))
    everyone = [p, *others]
    total = sum(
        peer_score(x, everyone[:i] + everyone[i + 1 :], False) for i, x in enumerate(everyone)
    )
    assert total == pytest.approx(0.0, abs=1e-9)


def test_time_averaged_peer_scores_in_a_ledger(tmp_path):
    ledger = Ledger(tmp_path / "p.jsonl", clock=ManualClock("2025-01-01T12:00"))
    ledger.ask("q", "q?", "criteria", "2025-01-01", "2025-01-10")
    ledger.forecast("q", "2025-01-01", 0.8, forecaster="a")
    ledger.forecast("q", "2025-01-01", 0.5, forecaster="b")
    ledger.clock.set("2025-01-06T12:00")
    ledger.forecast("q", "2025-01-06", 0.6, forecaster="c")  # joins on day 6 of 10
    ledger.resolve("q", "yes", on="2025-01-11", source="s")
    scores = ledger.scores().set_index("forecaster")
    a = (
        5 * 100 * math.log(0.8 / 0.5) + 5 * 100 * (math.log(0.8 / 0.5) + math.log(0.8 / 0.6)) / 2
    ) / 10
    assert scores.loc["a", "peer"] == pytest.approx(a)
    assert scores.loc["c", "peer"] == pytest.approx(
        5 * 100 * (math.log(0.6 / 0.8) + math.log(0.6 / 0.5)) / 2 / 10
    )
    assert scores.peer.sum() == pytest.approx(0.0, abs=1e-9)  # zero-sum when all forecast every day


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
    clock = ManualClock("2025-01-01T12:00")
    ledger = Ledger(tmp_path / "l.jsonl", clock=clock)
    for qid, p, res in [("a", 0.9, "yes"), ("b", 0.8, "no"), ("c", 0.2, "no"), ("d", 0.3, None)]:
        clock.set("2025-01-01T12:00")
        ledger.ask(qid, f"{qid}?", "criteria", "2025-01-01", "2025-01-31")
        ledger.forecast(qid, "2025-01-01", 0.5, forecaster="bob")
    clock.set("2025-01-11T12:00")
    for qid, p, res in [("a", 0.9, "yes"), ("b", 0.8, "no"), ("c", 0.2, "no"), ("d", 0.3, None)]:
        ledger.forecast(qid, "2025-01-11", p)
    for qid, p, res in [("a", 0.9, "yes"), ("b", 0.8, "no"), ("c", 0.2, "no")]:
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
    assert overall.coverage.tolist() == pytest.approx([21 / 31, 1.0])
    assert overall.loc[0, "last_brier"] == pytest.approx((0.01 + 0.64 + 0.04) / 3)
    assert overall.loc[1, "baseline"] == 0.0  # bob said 50% throughout


def test_outcomes_and_calibration_table(ledger):
    pairs = outcomes(ledger.questions(), ledger.forecasts())
    assert pairs[["question_id", "forecaster", "probability", "outcome"]].values.tolist() == [
        ["a", "bob", 0.5, True],
        ["b", "bob", 0.5, False],
        ["c", "bob", 0.5, False],
        ["a", "analyst", 0.9, True],
        ["b", "analyst", 0.8, False],
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
    assert (table.loc[4, "observed_low"], table.loc[4, "observed_high"]) == pytest.approx(
        wilson_interval(1, 2)
    )


def test_wilson_interval_against_a_published_value():
    """Wilson (1927) / Newcombe (1998), Statistics in Medicine 17, method 3: 81 of 263 ->
    0.2553 to 0.3662."""
    low, high = wilson_interval(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)


def test_brier_decomposition_adds_up_and_discrimination():
    pairs = pd.DataFrame(
        {
            "probability": [0.1, 0.15, 0.3, 0.35, 0.6, 0.7, 0.8, 0.95],
            "outcome": [False, False, True, False, True, False, True, True],
        }
    )
    d = brier_decomposition(pairs, bins=5)
    assert d["brier"] == pytest.approx(
        d["reliability"] - d["resolution"] + d["uncertainty"] + d["within"]
    )
    assert d["uncertainty"] == pytest.approx(0.25)
    one_value_per_bin = brier_decomposition(
        pairs.assign(probability=[0.1, 0.1, 0.3, 0.3, 0.7, 0.7, 0.9, 0.9]), bins=5
    )
    assert one_value_per_bin["within"] == pytest.approx(0.0, abs=1e-12)
    disc = discrimination(pairs)
    assert disc["auc"] == pytest.approx(13 / 16) and disc["yes"] == 4


def test_plot_calibration_returns_axes(ledger):
    ax = plot_calibration(ledger)
    assert ax.get_ylabel() == "share resolved yes"
    matplotlib.pyplot.close(ax.figure)
