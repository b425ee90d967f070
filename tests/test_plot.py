"""plot_timeline draws each kind of bound differently, labels every plotted row, folds the
rows known only to lie before publication, draws the likely interval inside the proven
bounds, puts every mark in the legend and always draws a publication line."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from timeline.plot import LIKELY, NEGATED, PUBLICATION, plot_timeline  # noqa: E402
from timeline.schema import TIMELINE, conform  # noqa: E402


def _labels(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def _legend(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def _publication_lines(ax):
    return [line for line in ax.get_lines() if line.get_color() == PUBLICATION]


def test_labels_in_order_newsworthy_only_trigger_first(small_timeline):
    ax = plot_timeline(small_timeline, published="2025-02-28")
    assert _labels(ax) == [
        "1. signed (Iraq)",
        "2. call (Rubio +)",
        "3. meeting",
        "4. sanctions (US)",
    ]
    plt.close(ax.figure)


def test_styles_point_interval_arrow(small_timeline):
    ax = plot_timeline(small_timeline, only_newsworthy=False, fold=False)
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


def test_the_publication_line_is_drawn_without_a_date_given(small_timeline):
    # the expected meeting starts at publication: its start is the article's publication day
    after = small_timeline.assign(publication=["before", "before", "after", "during", None])
    ax = plot_timeline(after)
    lines = _publication_lines(ax)
    assert len(lines) == 1 and lines[0].get_xdata()[0] == pd.Timestamp("2025-02-28")
    assert "publication date" in _legend(ax)
    plt.close(ax.figure)
    nothing = small_timeline.assign(publication=None)
    ax = plot_timeline(nothing)  # nothing says where publication is: no line, no legend entry
    assert not _publication_lines(ax) and "publication date" not in _legend(ax)
    plt.close(ax.figure)


def _before_rows(n, published="2025-02-28", **extra):
    from tests.conftest import make_row

    triggers = ["stated", "confirmed", "remarked", "emphasized", "stressed", "noted"]
    return [
        make_row(
            event_id=f"a-e{i:03d}",
            trigger=triggers[i % len(triggers)],
            order=i + 1,
            latest=published,
            publication="before",
            basis="inferred",
            rule="tense_past",
            **extra,
        )
        for i in range(n)
    ]


def test_events_known_only_to_precede_publication_share_one_labelled_band():
    from tests.conftest import make_row

    rows = _before_rows(5) + [
        make_row(
            event_id="a-e100", trigger="signed", order=6, earliest="2025-02-01", latest="2025-02-01"
        )
    ]
    ax = plot_timeline(conform(rows, TIMELINE), published="2025-02-28")
    labels = _labels(ax)
    assert labels[0].startswith("5 events before publication: stated, confirmed, remarked")
    assert labels[1] == "6. signed (Iraq)" and len(labels) == 2
    assert "'N events before publication': one row for them all" in _legend(ax)
    plt.close(ax.figure)
    ax = plot_timeline(conform(rows, TIMELINE), published="2025-02-28", fold=False)
    assert len(_labels(ax)) == 6
    plt.close(ax.figure)


def test_long_labels_never_cut_a_word():
    from tests.conftest import make_row

    row = make_row(
        trigger="reached",
        actors=["Marco Rubio, Mohammed Shia al-Sudani and the Coordination Framework"],
        earliest="2025-02-01",
        latest="2025-02-01",
    )
    ax = plot_timeline(conform([row], TIMELINE))
    assert _labels(ax) == ["1. reached"]
    plt.close(ax.figure)


def test_the_likely_interval_is_a_band_inside_the_proven_bar():
    rows = _before_rows(
        1,
        likely="2025-02-27",
        likely_earliest="2025-02-27",
        likely_latest="2025-02-28",
        likely_basis="reporting_past (TimeBank, n=71)",
    )
    ax = plot_timeline(conform(rows, TIMELINE), published="2025-02-28")
    bands = [line for line in ax.get_lines() if line.get_color() == LIKELY]
    assert len(bands) == 1
    first, last = bands[0].get_xdata()
    assert pd.Timestamp("2025-02-26") < first < pd.Timestamp("2025-02-27")
    assert pd.Timestamp("2025-02-28") < last < pd.Timestamp("2025-03-01")
    assert "likely, 80% (an estimate)" in _legend(ax)
    plt.close(ax.figure)


def test_every_mark_drawn_has_a_legend_entry_the_negated_one_too(small_timeline):
    negated = small_timeline.assign(
        modality=["negated", "asserted", "expected", "potential", "asserted"]
    )
    ax = plot_timeline(negated, published="2025-02-28")
    assert any(line.get_color() == NEGATED and line.get_marker() == "o" for line in ax.get_lines())
    assert "negated" in _legend(ax)
    plt.close(ax.figure)


def test_grouping_by_actor_puts_a_heading_above_each_actor(small_timeline):
    ax = plot_timeline(small_timeline, published="2025-02-28", group_by="actor")
    assert _labels(ax) == [
        "Iraq:",
        "1. signed",
        "Rubio:",
        "2. call",
        "(no actor named):",
        "3. meeting",
        "US:",
        "4. sanctions",
    ]
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="group_by"):
        plot_timeline(small_timeline, group_by="colour")
