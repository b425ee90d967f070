"""Scoring forecasts once reality answers, as Metaculus computes it; calibration and its parts.

For a binary question with outcome o (1 = yes) and a forecast p of yes,
p_o = p if o else 1 - p:

- Brier score ``(p - o)**2``: 0 is perfect, 0.25 is what 50% earns, lower is better;
  for several options ``sum_k (p_k - o_k)**2`` (0 to 2);
- log score ``ln(p_o)``: 0 is perfect, ln(0.5) = -0.69 is what 50% earns, higher is better;
- Metaculus baseline score ``100 * (log2(p_o) + 1)``: 100 is perfect, 0 is what 50%
  earns; with N options ``100 * ln(N p_o) / ln(N)``; for a numeric or date question
  ``100 * ln(p_o / b) / 2`` with p_o the forecast's mass in the outcome's bin and b the
  uniform baseline's (0.05 beyond an open bound);
- Metaculus peer score ``100 * mean over the other forecasters i of (ln p_o - ln p_i,o)``
  (halved for numeric and date), which is ``100 * n/(n-1) * ln(p_o / GM)`` with GM the
  geometric mean of all n forecasts: the forecasters' peer scores sum to zero;
- CRPS for numeric and date questions: the integral of ``(F(x) - 1[x >= y])**2`` over the
  range, in its units (days for a date); lower is better.

Probabilities are clamped to [0.001, 0.999] in the log, baseline and peer scores, the
range Metaculus lets a binary forecast take, so one extreme number cannot cost
thousands of points (the baseline of p = 1e-9 is -897, as there).

Time-averaging, as on Metaculus (the Scores FAQ; ``scoring/score_math.py``): each
forecast stands from its ``as_of`` day until the day before the next one, and is cut
at the question's ``actual_close_time`` (min of the scheduled close and the day the
answer became known). The baseline and peer scores are divided by the *scheduled*
lifetime (open to ``scheduled_close_time``, days counted inclusively): days before a
forecaster's first forecast, and days after an early close, count 0, so resolving
early cannot inflate a score. The Brier, log and CRPS average over the days the
question lived (open to actual close) with the days before the first forecast scored
against a reference forecast (the question's ``reference_probability``, 0.5 by
default; uniform for the other types): a 0.99 posted the day before the close does
not beat an honest forecast from day one. ``coverage`` is always reported. The
``last_*`` scores judge only the forecast standing at the close. Retrospective
(backdated) forecasts are scored in rows of their own. Annulled, ambiguous and open
questions are listed with empty scores.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from timeline.errors import LedgerError
from timeline.model import Answer, QuestionStatus, QuestionType
from timeline.schema import CALIBRATION, SCORE_SUMMARY, SCORES, conform

from .ledger_records import CDF_POINTS

CLAMP = (0.001, 0.999)  # Metaculus's bounds on a binary forecast
_ONE_DAY = pd.Timedelta(days=1)
_TAIL = 0.05  # Metaculus's baseline mass beyond an open bound


def clamp(p: float) -> float:
    """A probability kept within Metaculus's [0.001, 0.999].

    Examples:
        >>> clamp(1e-9), clamp(0.5), clamp(0.9999)
        (0.001, 0.5, 0.999)
    """
    return min(max(float(p), CLAMP[0]), CLAMP[1])


def brier(p: float, outcome: bool) -> float:
    """Brier score ``(p - o)**2``.

    Examples:
        >>> round(brier(0.8, True), 2), round(brier(0.8, False), 2)
        (0.04, 0.64)
    """
    return (p - float(bool(outcome))) ** 2


def log_score(p: float, outcome: bool) -> float:
    """Natural log score ``ln(p_o)``, p clamped to [0.001, 0.999].

    Examples:
        >>> round(log_score(0.8, True), 3), round(log_score(0.8, False), 3)
        (-0.223, -1.609)
    """
    p = clamp(p)
    return math.log(p if outcome else 1.0 - p)


def baseline_score(p: float, outcome: bool) -> float:
    """Metaculus baseline score ``100 * (log2(p_o) + 1)``, p clamped to [0.001, 0.999].

    Examples:
        >>> baseline_score(0.5, True)
        0.0
        >>> round(baseline_score(0.8, True), 1), round(baseline_score(0.8, False), 1)
        (67.8, -132.2)
        >>> round(baseline_score(1e-9, True), 1)   # clamped as on Metaculus
        -896.6
    """
    p = clamp(p)
    return 100.0 * (math.log2(p if outcome else 1.0 - p) + 1.0)


def peer_score(p: float, others, outcome: bool) -> float:
    """Metaculus peer score of one forecast against the other forecasters' at the same time.

    ``100 * mean_i(ln p_o - ln p_i,o)``; NaN without another forecaster.

    Examples:
        >>> round(peer_score(0.8, [0.5], True), 2)       # 100 * ln(0.8 / 0.5)
        47.0
        >>> round(peer_score(0.5, [0.8], True), 2)
        -47.0
    """
    others = list(others)
    if not others:
        return float("nan")

    def p_o(x):
        x = clamp(x)
        return x if outcome else 1.0 - x

    mine = math.log(p_o(p))
    return 100.0 * math.fsum(mine - math.log(p_o(q)) for q in others) / len(others)


def multiple_choice_scores(probabilities, index: int) -> dict:
    """Brier (sum over options), log and Metaculus baseline scores of one multiple choice forecast.

    Examples:
        >>> s = multiple_choice_scores([0.5, 0.3, 0.2], 0)
        >>> round(s["brier"], 2), round(s["log"], 3), round(s["baseline"], 1)
        (0.38, -0.693, 36.9)
    """
    p = np.asarray(probabilities, dtype=float)
    n = len(p)
    o = np.zeros(n)
    o[index] = 1.0
    p_o = clamp(p[index])
    return {
        "p_o": p_o,
        "brier": float(((p - o) ** 2).sum()),
        "log": math.log(p_o),
        "baseline": 100.0 * math.log(p_o * n) / math.log(n),
    }


def pmf_from_cdf(cdf) -> np.ndarray:
    """The masses of the bins a CDF on a grid defines: below the range, each step, above it.

    Examples:
        >>> pmf_from_cdf([0.1, 0.5, 0.9]).round(2).tolist()
        [0.1, 0.4, 0.4, 0.1]
    """
    c = np.asarray(cdf, dtype=float)
    return np.concatenate([[c[0]], np.diff(c), [1.0 - c[-1]]])


def outcome_bin(value, range_min: float, range_max: float, points: int = CDF_POINTS) -> int:
    """The bin of a resolved value: 0 below the range, ``points`` above it, else 1..points-1.

    Examples:
        >>> [outcome_bin(value, 0, 10) for value in (-1, 0, 10, 11)]
        [0, 1, 200, 201]
    """
    if value == "below_lower_bound" or (not isinstance(value, str) and value < range_min):
        return 0
    if value == "above_upper_bound" or (not isinstance(value, str) and value > range_max):
        return points
    position = (value - range_min) / (range_max - range_min) * (points - 1)
    return min(int(math.floor(position)), points - 2) + 1


def crps(cdf, value: float, range_min: float, range_max: float) -> float:
    """Continuous ranked probability score of a CDF on an even grid, linear between the points,
    integrated exactly over the range.

    Examples:
        >>> grid = np.linspace(0, 1, 201)
        >>> round(crps(grid, 5.0, 0, 10), 6)        # uniform on [0, 10], outcome 5: 10/12
        0.833333
    """
    c = np.asarray(cdf, dtype=float)
    x = np.linspace(range_min, range_max, len(c))
    if range_min <= value <= range_max:  # split the cell holding the outcome at the outcome
        at = float(np.interp(value, x, c))
        k = int(np.searchsorted(x, value))
        x = np.concatenate([x[:k], [value], [value], x[k:]])
        c = np.concatenate([c[:k], [at], [at], c[k:]])
    target = (x >= value).astype(float)
    target[: int(np.searchsorted(x, value, side="right"))] = 0.0
    if range_min <= value <= range_max:
        target[np.searchsorted(x, value) + 1 :] = 1.0
    a, b = c[:-1] - target[:-1], c[1:] - target[:-1]  # one indicator value per segment
    h = np.diff(x)
    return float((h * (a * a + a * b + b * b) / 3.0).sum())


def continuous_scores(cdf, value, question) -> dict:
    """Log (of the outcome bin's mass), Metaculus baseline and CRPS of one numeric or date forecast.

    ``value`` is the resolved number (days since 1970 for a date), or 'below_lower_bound' /
    'above_upper_bound'.

    Examples:
        >>> q = dict(range_min=0.0, range_max=10.0, open_lower_bound=False, open_upper_bound=False)
        >>> uniform = np.linspace(0, 1, 201)
        >>> round(continuous_scores(uniform, 5.0, q)["baseline"], 6)  # uniform = baseline
        0.0
    """
    pmf = pmf_from_cdf(cdf)
    lo, hi = float(question["range_min"]), float(question["range_max"])
    k = outcome_bin(value, lo, hi, len(pmf) - 1)
    open_bounds = int(bool(question["open_lower_bound"])) + int(bool(question["open_upper_bound"]))
    base = _TAIL if k in (0, len(pmf) - 1) else (1 - _TAIL * open_bounds) / (len(pmf) - 2)
    p_o = max(float(pmf[k]), 1e-12)
    if isinstance(value, str):
        value = lo - 1.0 if value == "below_lower_bound" else hi + 1.0
    return {
        "p_o": p_o,
        "brier": float("nan"),
        "log": math.log(p_o),
        "baseline": 100.0 * math.log(p_o / base) / 2.0,
        "crps": crps(cdf, value, lo, hi),
    }


def _resolved_value(question):
    """The outcome in the form the scores take: bool, option index, or a number."""
    kind, res = question["type"], question["resolution"]
    if kind == QuestionType.BINARY:
        return res == Answer.YES
    if kind == QuestionType.MULTIPLE_CHOICE:
        return list(question["options"]).index(res)
    if res in ("below_lower_bound", "above_upper_bound"):
        return res
    if kind == QuestionType.DATE:
        return float((pd.Timestamp(res) - pd.Timestamp("1970-01-01")).days)
    return float(res)


def _reference(question):
    kind = question["type"]
    if kind == QuestionType.BINARY:
        ref = question.get("reference_probability")
        return {"probability": 0.5 if ref is None or pd.isna(ref) else float(ref)}
    if kind == QuestionType.MULTIPLE_CHOICE:
        n = len(question["options"])
        return {"probabilities": [1.0 / n] * n}
    lo = _TAIL if question["open_lower_bound"] else 0.0
    hi = 1 - _TAIL if question["open_upper_bound"] else 1.0
    return {"cdf": np.linspace(lo, hi, CDF_POINTS)}


def instant_scores(question, forecast, outcome) -> dict:
    """Every score of one forecast (a mapping with probability / probabilities / cdf) at one time.

    Examples:
        >>> s = instant_scores({"type": "binary"}, {"probability": 0.8}, True)
        >>> round(s["brier"], 2), round(s["baseline"], 1)
        (0.04, 67.8)
    """
    kind = question["type"]
    if kind == QuestionType.BINARY:
        p = float(forecast["probability"])
        pc = clamp(p)
        return {
            "p_o": pc if outcome else 1.0 - pc,
            "brier": brier(p, outcome),
            "log": log_score(p, outcome),
            "baseline": baseline_score(p, outcome),
            "crps": float("nan"),
        }
    if kind == QuestionType.MULTIPLE_CHOICE:
        return {**multiple_choice_scores(forecast["probabilities"], outcome), "crps": float("nan")}
    return continuous_scores(forecast["cdf"], outcome, question)


_SCORE_NAMES = ("brier", "log", "baseline", "crps")


def _standing(forecasts: pd.DataFrame, start, end) -> pd.DataFrame:
    """The forecasts that stood some day in [start, end], one per day (the later of a day's)."""
    return (
        forecasts[forecasts["as_of"] <= end]
        .drop_duplicates("as_of", keep="last")
        .sort_values("as_of", kind="stable")
    )


def _daily_index(standing: pd.DataFrame, start, days: int) -> np.ndarray:
    """For each lived day, the position in ``standing`` of the forecast standing then (-1: none)."""
    offsets = ((standing["as_of"] - start).dt.days).to_numpy()
    return np.searchsorted(offsets, np.arange(days), side="right") - 1


def _close(question) -> pd.Timestamp:
    actual = question.get("actual_close_time")
    if actual is not None and pd.notna(actual):
        return min(question["scheduled_close_time"], actual)
    resolved = question.get("actual_resolve_time")
    close = question["scheduled_close_time"]
    return min(close, resolved) if resolved is not None and pd.notna(resolved) else close


def _question_defaults(question) -> dict:
    q = dict(question)
    q.setdefault("type", "binary")
    q.setdefault("reference_probability", None)
    return q


def score_question(question, forecasts: pd.DataFrame, others: dict | None = None) -> dict:
    """Time-averaged and last-forecast scores of one forecaster's forecasts on one question.

    Args:
        question: a row of ``Ledger.questions()`` (a mapping with the QUESTIONS fields).
        forecasts: that forecaster's rows of ``Ledger.forecasts()`` for it, in file order.
        others: the other forecasters' forecasts on it, by name (for the peer score).

    Returns:
        A dict with the SCORES fields from ``forecasts`` on (scores NaN when not scored).

    Examples:
        >>> q = {
        ...     "open_time": pd.Timestamp("2025-03-01"),
        ...     "scheduled_close_time": pd.Timestamp("2025-03-10"),
        ...     "actual_resolve_time": pd.Timestamp("2025-03-12"),
        ...     "status": "resolved",
        ...     "resolution": "yes",
        ... }
        >>> f = pd.DataFrame(
        ...     {"as_of": pd.to_datetime(["2025-03-01", "2025-03-06"]), "probability": [0.5, 0.9]}
        ... )
        >>> s = score_question(q, f)
        >>> s["coverage"], round(s["brier"], 3)
        (1.0, 0.13)
        >>> round(s["baseline"], 1), round(s["last_baseline"], 1)
        (42.4, 84.8)
    """
    question = _question_defaults(question)
    nan = float("nan")
    out = {"forecasts": len(forecasts), "coverage": nan, "peer": nan}
    out.update({name: nan for name in _SCORE_NAMES})
    out.update({f"last_{name}": nan for name in ("probability", "brier", "log", "baseline")})
    start, end = question["open_time"], _close(question)
    standing = _standing(forecasts, start, end)
    if standing.empty:
        return out
    last = standing.iloc[-1]
    if question["type"] == QuestionType.BINARY:
        out["last_probability"] = float(last["probability"])
    if question["status"] != QuestionStatus.RESOLVED:
        return out
    outcome = _resolved_value(question)
    total = (question["scheduled_close_time"] - start).days + 1
    lived = (end - start).days + 1
    index = _daily_index(standing, start, lived)
    records = standing.to_dict("records")
    per = [instant_scores(question, f, outcome) for f in records]
    ref = instant_scores(question, _reference(question), outcome)
    covered = index >= 0
    out["coverage"] = float(covered.mean())
    for name in _SCORE_NAMES:
        values = np.array([s[name] for s in per] + [ref[name]])
        daily = values[index]  # index -1 picks the reference, appended last
        if name == "baseline":
            out[name] = float(daily[covered].sum() / total)
        else:
            out[name] = float(daily.mean())
    last_scores = per[-1]
    if question["type"] != QuestionType.BINARY:
        out["last_probability"] = last_scores["p_o"]
    out.update({f"last_{n}": last_scores[n] for n in ("brier", "log", "baseline")})
    if others:
        out["peer"] = _peer(question, per, index, others, outcome, start, end, total)
    return out


def _peer(question, per, index, others, outcome, start, end, total) -> float:
    """Time-averaged peer score: each lived day with a forecast and another forecaster's counts."""
    lived = len(index)
    rivals = []
    for frame in others.values():
        standing = _standing(frame, start, end)
        if standing.empty:
            continue
        p_o = np.array(
            [instant_scores(question, f, outcome)["p_o"] for f in standing.to_dict("records")]
            + [np.nan]
        )
        rivals.append(p_o[_daily_index(standing, start, lived)])
    if not rivals:
        return float("nan")
    rivals = np.vstack(rivals)  # forecasters x days, NaN where one had no forecast
    mine = np.array([s["p_o"] for s in per] + [np.nan])[index]
    n = np.sum(~np.isnan(rivals), axis=0)
    days = ~np.isnan(mine) & (n > 0)
    if not days.any():
        return float("nan")
    diff = np.log(mine[days]) - np.nansum(np.log(rivals[:, days]), axis=0) / n[days]
    scale = 50.0 if question["type"] in (QuestionType.NUMERIC, QuestionType.DATE) else 100.0
    return float(scale * diff.sum() / total)


def score_ledger(questions: pd.DataFrame, forecasts: pd.DataFrame) -> pd.DataFrame:
    """One SCORES row per question, forecaster and retrospective flag (questions in the order
    asked, forecasters sorted, forecasts made in time before retrospective ones)."""
    rows = []
    if "retrospective" not in forecasts:
        forecasts = forecasts.assign(retrospective=False)
    for _, question in questions.iterrows():
        mine = forecasts[forecasts["question_id"] == question["id"]]
        for retro in (False, True):
            group = mine[mine["retrospective"] == retro]
            by = {
                name: group[group["forecaster"] == name]
                for name in sorted(group["forecaster"].unique())
            }
            for forecaster, frame in by.items():
                others = {k: v for k, v in by.items() if k != forecaster}
                scored = score_question(question, frame, others)
                rows.append(
                    {
                        "question_id": question["id"],
                        "forecaster": forecaster,
                        "retrospective": retro,
                        "status": question["status"],
                        "resolution": question["resolution"],
                        **scored,
                    }
                )
    return conform(rows, SCORES)


def summarize(scores: pd.DataFrame) -> pd.DataFrame:
    """Mean scores over each forecaster's resolved questions (``schema.SCORE_SUMMARY``), with
    their mean coverage; retrospective forecasts in rows of their own.

    Examples:
        >>> row = dict(
        ...     question_id="q", forecaster="a", retrospective=False, status="resolved",
        ...     resolution="no", forecasts=1, coverage=1.0, brier=0.04,
        ... )
        >>> s = conform([row], SCORES)
        >>> summarize(s)[["forecaster", "questions", "coverage", "brier"]].values.tolist()
        [['a', 1, 1.0, 0.04]]
    """
    cols = [
        "coverage",
        "brier",
        "log",
        "baseline",
        "peer",
        "last_brier",
        "last_log",
        "last_baseline",
    ]
    scored = scores[scores["status"] == QuestionStatus.RESOLVED]
    rows = []
    keys = scores[["forecaster", "retrospective"]].drop_duplicates()
    for forecaster, retro in sorted(
        keys.itertuples(index=False, name=None), key=lambda k: (k[1], k[0])
    ):
        mine = scored[(scored["forecaster"] == forecaster) & (scored["retrospective"] == retro)]
        rows.append(
            {
                "forecaster": forecaster,
                "retrospective": bool(retro),
                "questions": len(mine),
                **{
                    c: (
                        float(mine[c].mean())
                        if len(mine) and mine[c].notna().any()
                        else float("nan")
                    )
                    for c in cols
                },
            }
        )
    return conform(rows, SCORE_SUMMARY)


def aggregate(
    forecasts: pd.DataFrame,
    questions: pd.DataFrame,
    method: str = "median",
    retrospective: bool = False,
) -> pd.DataFrame:
    """The forecasters' aggregate as a forecaster of its own (named ``method``), one forecast
    each day any forecaster's standing forecast changes (``schema.FORECASTS`` rows).

    ``method``: 'median' (per option, renormalized; per CDF point for numeric and date), or
    'mean_log_odds' (binary: the logistic of the mean log-odds; multiple choice: the
    normalized geometric mean; numeric and date: the mean CDF). It aggregates the forecasts
    made in time, or with ``retrospective=True`` the backdated ones (and is marked so).

    Examples:
        >>> qs = pd.DataFrame({"id": ["q"], "type": ["binary"]})
        >>> fs = pd.DataFrame(
        ...     {
        ...         "question_id": ["q", "q"],
        ...         "forecaster": ["a", "b"],
        ...         "retrospective": [False, False],
        ...         "as_of": pd.to_datetime(["2025-01-01", "2025-01-01"]),
        ...         "probability": [0.2, 0.8],
        ...         "probabilities": [[], []],
        ...         "cdf": [[], []],
        ...     }
        ... )
        >>> round(float(aggregate(fs, qs, "mean_log_odds").probability[0]), 3)
        0.5
    """
    from timeline.schema import FORECASTS

    if method not in ("median", "mean_log_odds"):
        raise LedgerError(f"aggregate: method must be 'median' or 'mean_log_odds', got {method!r}")
    made = forecasts[forecasts["retrospective"].astype(bool) == bool(retrospective)]
    kinds = dict(zip(questions["id"], questions["type"]))
    rows = []
    for qid, group in made.groupby("question_id", sort=False):
        kind = kinds.get(qid, "binary")
        for day in sorted(group["as_of"].unique()):
            upto = group[group["as_of"] <= day]
            latest = upto.groupby("forecaster", sort=True).tail(1)
            row = {
                "question_id": qid,
                "as_of": day,
                "forecaster": method,
                "retrospective": bool(retrospective),
                "rationale": f"{method} of {len(latest)} forecasters",
            }
            if kind == QuestionType.BINARY:
                p = latest["probability"].to_numpy(float)
                if method == "median":
                    row["probability"] = float(np.median(p))
                else:
                    logit = np.mean(np.log(p) - np.log1p(-p))
                    row["probability"] = float(1 / (1 + np.exp(-logit)))
            elif kind == QuestionType.MULTIPLE_CHOICE:
                m = np.array(latest["probabilities"].tolist(), dtype=float)
                agg = np.median(m, axis=0) if method == "median" else np.exp(np.log(m).mean(axis=0))
                row["probabilities"] = (agg / agg.sum()).tolist()
            else:
                m = np.array(latest["cdf"].tolist(), dtype=float)
                row["cdf"] = (
                    np.median(m, axis=0) if method == "median" else m.mean(axis=0)
                ).tolist()
            rows.append(row)
    return conform(rows, FORECASTS)


def wilson_interval(successes: float, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """The Wilson score interval for a share (95% by default); (nan, nan) for n = 0.

    Examples:
        >>> [round(x, 4) for x in wilson_interval(0, 10)]
        [0.0, 0.2775]
        >>> [round(x, 4) for x in wilson_interval(5, 10)]
        [0.2366, 0.7634]
    """
    if n <= 0:
        return (float("nan"), float("nan"))
    share = successes / n
    denominator = 1 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def brier_decomposition(pairs: pd.DataFrame, bins: int = 10) -> dict:
    """Murphy's decomposition of the Brier score of forecast-outcome pairs in probability bins.

    ``brier = reliability - resolution + uncertainty + within``: reliability (calibration
    error, lower is better), resolution (how far the bins' outcomes spread from the base
    rate, higher is better), uncertainty (base rate x (1 - base rate), not the forecaster's
    doing), and ``within``, the part due to forecasts differing inside a bin (0 when each
    bin holds one value).

    Examples:
        >>> pairs = pd.DataFrame(
        ...     {"probability": [0.2, 0.2, 0.8, 0.8], "outcome": [False, False, True, False]}
        ... )
        >>> {k: round(v, 4) for k, v in brier_decomposition(pairs).items()}
        {'brier': 0.19, 'reliability': 0.065, 'resolution': 0.0625, 'uncertainty': 0.1875,
         'within': 0.0, 'n': 4}
    """
    p = pairs["probability"].to_numpy(float)
    o = pairs["outcome"].to_numpy(float)
    n = len(p)
    if n == 0:
        raise LedgerError("brier_decomposition: no forecast-outcome pairs")
    index = np.minimum((p * bins).astype(int), bins - 1)
    base = o.mean()
    reliability = resolution = 0.0
    for k in np.unique(index):
        hit = index == k
        reliability += hit.sum() * (p[hit].mean() - o[hit].mean()) ** 2
        resolution += hit.sum() * (o[hit].mean() - base) ** 2
    reliability, resolution = reliability / n, resolution / n
    total = float(((p - o) ** 2).mean())
    uncertainty = float(base * (1 - base))
    within = total - (reliability - resolution + uncertainty)
    return {
        "brier": total,
        "reliability": float(reliability),
        "resolution": float(resolution),
        "uncertainty": uncertainty,
        "within": float(round(within, 12)) + 0.0,
        "n": n,
    }


def discrimination(pairs: pd.DataFrame) -> dict:
    """How well forecasts separate what happened from what did not.

    ``auc``: the chance a random yes got a higher forecast than a random no (ties count
    half; 0.5 is no discrimination); ``slope``: mean forecast on yes minus mean on no.

    Examples:
        >>> pairs = pd.DataFrame(
        ...     {"probability": [0.2, 0.6, 0.7, 0.9], "outcome": [False, False, True, True]}
        ... )
        >>> discrimination(pairs)
        {'auc': 1.0, 'slope': 0.4, 'yes': 2, 'no': 2}
    """
    p = pairs["probability"].to_numpy(float)
    o = pairs["outcome"].to_numpy(bool)
    yes, no = p[o], p[~o]
    if len(yes) == 0 or len(no) == 0:
        return {"auc": float("nan"), "slope": float("nan"), "yes": len(yes), "no": len(no)}
    greater = (yes[:, None] > no[None, :]).sum() + 0.5 * (yes[:, None] == no[None, :]).sum()
    return {
        "auc": float(greater / (len(yes) * len(no))),
        "slope": round(float(yes.mean() - no.mean()), 12),
        "yes": int(len(yes)),
        "no": int(len(no)),
    }


def outcomes(
    questions: pd.DataFrame,
    forecasts: pd.DataFrame,
    which: str = "last",
    retrospective: bool = False,
) -> pd.DataFrame:
    """Forecast-outcome pairs on resolved binary questions: ``which='last'`` (the forecast
    standing at the close, per question and forecaster) or ``'all'`` (every forecast made by
    the close). Forecasts made in time by default; ``retrospective=True`` takes the backdated
    ones instead (never the two mixed).

    Returns:
        Columns question_id, forecaster, as_of, probability, outcome (bool).
    """
    if which not in ("last", "all"):
        raise LedgerError(f"outcomes: which must be 'last' or 'all', got {which!r}")
    resolved = questions[
        (questions["status"] == QuestionStatus.RESOLVED)
        & (questions["type"] == QuestionType.BINARY if "type" in questions else True)
    ].set_index("id")
    if "retrospective" in forecasts:
        forecasts = forecasts[forecasts["retrospective"].astype(bool) == bool(retrospective)]
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
                    "outcome": q["resolution"] == Answer.YES,
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


def calibration_table(
    source, bins: int = 5, which: str = "last", retrospective: bool = False
) -> pd.DataFrame:
    """How often forecasts of about p came true, in equal-width probability bins, with the 95%
    Wilson score interval of each bin's share (wide when a bin holds few forecasts).

    Args:
        source: a :class:`~timeline.Ledger`, or a frame with ``probability`` and ``outcome``
            columns (and optionally ``question_id``).
        bins: number of equal bins over [0, 1]; the last is closed at 1.
        which: for a ledger, 'last' (forecast standing at the close) or 'all'.
        retrospective: for a ledger, calibrate its backdated forecasts instead of those made
            in time.

    Returns:
        A frame with the ``schema.CALIBRATION`` columns, one row per bin (empty bins kept, n=0).

    Examples:
        >>> pairs = pd.DataFrame(
        ...     {"probability": [0.1, 0.3, 0.7, 0.8], "outcome": [False, False, True, False]}
        ... )
        >>> table = calibration_table(pairs, bins=2)
        >>> table[["bin", "n", "mean_probability", "observed"]].values.tolist()
        [['[0.0, 0.5)', 2, 0.2, 0.0], ['[0.5, 1.0]', 2, 0.75, 0.5]]
    """
    if hasattr(source, "forecasts") and hasattr(source, "questions"):
        source = outcomes(
            source.questions(), source.forecasts(), which=which, retrospective=retrospective
        )
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
        low, high = wilson_interval(float(o.sum()), int(hit.sum()))
        rows.append(
            {
                "bin": f"[{lo}, {hi}{']' if i == bins - 1 else ')'}",
                "lower": lo,
                "upper": hi,
                "n": int(hit.sum()),
                "mean_probability": float(p.mean()) if hit.any() else float("nan"),
                "observed": float(o.mean()) if hit.any() else float("nan"),
                "observed_low": low,
                "observed_high": high,
                "questions": [q for q in ids[hit] if q],
            }
        )
    return conform(rows, CALIBRATION)


def plot_calibration(source, ax=None, bins: int = 5, which: str = "last"):
    """Reliability diagram: observed frequency against mean forecast per bin, dot area ~ n, with
    each bin's 95% Wilson interval.

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
    if "observed_low" in filled:
        ax.errorbar(
            filled["mean_probability"],
            filled["observed"],
            yerr=[
                filled["observed"] - filled["observed_low"],
                filled["observed_high"] - filled["observed"],
            ],
            fmt="none",
            ecolor="tab:blue",
            alpha=0.5,
            capsize=3,
            label="95% Wilson interval",
        )
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
