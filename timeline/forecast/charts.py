"""Charts of a ledger for a forecaster: each question's probability over time, and its scores.

:func:`plot_history` draws, per binary question, the forecast standing each day (a step line
from the question's opening to its actual close), the base-rate prior it started from, a
marker at each forecast labelled with what moved it (the first update's note, or the
rationale), and the outcome. :func:`plot_scores` compares questions by their time-averaged
Metaculus baseline and peer scores. Calibration is :func:`timeline.plot_calibration`.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from timeline.model import Answer, QuestionStatus


def plot_history(ledger, forecaster: str = "analyst", questions=None, width: int = 34):
    """Probability over time, one panel per binary question, with the evidence that moved it.

    Args:
        ledger: a :class:`~timeline.Ledger`.
        forecaster: whose forecasts to draw.
        questions: question ids (default: every binary question the forecaster forecast).
        width: characters per line of the labels.

    Returns:
        The matplotlib Figure.

    Examples:
        >>> import matplotlib; matplotlib.use("Agg")
        >>> import tempfile, os
        >>> from timeline import Ledger
        >>> from timeline.forecast.ledger import fixed_clock
        >>> path = os.path.join(tempfile.mkdtemp(), "l.jsonl")
        >>> ledger = Ledger(path, clock=fixed_clock("2025-01-01"))
        >>> _ = ledger.ask(
        ...     "q", "Rain by 2025-01-10?", "Yes if rain. Otherwise no.", "2025-01-01", "2025-01-10"
        ... )
        >>> _ = ledger.forecast("q", "2025-01-01", 0.3, prior=0.2, rationale="dry season")
        >>> len(plot_history(ledger).axes)
        1
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    qs = ledger.questions().set_index("id")
    fs = ledger.forecasts()
    fs = fs[(fs["forecaster"] == forecaster) & fs["probability"].notna()]
    ids = list(questions) if questions is not None else list(dict.fromkeys(fs["question_id"]))
    fig, axes = plt.subplots(len(ids), 1, figsize=(9, 2.3 * max(len(ids), 1)), squeeze=False)
    for ax, qid in zip(axes[:, 0], ids):
        q = qs.loc[qid]
        mine = fs[fs["question_id"] == qid].sort_values("as_of", kind="stable")
        end = (
            q["actual_close_time"]
            if pd.notna(q["actual_close_time"])
            else q["scheduled_close_time"]
        )
        days = list(mine["as_of"]) + [end]
        ax.step(
            days,
            list(mine["probability"]) + [mine["probability"].iloc[-1]],
            where="post",
            color="tab:blue",
            label=forecaster,
        )
        first = mine.iloc[0]
        if pd.notna(first["prior"]):
            ax.hlines(
                first["prior"],
                q["open_time"],
                end,
                colors="0.6",
                linestyles=":",
                label="base-rate prior",
            )
        for _, f in mine.iterrows():
            note = f["updates"][0].get("note", "") if f["updates"] else f["rationale"]
            ax.plot([f["as_of"]], [f["probability"]], "o", color="tab:blue")
            ax.annotate(
                "\n".join(textwrap.wrap(f"{f['probability']:.2f}: {note}", width)[:3]),
                (f["as_of"], f["probability"]),
                textcoords="offset points",
                xytext=(6, 4),
                fontsize=7,
                va="bottom",
            )
        if q["status"] == QuestionStatus.RESOLVED:
            outcome = 1.0 if q["resolution"] == Answer.YES else 0.0
            ax.plot(
                [end],
                [outcome],
                "s",
                color="tab:green" if outcome else "tab:red",
                label=f"resolved {q['resolution']}",
            )
        else:
            ax.text(end, 0.5, f" {q['status']}", fontsize=8, va="center")
        ax.axvline(q["scheduled_close_time"], color="0.8", linewidth=1)
        locator = mdates.AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_ylim(-0.05, 1.05)
        ax.set_ylabel("P(yes)")
        ax.set_title(q["title"], fontsize=9, loc="left")
        ax.legend(
            loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7, frameon=False, numpoints=1
        )
    fig.tight_layout()
    return fig


def plot_scores(scores: pd.DataFrame, forecaster: str = "analyst"):
    """Horizontal bars of the time-averaged Metaculus baseline and peer scores per question.

    Args:
        scores: ``Ledger.scores()``.
        forecaster: whose scores to draw.

    Returns:
        The matplotlib Axes.

    Examples:
        >>> import matplotlib; matplotlib.use("Agg")
        >>> s = pd.DataFrame(
        ...     {
        ...         "question_id": ["a", "b"],
        ...         "forecaster": ["analyst"] * 2,
        ...         "status": ["resolved"] * 2,
        ...         "baseline": [30.0, -20.0],
        ...         "peer": [5.0, -2.0],
        ...     }
        ... )
        >>> plot_scores(s).get_xlabel()
        'score (0 = a 50% forecast for baseline, = the other forecasters for peer)'
    """
    import matplotlib.pyplot as plt

    mine = scores[
        (scores["forecaster"] == forecaster) & (scores["status"] == QuestionStatus.RESOLVED)
    ]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(mine) + 1.2))
    y = range(len(mine))
    ax.barh([i - 0.2 for i in y], mine["baseline"], height=0.4, color="tab:blue", label="baseline")
    ax.barh(
        [i + 0.2 for i in y], mine["peer"].fillna(0), height=0.4, color="tab:orange", label="peer"
    )
    ax.set_yticks(list(y), mine["question_id"])
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlabel("score (0 = a 50% forecast for baseline, = the other forecasters for peer)")
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    fig.tight_layout()
    return ax
