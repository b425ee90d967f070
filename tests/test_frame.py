"""build_timeline: assembling the frame, several articles, warnings for bad dates."""

import pandas as pd
import pytest
from conftest import event_at

import timeline
from timeline.errors import ArticleError
from timeline.schema import TIMELINE, validate

FIRST = (
    "Rubio and Sudani held a phone call on February 25, 2025. "
    "Following the conversation, the State Department released a statement. "
    "The coalition will meet next week."
)
SECOND = (
    "On February 1, 2025, Trump signed a presidential memorandum. Iraq has rejected the memorandum."
)


def test_one_article_text_with_published():
    df = timeline.build_timeline(FIRST, published="2025-02-28")
    validate(df, TIMELINE)
    assert df.order.tolist() == list(range(1, len(df) + 1))
    held = event_at(df, FIRST, "held a phone call")
    assert held.timex == "February 25, 2025" and held.value == "2025-02-25"
    assert held.earliest == held.latest == pd.Timestamp("2025-02-25") and held.basis == "explicit"
    released = event_at(df, FIRST, "released")
    assert released.earliest >= pd.Timestamp("2025-02-25") and released.latest <= pd.Timestamp(
        "2025-02-28"
    )
    assert released.order > held.order and released.rule == "cue_following"
    meet = event_at(df, FIRST, "will meet")
    assert meet.earliest >= pd.Timestamp("2025-02-28") and meet.order > released.order


def test_several_articles_keep_their_own_order_and_publication_date():
    a = timeline.Article(FIRST, id="a", published="2025-02-28")
    b = timeline.Article(SECOND, id="b", published="2025-02-03")
    df = timeline.build_timeline([a, b])
    validate(df, TIMELINE)
    assert df.order.tolist() == list(range(1, len(df) + 1))
    for article in (a, b):
        alone = timeline.build_timeline(article)
        merged = df[df.article_id == article.id]
        assert (
            merged.event_id.tolist() == alone.event_id.tolist()
        )  # each article's own order survives
        pd.testing.assert_series_equal(
            merged.latest.reset_index(drop=True), alone.latest.reset_index(drop=True)
        )
    rejected = event_at(df[df.article_id == "b"], SECOND, "has rejected")
    assert rejected.latest == pd.Timestamp("2025-02-03")  # bounded by its own article's date
    signed = event_at(df[df.article_id == "b"], SECOND, "Trump signed")
    held = event_at(df[df.article_id == "a"], FIRST, "held a phone call")
    assert signed.order < held.order  # 1 February before 25 February


def test_published_before_a_reported_past_date_is_reported_in_the_warning_column():
    df = timeline.build_timeline(SECOND, published="2025-01-15")
    signed = event_at(df, SECOND, "Trump signed")
    assert "2025-01-15" in signed.warning and "2025-02-01" in signed.warning
    both = df.earliest.notna() & df.latest.notna()
    assert (df.earliest[both] <= df.latest[both]).all()


def test_unknown_publication_date_is_bounded_by_full_dates_and_says_so():
    df = timeline.build_timeline(timeline.Article(SECOND))
    signed = event_at(df, SECOND, "Trump signed")
    assert signed.earliest == signed.latest == pd.Timestamp("2025-02-01")
    assert "publication date unknown" in " ".join(df.warning.dropna())
    assert "2025-02-01" in " ".join(df.warning.dropna())


def test_no_publication_date_never_fills_a_year():
    text = "On February 1, Trump signed a memorandum. Iraq rejected it."
    df = timeline.build_timeline(timeline.Article(text))
    signed = event_at(df, text, "Trump signed")
    assert signed.value == "XXXX-02-01" and pd.isna(signed.earliest) and pd.isna(signed.latest)
    assert df.warning.isna().all()


def test_bad_sources_are_library_errors():
    with pytest.raises(ArticleError):
        timeline.build_timeline([])
    with pytest.raises(ArticleError):
        timeline.build_timeline(42)
    with pytest.raises(ArticleError):
        timeline.build_timeline([timeline.Article(FIRST, id="x"), timeline.Article(SECOND, id="x")])


def test_dates_outside_the_timestamp_range_stay_open_with_a_warning():
    import datetime as dt

    from timeline.frame import _day, _range_note
    from timeline.model import Bounds

    bound = Bounds(dt.date(1000, 1, 1), dt.date(2025, 2, 1))
    assert pd.isna(_day(bound.earliest)) and _day(bound.latest) == pd.Timestamp("2025-02-01")
    assert "earliest 1000-01-01" in _range_note(bound)


def test_contradicting_cue_and_dates_give_a_conflict_naming_the_constraints():
    text = (
        "On February 20, Rubio called Sudani. "
        "On February 10, following the call, the State Department released a statement."
    )
    df = timeline.build_timeline(text, published="2025-02-28")
    released = event_at(df, text, "released")
    assert released.earliest == released.latest == pd.Timestamp("2025-02-10")
    assert "conflict" in released.warning and "cue_following" in released.warning
    assert "February 20" in released.warning and "February 10" in released.warning


def test_explain_ordering_lists_constraints_and_the_rejected_one():
    from timeline.frame import explain_ordering

    rows = explain_ordering(SECOND, published="2025-01-15")
    assert rows.columns.tolist() == [
        "article_id",
        "rule",
        "label",
        "constraint",
        "status",
        "conflict",
    ]
    assert {"publication", "date_mdy"} <= set(rows.rule)
    rejected = rows[rows.status == "rejected"]
    assert "tense_past" in rejected.rule.tolist()
    assert (
        rejected.conflict.str.contains("2025-02-01").all()
        or rejected.conflict.str.contains("February 1").all()
    )


@pytest.mark.parametrize(
    "phrase, side",
    [
        ("held a phone call", "before"),  # dated before publication
        ("released", "before"),  # bounded by the call and the publication
        ("will meet", "after"),  # future tense
    ],
)
def test_publication_column_places_each_event_against_the_publication(phrase, side):
    df = timeline.build_timeline(FIRST, published="2025-02-28")
    assert event_at(df, FIRST, phrase).publication == side


def test_publication_column_says_during_only_on_evidence():
    text = "Iraq maintains 2,500 troops. Officials plan to reduce them."
    df = timeline.build_timeline(text, published="2025-02-28")
    assert (
        event_at(df, text, "maintains").publication == "during"
    )  # a present state holds at publication
    assert event_at(df, text, "reduce").publication == "after"  # the planned act lies ahead
    aims = "On February 1, Trump signed a memorandum aiming to block the deal."
    df = timeline.build_timeline(aims, published="2025-02-28")
    assert event_at(df, aims, "signed").publication == "before"
    assert pd.isna(event_at(df, aims, "block").publication)  # after February 1 allows both sides
    assert timeline.build_timeline(text).publication.isna().all()  # no publication date, no side


def test_event_ids_name_the_trigger_offset_so_they_survive_extractor_changes(
    seed_timeline, seed_article
):
    ids = seed_timeline.event_id
    assert ids.is_unique
    for row in seed_timeline.itertuples():
        assert row.event_id == f"{seed_article.id}-t{row.trigger_start:04d}"
        assert seed_article.text[row.trigger_start : row.trigger_end] == row.trigger
    sources = seed_timeline.source.dropna()
    assert len(sources) and sources.isin(ids).all()  # reported events point at their report's id
