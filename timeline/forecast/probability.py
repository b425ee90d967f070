"""Small probability tools for honest forecasts: a prior, an update, a change of window, a decay.

Each is one formula, so a forecast's number can be traced back to the
assumptions that made it. None of them ever returns 0 or 1 for inputs strictly
inside (0, 1): certainty is not a forecast.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from timeline.errors import LedgerError


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
    if not 0 <= occurrences <= opportunities:
        raise LedgerError(
            f"need 0 <= occurrences <= opportunities, got {occurrences} of {opportunities}"
        )
    return (occurrences + a) / (opportunities + 2 * a)


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
    """
    p = _check(p)
    ratios = (
        [likelihood_ratios]
        if isinstance(likelihood_ratios, (int, float))
        else list(likelihood_ratios)
    )
    logit = math.log(p / (1 - p)) + sum(math.log(_positive(r, "likelihood ratio")) for r in ratios)
    return 1.0 / (1.0 + math.exp(-logit))


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
    """
    p = _check(p)
    return 1.0 - (1.0 - p) ** (_positive(to_days, "to_days") / _positive(from_days, "from_days"))


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
    return 1.0 - (1.0 - p) ** ((window - elapsed_days) / window)
