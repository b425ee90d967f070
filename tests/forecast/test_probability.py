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


# --- properties: never a certainty, never an overflow (hypothesis, derandomized for CI) ----------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

DETERMINISTIC = settings(derandomize=True, max_examples=300, deadline=None, database=None)
probabilities = st.floats(min_value=5e-324, max_value=1.0, exclude_max=True)
ratios = st.floats(min_value=5e-324, max_value=1.7e308)
days = st.floats(min_value=1e-6, max_value=1e9)


def inside(p):
    return isinstance(p, float) and 0.0 < p < 1.0


@DETERMINISTIC
@given(probabilities, st.lists(ratios, max_size=5))
def test_update_log_odds_never_certain_never_overflows(p, lrs):
    assert inside(update_log_odds(p, lrs))


@DETERMINISTIC
@given(probabilities, days, days)
def test_rescale_window_never_certain(p, a, b):
    assert inside(rescale_window(p, a, b))


@DETERMINISTIC
@given(probabilities, st.floats(min_value=0, max_value=1, exclude_max=True), days)
def test_decay_never_certain(p, share, window):
    assert inside(decay(p, share * window, window))


@DETERMINISTIC
@given(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=0, max_value=10**12),
    st.floats(min_value=1e-9, max_value=1e6),
)
def test_prior_never_certain(k, extra, a):
    assert inside(prior_from_base_rate(k, k + extra, pseudocount=a))


def test_the_reported_extremes():
    """issue 16: rescale_window(.9, 1, 400) returned 1.0;
    update_log_odds(1e-300, [1e-300]) overflowed."""
    assert rescale_window(0.9, 1, 400) < 1.0
    assert update_log_odds(1e-300, [1e-300]) > 0.0
    assert update_log_odds(1 - 1e-16, [1e300, 1e300]) < 1.0
