"""Plotting a timeline: one row per event, dates on the x axis.

Dated events are points, bounded ones intervals, open-ended ones arrows that
run off the edge on their open side; undated states that hold at publication a
diamond on the publication line; expected and potential events are drawn
hollow and dashed, negated ones grey, so what has not happened never looks
like what has. The likely interval (an estimate, ``ordering/likely.py``) is a
pale band under the proven mark; the events known only to lie before
publication share one labelled band.
"""

from __future__ import annotations

from enum import StrEnum

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from timeline.model import Modality, Side
from timeline.ordering.likely import LikelyBasis
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


LIKELY = "#9ecae1"  # the likely interval, an estimate, drawn under the proven bar
PUBLICATION = "#b22222"


def _legend_handles(published: bool, folded: bool, likely: bool) -> list:
    """One legend entry per kind of mark the figure can hold (the publication line when drawn)."""
    from matplotlib.lines import Line2D

    handles = [
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
        Line2D([], [], color=NEGATED, linewidth=2.2, marker="D", markersize=6, label="negated"),
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
    ]
    if likely:
        handles.append(
            Line2D([], [], color=LIKELY, linewidth=7, alpha=0.8, label="likely, 80% (an estimate)")
        )
    if folded:
        handles.append(
            Line2D(
                [], [], color="none", label="'N events before publication': one row for them all"
            )
        )
    if published:
        handles.append(
            Line2D([], [], color=PUBLICATION, linewidth=1, linestyle=":", label="publication date")
        )
    return handles


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis.

    >>> _shorten("Marco Rubio, Mohammed Shia al-Sudani", 20)
    'Marco Rubio…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;: ") + "…"


def _label(row, actor: bool = True) -> str:
    """``order. trigger (first actor)``: the trigger first; an actor that does not fit is left
    out, never cut."""
    label = f"{row.order}. {row.trigger}"
    if actor and len(row.actors):
        with_actor = f"{label} ({row.actors[0]}{' +' if len(row.actors) > 1 else ''})"
        if len(with_actor) <= LABEL_CHARS:
            return with_actor
    return _shorten(label, LABEL_CHARS)


def _fold_label(rows: list) -> str:
    """``N events before publication: t1, t2, …`` (whole triggers only)."""
    head = f"{len(rows)} events before publication: "
    words, size = [], len(head)
    for row in rows:
        if size + len(row.trigger) + 2 > LABEL_CHARS + 14 and words:
            return head + ", ".join(words) + ", …"
        words.append(row.trigger)
        size += len(row.trigger) + 2
    return head + ", ".join(words)


def _publications(df: pd.DataFrame, published) -> dict:
    """article_id -> publication day: from ``published`` (a date or a mapping), else read off
    the rows.

    Without a given date, an article's publication day is where its rows that are known only
    to lie before publication end (or, failing those, where its rows known only to lie
    after it start): the bounds ``ordering`` gives them end or start exactly there.
    """
    found = {}
    for article_id, group in df.groupby("article_id", sort=False):
        given = published.get(article_id) if isinstance(published, dict) else published
        if given is not None:
            found[article_id] = pd.Timestamp(given)
            continue
        before = group[
            group.earliest.isna() & group.latest.notna() & (group.publication == Side.BEFORE)
        ]
        after = group[
            group.latest.isna() & group.earliest.notna() & (group.publication == Side.AFTER)
        ]
        days = before.latest if len(before) else after.earliest
        if len(days):
            found[article_id] = days.mode().iloc[0]
    return found


class Line(StrEnum):
    """What one line of the figure shows: a group's heading, one row, or an article's
    'before publication' rows folded into one.

        >>> Line.FOLD == "fold"
        True
    """

    GROUP = "group"
    ROW = "row"
    FOLD = "fold"


def _items(rows: pd.DataFrame, publications: dict, fold: bool) -> list[tuple[Line, list]]:
    """What the figure draws, top to bottom: (ROW, [row]) or (FOLD, [rows]) per article's
    'before publication' rows."""
    items: list[tuple[Line, list]] = []
    folds: dict = {}
    for row in rows.itertuples():
        day = publications.get(row.article_id)
        only_before = (
            fold
            and day is not None
            and pd.isna(row.earliest)
            and pd.notna(row.latest)
            and row.latest == day
            and row.modality == Modality.ASSERTED
        )
        if only_before:
            if row.article_id not in folds:
                folds[row.article_id] = (Line.FOLD, [])
                items.append(folds[row.article_id])
            folds[row.article_id][1].append(row)
        else:
            items.append((Line.ROW, [row]))
    # a fold of one event is just that event
    return [
        (Line.ROW, members) if kind == Line.FOLD and len(members) == 1 else (kind, members)
        for kind, members in items
    ]


def _limits(df: pd.DataFrame, published_days) -> tuple[pd.Timestamp, pd.Timestamp]:
    known = pd.concat([df.earliest.dropna(), df.latest.dropna()])
    if len(published_days):
        known = pd.concat([known, pd.Series(list(published_days))])
    if known.empty:
        return None, None
    low, high = known.min(), known.max()
    margin = max(pd.Timedelta(days=3), (high - low) * 0.08)
    return low - margin, high + margin


def _draw_likely(ax, rows: list, y: float) -> bool:
    """The likely interval of estimated rows (not proven days) as a pale band under the proven mark.

    A folded row spans from the earliest to the latest of its rows' likely intervals.
    """
    estimated = [
        r
        for r in rows
        if pd.notna(r.likely_earliest)
        and r.likely_basis not in (LikelyBasis.PROVEN, LikelyBasis.NONE, None)
    ]
    if not estimated:
        return False
    first = min(r.likely_earliest for r in estimated) - pd.Timedelta(hours=12)
    last = max(r.likely_latest for r in estimated) + pd.Timedelta(hours=12)
    ax.plot(
        [first, last], [y, y], color=LIKELY, linewidth=7, alpha=0.8, zorder=1, solid_capstyle="butt"
    )
    return True


def _draw_row(ax, row, y, low, high, publication_day) -> None:
    unrealised = row.modality in (Modality.EXPECTED, Modality.POTENTIAL)
    color = NEGATED if row.modality == Modality.NEGATED else UNREALISED if unrealised else ASSERTED
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
        ax.annotate("", xy=(high, y), xytext=(early, y), arrowprops=dict(arrowstyle="->", **style))
        ax.plot([early], [y], "|", color=color, markersize=10)
    elif pd.notna(late):
        ax.annotate("", xy=(low, y), xytext=(late, y), arrowprops=dict(arrowstyle="->", **style))
        ax.plot([late], [y], "|", color=color, markersize=10)
    else:
        ax.plot([low, high], [y, y], color=NEGATED, linestyle=":", linewidth=1)
        if row.publication == Side.DURING and publication_day is not None:
            ax.plot([publication_day], [y], "D", **{**marker, "markersize": 6})


def plot_timeline(
    df: pd.DataFrame,
    ax=None,
    published=None,
    only_newsworthy: bool = True,
    title: str | None = None,
    fold: bool = True,
    group_by: str | None = None,
):
    """Draw the timeline; return the matplotlib Axes.

    Proven bounds are points (one day), bars (bounded), arrows (open on a side); the
    likely interval (the ``likely_*`` columns, an estimate) is a pale band under them.
    Events known only to lie before their article's publication are folded into one
    labelled band per article; labels put the trigger first; every mark is in the
    legend; the publication date is always a line (read off the rows when not given).

    Args:
        df: a timeline DataFrame (``build_timeline`` output).
        ax: Axes to draw on; a new figure sized to the number of rows otherwise.
        published: publication date, or a mapping article_id -> date; None reads each
            article's from its rows (where its "before publication" bounds end).
        only_newsworthy: plot only rows whose ``newsworthy`` is True.
        title: axes title.
        fold: fold the events known only to lie before publication into one band.
        group_by: ``"actor"`` groups the rows under each event's first actor.

    Returns:
        The Axes.

    Examples:
        >>> import timeline
        >>> text = "On February 1, Trump signed a memorandum."
        >>> df = timeline.build_timeline(text, published="2025-02-28")
        >>> ax = plot_timeline(df, published="2025-02-28")
        >>> ax.figure
        <timeline of 1 event>
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['1. signed (Trump)']
    """
    validate(df, TIMELINE)
    if group_by not in (None, "actor"):
        raise ValueError(f"plot_timeline: group_by is None or 'actor', not {group_by!r}")
    rows = df[df.newsworthy] if only_newsworthy else df
    rows = rows.sort_values("order", kind="stable")
    publications = _publications(rows, published)
    groups = [(None, rows)]
    if group_by == "actor":
        first = rows.actors.map(lambda names: names[0] if len(names) else "(no actor named)")
        groups = [(name, rows[first == name]) for name in dict.fromkeys(first)]
    lines: list[tuple[Line, object]] = []  # (GROUP, name) or (ROW/FOLD, members)
    for name, members in groups:
        if name is not None:
            lines.append((Line.GROUP, name))
        lines.extend(_items(members, publications, fold))
    if ax is None:
        _, ax = new_figure(
            f"timeline of {len(rows)} event{'s' * (len(rows) != 1)}",
            (10, 1.2 + 0.38 * max(len(lines), 1)),
        )
    low, high = _limits(rows, publications.values())
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
    labels, drew_likely, folded = [], False, False
    for y, (kind, members) in enumerate(lines):
        if kind == Line.GROUP:
            labels.append(_shorten(str(members), LABEL_CHARS - 1) + ":")
            if y:
                ax.axhline(y - 0.5, color="#cccccc", linewidth=0.6)
            continue
        day = publications.get(members[0].article_id)
        drew_likely |= _draw_likely(ax, members, y)
        if kind == Line.FOLD:
            folded = True
            ax.annotate(
                "",
                xy=(low, y),
                xytext=(members[0].latest, y),
                arrowprops=dict(arrowstyle="->", color=ASSERTED, linewidth=2.2),
            )
            ax.plot([members[0].latest], [y], "|", color=ASSERTED, markersize=10)
            labels.append(_fold_label(members))
        else:
            _draw_row(ax, members[0], y, low, high, day)
            labels.append(_label(members[0], actor=group_by is None))
    for day in sorted(set(publications.values())):
        ax.axvline(day, color=PUBLICATION, linewidth=1, linestyle=":")
        ax.text(day, -0.9, " published", color=PUBLICATION, fontsize=8, va="bottom")
    ax.set_yticks(range(len(lines)), labels, fontsize=8)
    for tick, (kind, _) in zip(ax.get_yticklabels(), lines):
        if kind == Line.GROUP:
            tick.set_fontweight("bold")
    ax.set_ylim(len(lines) - 0.5, -1.2)
    ax.set_xlim(low, high)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(
        title
        or "Timeline: points dated, bars bounded, arrows open-ended; pale band = likely (estimate)",
        fontsize=9,
    )
    ax.legend(
        handles=_legend_handles(bool(publications), folded, drew_likely),
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=7,
        frameon=False,
    )
    return ax
