"""plot_timeline draws each kind of bound differently and labels every plotted event."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from timeline.plot import plot_timeline  # noqa: E402


def test_labels_in_order_newsworthy_only(small_timeline):
    ax = plot_timeline(small_timeline, published="2025-02-28")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["1. Iraq: signed", "2. Rubio: call", "3. meeting", "4. US: sanctions"]
    plt.close(ax.figure)


def test_styles_point_interval_arrow(small_timeline):
    ax = plot_timeline(small_timeline, only_newsworthy=False)
    arrows = [c for c in ax.get_children() if isinstance(c, matplotlib.text.Annotation)]
    assert len(arrows) == 2  # meeting open after its start, said open before its end
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert not dashed  # the only unrealised interval is drawn as a dashed arrow
    assert any(a.arrow_patch.get_linestyle() == "--" for a in arrows)
    plt.close(ax.figure)


def test_no_dates_at_all(small_timeline):
    undated = small_timeline.assign(earliest=pd.NaT, latest=pd.NaT).astype(
        {"earliest": "datetime64[ns]", "latest": "datetime64[ns]"}
    )
    ax = plot_timeline(undated)
    assert "no event has a known date" in ax.texts[0].get_text()
    plt.close(ax.figure)


def test_an_undated_state_holding_at_publication_is_a_diamond_on_the_publication_line(
    small_timeline,
):
    holding = small_timeline.assign(publication=["before", "before", "after", "during", None])
    ax = plot_timeline(holding, published="2025-02-28")
    diamonds = [line for line in ax.get_lines() if line.get_marker() == "D"]
    assert len(diamonds) == 1 and diamonds[0].get_xdata()[0] == pd.Timestamp("2025-02-28")
    assert diamonds[0].get_ydata()[0] == 3  # the fourth plotted row, 'sanctions'
    plt.close(ax.figure)
    ax = plot_timeline(holding)  # without a publication date there is no line to put it on
    assert not [line for line in ax.get_lines() if line.get_marker() == "D"]
    plt.close(ax.figure)
