"""Plotting a timeline: one row per event, dates on the x axis.

Dated events are points, bounded ones intervals, open-ended ones arrows that
run off the edge on their open side; undated states that hold at publication a
diamond on the publication line; expected and potential events are drawn
hollow and dashed, negated ones grey, so what has not happened never looks
like what has.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from timeline.schema import TIMELINE, validate

ASSERTED = "#1f4e79"
UNREALISED = "#d9822b"  # expected / potential
NEGATED = "#8c8c8c"
LABEL_CHARS = 46


class TimelineFigure(Figure):
    """A matplotlib Figure whose text form says what it shows.

    Notebooks display a figure as a PNG plus a text form; matplotlib's own
    ("<Figure size 1000x600 with 1 Axes>") tells a reader nothing, so the
    figures made here describe themselves instead.
    """

    description = "timeline figure"

    def __repr__(self) -> str:
        return f"<{self.description}>"


def new_figure(description: str, figsize) -> tuple[Figure, plt.Axes]:
    """A figure and its axes, created through pyplot so notebooks display it inline."""
    figure, ax = plt.subplots(figsize=figsize, layout="constrained", FigureClass=TimelineFigure)
    figure.description = description
    return figure, ax


def _legend_handles() -> list:
    from matplotlib.lines import Line2D

    return [
        Line2D([], [], color=ASSERTED, marker="o", linestyle="", label="dated (one day)"),
        Line2D([], [], color=ASSERTED, linewidth=2.2, label="bounded / open-ended"),
        Line2D(
            [],
            [],
            color=UNREALISED,
            linewidth=2.2,
            linestyle="--",
            marker="o",
            markerfacecolor="white",
            label="expected or potential",
        ),
        Line2D([], [], color=NEGATED, linewidth=1, linestyle=":", label="no bound known"),
        Line2D(
            [],
            [],
            color=ASSERTED,
            marker="D",
            markersize=6,
            linestyle="",
            label="holds at publication",
        ),
        Line2D([], [], color="#b22222", linewidth=1, linestyle=":", label="publication date"),
    ]


def _label(row) -> str:
    actor = f"{row.actors[0]}: " if len(row.actors) else ""
    label = f"{row.order}. {actor}{row.trigger}"
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _limits(df: pd.DataFrame, published) -> tuple[pd.Timestamp, pd.Timestamp]:
    known = pd.concat([df.earliest.dropna(), df.latest.dropna()])
    if published is not None:
        known = pd.concat([known, pd.Series([pd.Timestamp(published)])])
    if known.empty:
        return None, None
    low, high = known.min(), known.max()
    margin = max(pd.Timedelta(days=3), (high - low) * 0.08)
    return low - margin, high + margin


def plot_timeline(
    df: pd.DataFrame,
    ax=None,
    published=None,
    only_newsworthy: bool = True,
    title: str | None = None,
):
    """Draw the timeline; return the matplotlib Axes.

    Args:
        df: a timeline DataFrame (``build_timeline`` output).
        ax: Axes to draw on; a new figure sized to the number of events otherwise.
        published: publication date to mark with a vertical line (optional).
        only_newsworthy: plot only rows whose ``newsworthy`` is True.
        title: axes title.

    Returns:
        The Axes.

    Examples:
        >>> import timeline
        >>> df = timeline.build_timeline("On February 1, Trump signed a memorandum.", published="2025-02-28")
        >>> ax = plot_timeline(df, published="2025-02-28")
        >>> ax.figure
        <timeline of 1 event>
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['1. Trump: signed']
    """
    validate(df, TIMELINE)
    rows = df[df.newsworthy] if only_newsworthy else df
    rows = rows.sort_values("order", kind="stable")
    if ax is None:
        _, ax = new_figure(
            f"timeline of {len(rows)} event{'s' * (len(rows) != 1)}",
            (10, 1.2 + 0.38 * max(len(rows), 1)),
        )
    low, high = _limits(rows, published)
    if low is None:
        ax.text(
            0.5,
            0.5,
            "no event has a known date or bound",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
        ax.set_yticks([])
        return ax
    for y, row in enumerate(rows.itertuples()):
        unrealised = row.modality in ("expected", "potential")
        color = NEGATED if row.modality == "negated" else UNREALISED if unrealised else ASSERTED
        style = dict(color=color, linestyle="--" if unrealised else "-", linewidth=2.2)
        marker = dict(
            color=color, markerfacecolor="white" if unrealised else color, markersize=8, zorder=3
        )
        early, late = row.earliest, row.latest
        if pd.notna(early) and pd.notna(late) and early == late:
            ax.plot([early], [y], "o", **marker)
        elif pd.notna(early) and pd.notna(late):
            ax.plot([early, late], [y, y], **style)
            ax.plot([early, late], [y, y], "|", color=color, markersize=10)
        elif pd.notna(early):
            ax.annotate(
                "", xy=(high, y), xytext=(early, y), arrowprops=dict(arrowstyle="->", **style)
            )
            ax.plot([early], [y], "|", color=color, markersize=10)
        elif pd.notna(late):
            ax.annotate(
                "", xy=(low, y), xytext=(late, y), arrowprops=dict(arrowstyle="->", **style)
            )
            ax.plot([late], [y], "|", color=color, markersize=10)
        else:
            ax.plot([low, high], [y, y], color=NEGATED, linestyle=":", linewidth=1)
            if row.publication == "during" and published is not None:
                ax.plot([pd.Timestamp(published)], [y], "D", **{**marker, "markersize": 6})
    if published is not None:
        ax.axvline(pd.Timestamp(published), color="#b22222", linewidth=1, linestyle=":")
        ax.text(
            pd.Timestamp(published), -0.9, " published", color="#b22222", fontsize=8, va="bottom"
        )
    ax.set_yticks(range(len(rows)), [_label(r) for r in rows.itertuples()], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -1.2)
    ax.set_xlim(low, high)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(
        title
        or "Timeline: points dated, bars bounded, arrows open-ended; hollow/dashed = expected or potential",
        fontsize=9,
    )
    ax.legend(
        handles=_legend_handles(),
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=7,
        frameon=False,
    )
    return ax
