"""Small probability tools for honest forecasts: a prior, an update, a change of window, a decay.

Each is one formula, so a forecast's number can be traced back to the
assumptions that made it. None of them ever returns 0 or 1, or overflows, for
inputs strictly inside (0, 1): each computes in log space (``log1p``, ``expm1``,
a stable logistic) and keeps its result within ``[EXTREME, 1 - EXTREME]``
(``EXTREME = 1e-12``): certainty is not a forecast.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from timeline.errors import LedgerError

EXTREME = 1e-12  # results stay within [EXTREME, 1 - EXTREME]


def _bounded(p: float) -> float:
    return min(max(p, EXTREME), 1.0 - EXTREME)


def _expit(x: float) -> float:
    """The logistic 1 / (1 + e^-x), without overflow for any finite x."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _logit(p: float) -> float:
    return math.log(p) - math.log1p(-p)


def _one_minus_power(q_log: float, exponent: float) -> float:
    """1 - exp(exponent * q_log) where q_log = ln(1 - p), computed without cancellation."""
    return -math.expm1(exponent * q_log)


def _check(p: float, name: str = "p") -> float:
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0.0 < p < 1.0:
        raise LedgerError(f"{name} must be a probability strictly between 0 and 1, got {p!r}")
    return float(p)


def _positive(x: float, name: str) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not x > 0 or math.isinf(x):
        raise LedgerError(f"{name} must be a positive finite number, got {x!r}")
    return float(x)


def prior_from_base_rate(
    occurrences: float, opportunities: float, pseudocount: float = 1.0
) -> float:
    """A prior from a reference class: ``(k + a) / (n + 2a)``.

    ``k`` of ``n`` comparable cases happened; ``a`` pseudo-cases on each side
    (``a = 1`` is Laplace's rule of succession) keep the prior off 0 and 1 when
    the reference class is small or one-sided.

    Args:
        occurrences: k, how many comparable cases happened (0 <= k <= n).
        opportunities: n, how many comparable cases there were.
        pseudocount: a > 0, the weight of the uniform prior.

    Examples:
        >>> prior_from_base_rate(3, 10)
        0.3333333333333333
        >>> prior_from_base_rate(0, 4)      # never seen is not impossible
        0.16666666666666666
    """
    a = _positive(pseudocount, "pseudocount")
    for name, value in (("occurrences", occurrences), ("opportunities", opportunities)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isinf(value):
            raise LedgerError(f"{name} must be a finite number, got {value!r}")
    if not 0 <= occurrences <= opportunities:
        raise LedgerError(
            f"need 0 <= occurrences <= opportunities, got {occurrences} of {opportunities}"
        )
    return _bounded((occurrences + a) / (opportunities + 2 * a))


def update_log_odds(p: float, likelihood_ratios: float | Iterable[float]) -> float:
    """Bayes' rule in log-odds: ``logit(p') = logit(p) + sum(ln LR_i)``.

    A likelihood ratio ``LR = P(evidence | yes) / P(evidence | no)``: above 1
    the evidence favours yes, below 1 no. Independent pieces add.

    Args:
        p: the probability before the evidence.
        likelihood_ratios: one ratio or several.

    Examples:
        >>> round(update_log_odds(0.2, 3), 4)          # odds 1:4 -> 3:4
        0.4286
        >>> round(update_log_odds(0.5, [2, 0.5]), 4)   # evidence that cancels
        0.5
        >>> 0.0 < update_log_odds(1e-300, [1e-300]) < 1.0   # no overflow, no certainty
        True
    """
    p = _check(p)
    ratios = (
        [likelihood_ratios]
        if isinstance(likelihood_ratios, (int, float))
        else list(likelihood_ratios)
    )
    logit = _logit(p) + math.fsum(math.log(_positive(r, "likelihood ratio")) for r in ratios)
    return _bounded(_expit(logit))


def rescale_window(p: float, from_days: float, to_days: float) -> float:
    """Probability over a window of another length, under a constant hazard:
    ``p' = 1 - (1 - p) ** (to_days / from_days)``.

    If an event has probability p of happening within ``from_days`` and its
    chance per day is constant, the chance of not happening multiplies day by day.

    Examples:
        >>> round(rescale_window(0.5, 365, 730), 4)   # 50% a year -> 75% in two years
        0.75
        >>> round(rescale_window(0.5, 30, 15), 4)
        0.2929
        >>> rescale_window(0.9, 1, 400) < 1.0   # near certainty, never certainty
        True
    """
    p = _check(p)
    exponent = _positive(to_days, "to_days") / _positive(from_days, "from_days")
    return _bounded(_one_minus_power(math.log1p(-p), exponent))


def decay(p: float, elapsed_days: float, window_days: float) -> float:
    """The chance the event still happens in the window after ``elapsed_days`` with nothing
    happening, under a constant hazard: ``p' = 1 - (1 - p) ** ((window - elapsed) / window)``.

    That is P(happens in the rest | not yet) = (S(e) - S(w)) / S(e) with the
    survival S(t) = (1 - p) ** (t / w): the remaining part of the window keeps
    its share of the hazard, the part already elapsed is spent.

    Args:
        p: the probability for the whole window, as of its start.
        elapsed_days: days gone by without the event (0 <= elapsed < window).
        window_days: the window's length.

    Examples:
        >>> round(decay(0.5, 15, 30), 4)
        0.2929
        >>> decay(0.5, 0, 30)
        0.5
    """
    p = _check(p)
    window = _positive(window_days, "window_days")
    if not 0 <= elapsed_days < window:
        raise LedgerError(
            f"elapsed_days must be in [0, window_days), got {elapsed_days} of {window}"
        )
    return _bounded(_one_minus_power(math.log1p(-p), (window - elapsed_days) / window))
