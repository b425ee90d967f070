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
        {"earliest": "datetime64[ns]", "latest": "datetime64[ns]"})
    ax = plot_timeline(undated)
    assert "no event has a known date" in ax.texts[0].get_text()
    plt.close(ax.figure)
