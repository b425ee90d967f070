"""Scoring forecasts once reality answers: Brier, log and Metaculus baseline scores, calibration.

For a binary question with outcome o (1 = yes) and a forecast p of yes,
p_o = p if o else 1 - p:

- Brier score ``(p - o)**2``: 0 is perfect, 0.25 is what 50% earns, lower is better;
- log score ``ln(p_o)``: 0 is perfect, ln(0.5) = -0.69 is what 50% earns, higher is better;
- Metaculus baseline score ``100 * (log2(p_o) + 1)``: 100 is perfect, 0 is what 50%
  earns, negative is worse than not forecasting.

As on Metaculus, a question's score averages over time: each forecast stands from
its ``as_of`` day until the day before the next one, and the scored lifetime runs
from ``open_time`` to the close (``scheduled_close_time``, or the resolution day
if the question resolved earlier), days counted inclusively. Days before a
forecaster's first forecast count 0 in the baseline score (Metaculus's rule:
not forecasting is worth what 50% is worth); the Brier and log scores average
over the covered days only, and ``coverage`` says what share that was. The
``last_*`` scores judge only the forecast standing at the close. Annulled,
ambiguous and open questions are listed with empty scores: they are not scored.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from timeline.errors import LedgerError
from timeline.schema import CALIBRATION, SCORE_SUMMARY, SCORES, conform

_ONE_DAY = pd.Timedelta(days=1)


def brier(p: float, outcome: bool) -> float:
    """Brier score ``(p - o)**2``.

    Examples:
        >>> round(brier(0.8, True), 2), round(brier(0.8, False), 2)
        (0.04, 0.64)
    """
    return (p - float(bool(outcome))) ** 2


def log_score(p: float, outcome: bool) -> float:
    """Natural log score ``ln(p_o)``.

    Examples:
        >>> round(log_score(0.8, True), 3), round(log_score(0.8, False), 3)
        (-0.223, -1.609)
    """
    return math.log(p if outcome else 1.0 - p)


def baseline_score(p: float, outcome: bool) -> float:
    """Metaculus baseline score ``100 * (log2(p_o) + 1)``.

    Examples:
        >>> baseline_score(0.5, True), round(baseline_score(0.8, True), 1), round(baseline_score(0.8, False), 1)
        (0.0, 67.8, -132.2)
    """
    return 100.0 * (math.log2(p if outcome else 1.0 - p) + 1.0)


def _close(question) -> pd.Timestamp:
    close = question["scheduled_close_time"]
    resolved = question["actual_resolve_time"]
    return min(close, resolved) if pd.notna(resolved) else close


def score_question(question, forecasts: pd.DataFrame) -> dict:
    """Time-averaged and last-forecast scores of one forecaster's forecasts on one question.

    Args:
        question: a row of ``Ledger.questions()`` (a mapping with the QUESTIONS fields).
        forecasts: that forecaster's rows of ``Ledger.forecasts()`` for it, in file order.

    Returns:
        A dict with the SCORES fields from ``forecasts`` on (scores NaN when not scored).

    Examples:
        >>> q = {"open_time": pd.Timestamp("2025-03-01"), "scheduled_close_time": pd.Timestamp("2025-03-10"),
        ...      "actual_resolve_time": pd.Timestamp("2025-03-12"), "status": "resolved", "resolution": "yes"}
        >>> f = pd.DataFrame({"as_of": pd.to_datetime(["2025-03-01", "2025-03-06"]), "probability": [0.5, 0.9]})
        >>> s = score_question(q, f)
        >>> s["coverage"], round(s["brier"], 3), round(s["baseline"], 1), round(s["last_baseline"], 1)
        (1.0, 0.13, 42.4, 84.8)
    """
    nan = float("nan")
    out = {
        "forecasts": len(forecasts),
        "coverage": nan,
        "brier": nan,
        "log": nan,
        "baseline": nan,
        "last_probability": nan,
        "last_brier": nan,
        "last_log": nan,
        "last_baseline": nan,
    }
    start, end = question["open_time"], _close(question)
    standing = (
        forecasts[forecasts["as_of"] <= end]
        .drop_duplicates("as_of", keep="last")
        .sort_values("as_of", kind="stable")
    )
    if standing.empty:
        return out
    out["last_probability"] = float(standing["probability"].iloc[-1])
    if question["status"] != "resolved":
        return out
    outcome = question["resolution"] == "yes"
    total = (end - start).days + 1
    starts = standing["as_of"].clip(lower=start).tolist()
    ends = [nxt - _ONE_DAY for nxt in starts[1:]] + [end]
    days = np.array([(e - s).days + 1 for s, e in zip(starts, ends)], dtype=float)
    probabilities = standing["probability"].tolist()
    b = np.array([brier(p, outcome) for p in probabilities])
    lg = np.array([log_score(p, outcome) for p in probabilities])
    base = np.array([baseline_score(p, outcome) for p in probabilities])
    covered = days.sum()
    last = probabilities[-1]
    out.update(
        coverage=float(covered / total),
        brier=float(days @ b / covered),
        log=float(days @ lg / covered),
        baseline=float(days @ base / total),
        last_brier=brier(last, outcome),
        last_log=log_score(last, outcome),
        last_baseline=baseline_score(last, outcome),
    )
    return out


def score_ledger(questions: pd.DataFrame, forecasts: pd.DataFrame) -> pd.DataFrame:
    """One SCORES row per question and forecaster (questions in the order asked, forecasters sorted)."""
    rows = []
    for _, question in questions.iterrows():
        mine = forecasts[forecasts["question_id"] == question["id"]]
        for forecaster in sorted(mine["forecaster"].unique()):
            scored = score_question(question, mine[mine["forecaster"] == forecaster])
            rows.append(
                {
                    "question_id": question["id"],
                    "forecaster": forecaster,
                    "status": question["status"],
                    "resolution": question["resolution"],
                    **scored,
                }
            )
    return conform(rows, SCORES)


def summarize(scores: pd.DataFrame) -> pd.DataFrame:
    """Mean scores over each forecaster's resolved questions (``schema.SCORE_SUMMARY``).

    Examples:
        >>> s = conform([{"question_id": "q", "forecaster": "a", "status": "resolved", "resolution": "no",
        ...               "forecasts": 1, "brier": 0.04}], SCORES)
        >>> summarize(s)[["forecaster", "questions", "brier"]].values.tolist()
        [['a', 1, 0.04]]
    """
    cols = ["brier", "log", "baseline", "last_brier", "last_log", "last_baseline"]
    scored = scores[scores["status"] == "resolved"]
    rows = []
    for forecaster in sorted(scores["forecaster"].unique()):
        mine = scored[scored["forecaster"] == forecaster]
        rows.append(
            {
                "forecaster": forecaster,
                "questions": len(mine),
                **{c: (float(mine[c].mean()) if len(mine) else float("nan")) for c in cols},
            }
        )
    return conform(rows, SCORE_SUMMARY)


def outcomes(questions: pd.DataFrame, forecasts: pd.DataFrame, which: str = "last") -> pd.DataFrame:
    """Forecast-outcome pairs on resolved questions: ``which='last'`` (the forecast standing
    at the close, per question and forecaster) or ``'all'`` (every forecast made by the close).

    Returns:
        Columns question_id, forecaster, as_of, probability, outcome (bool).
    """
    if which not in ("last", "all"):
        raise LedgerError(f"outcomes: which must be 'last' or 'all', got {which!r}")
    resolved = questions[questions["status"] == "resolved"].set_index("id")
    rows = []
    for _, f in forecasts.iterrows():
        if f["question_id"] not in resolved.index:
            continue
        q = resolved.loc[f["question_id"]]
        if f["as_of"] <= _close(q):
            rows.append(
                {
                    "question_id": f["question_id"],
                    "forecaster": f["forecaster"],
                    "as_of": f["as_of"],
                    "probability": f["probability"],
                    "outcome": q["resolution"] == "yes",
                }
            )
    frame = pd.DataFrame(
        rows, columns=["question_id", "forecaster", "as_of", "probability", "outcome"]
    )
    if which == "last":
        frame = (
            frame.sort_values("as_of", kind="stable")
            .groupby(["question_id", "forecaster"], sort=False)
            .tail(1)
        )
        frame = frame.sort_index()
    return frame.reset_index(drop=True)


def calibration_table(source, bins: int = 5, which: str = "last") -> pd.DataFrame:
    """How often forecasts of about p came true, in equal-width probability bins.

    Args:
        source: a :class:`~timeline.Ledger`, or a frame with ``probability`` and ``outcome``
            columns (and optionally ``question_id``).
        bins: number of equal bins over [0, 1]; the last is closed at 1.
        which: for a ledger, 'last' (forecast standing at the close) or 'all'.

    Returns:
        A frame with the ``schema.CALIBRATION`` columns, one row per bin (empty bins kept, n=0).

    Examples:
        >>> pairs = pd.DataFrame({"probability": [0.1, 0.3, 0.7, 0.8], "outcome": [False, False, True, False]})
        >>> calibration_table(pairs, bins=2)[["bin", "n", "mean_probability", "observed"]].values.tolist()
        [['[0.0, 0.5)', 2, 0.2, 0.0], ['[0.5, 1.0]', 2, 0.75, 0.5]]
    """
    if hasattr(source, "forecasts") and hasattr(source, "questions"):
        source = outcomes(source.questions(), source.forecasts(), which=which)
    if bins < 1:
        raise LedgerError(f"calibration_table: bins must be at least 1, got {bins}")
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.minimum((source["probability"].to_numpy(float) * bins).astype(int), bins - 1)
    ids = (
        source["question_id"]
        if "question_id" in source
        else pd.Series([""] * len(source), index=source.index)
    )
    rows = []
    for i in range(bins):
        hit = index == i
        p, o = source["probability"][hit], source["outcome"][hit].astype(float)
        lo, hi = round(float(edges[i]), 6), round(float(edges[i + 1]), 6)
        rows.append(
            {
                "bin": f"[{lo}, {hi}{']' if i == bins - 1 else ')'}",
                "lower": lo,
                "upper": hi,
                "n": int(hit.sum()),
                "mean_probability": float(p.mean()) if hit.any() else float("nan"),
                "observed": float(o.mean()) if hit.any() else float("nan"),
                "questions": [q for q in ids[hit] if q],
            }
        )
    return conform(rows, CALIBRATION)


def plot_calibration(source, ax=None, bins: int = 5, which: str = "last"):
    """Reliability diagram: observed frequency against mean forecast per bin, dot area ~ n.

    Args:
        source: a ledger, a forecast-outcome frame, or a :func:`calibration_table` result.
        ax: matplotlib Axes to draw on (a new figure when None).

    Returns:
        The matplotlib Axes.

    Examples:
        >>> import matplotlib; matplotlib.use("Agg")
        >>> pairs = pd.DataFrame({"probability": [0.1, 0.8], "outcome": [False, True]})
        >>> plot_calibration(pairs).get_xlabel()
        'forecast probability (bin mean)'
    """
    import matplotlib.pyplot as plt

    table = (
        source
        if isinstance(source, pd.DataFrame) and "observed" in source
        else calibration_table(source, bins=bins, which=which)
    )
    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4.5))
    ax.plot([0, 1], [0, 1], color="0.6", linestyle="--", linewidth=1, label="perfect calibration")
    filled = table[table["n"] > 0]
    ax.scatter(
        filled["mean_probability"],
        filled["observed"],
        s=60 * filled["n"],
        color="tab:blue",
        alpha=0.7,
        label="forecasts (area ~ n)",
    )
    for _, row in filled.iterrows():
        ax.annotate(
            f"n={row['n']}",
            (row["mean_probability"], row["observed"]),
            textcoords="offset points",
            xytext=(8, -4),
            fontsize=8,
        )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("forecast probability (bin mean)")
    ax.set_ylabel("share resolved yes")
    ax.set_title("Calibration")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return ax
