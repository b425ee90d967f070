"""Probability tools: each formula, its edge cases, and that none returns a certainty."""

import math

import pytest

from timeline import LedgerError, decay, prior_from_base_rate, rescale_window, update_log_odds


def test_prior_from_base_rate():
    assert prior_from_base_rate(3, 10) == pytest.approx(4 / 12)
    assert prior_from_base_rate(10, 10) == pytest.approx(11 / 12)
    assert prior_from_base_rate(0, 0) == 0.5
    assert prior_from_base_rate(1, 4, pseudocount=0.5) == pytest.approx(1.5 / 5)
    with pytest.raises(LedgerError):
        prior_from_base_rate(5, 4)
    with pytest.raises(LedgerError):
        prior_from_base_rate(1, 4, pseudocount=0)


def test_update_log_odds():
    assert update_log_odds(0.5, 3) == pytest.approx(0.75)
    assert update_log_odds(0.5, [3, 3]) == pytest.approx(0.9)
    assert update_log_odds(0.3, 1) == pytest.approx(0.3)
    assert update_log_odds(0.3, []) == pytest.approx(0.3)
    p = update_log_odds(0.6, 0.25)
    assert math.log(p / (1 - p)) == pytest.approx(math.log(1.5) + math.log(0.25))
    for bad in (0, -1, float("inf")):
        with pytest.raises(LedgerError):
            update_log_odds(0.5, bad)
    for bad in (0, 1, 1.2):
        with pytest.raises(LedgerError):
            update_log_odds(bad, 2)


def test_rescale_window_constant_hazard():
    assert rescale_window(0.5, 365, 730) == pytest.approx(0.75)
    assert rescale_window(0.2, 30, 30) == pytest.approx(0.2)
    weekly = rescale_window(0.4, 365, 7)
    assert rescale_window(weekly, 7, 365) == pytest.approx(0.4)  # round trip
    assert rescale_window(0.9, 1, 10) < 1  # close to, never at, certainty
    with pytest.raises(LedgerError):
        rescale_window(0.5, 0, 10)


def test_decay_is_the_conditional_probability():
    p, window, elapsed = 0.6, 14, 7
    survive = lambda t: (1 - p) ** (t / window)  # noqa: E731
    expected = (survive(elapsed) - survive(window)) / survive(elapsed)
    assert decay(p, elapsed, window) == pytest.approx(expected)
    assert decay(p, 0, window) == pytest.approx(p)
    assert decay(p, 13.9, window) < 0.01
    with pytest.raises(LedgerError):
        decay(p, 14, window)
    with pytest.raises(LedgerError):
        decay(1.0, 1, window)
