"""What the seed timeline must say (issue 2), as a careful human reader dates it."""

import pandas as pd
import pytest
from conftest import SEED_PUBLISHED, event_at

import timeline

PUB = pd.Timestamp(SEED_PUBLISHED)


def before_or_at_publication(row):
    return pd.notna(row.latest) and row.latest <= PUB


def holds_at_publication(row):
    return (pd.isna(row.earliest) or row.earliest <= PUB) and (
        pd.isna(row.latest) or row.latest >= PUB
    )


def test_schema_and_bounds_consistent(seed_timeline):
    df = seed_timeline
    assert df.columns.tolist()[:20] == [
        "event_id",
        "article_id",
        "sentence",
        "start",
        "end",
        "text",
        "trigger",
        "trigger_start",
        "trigger_end",
        "actors",
        "kind",
        "modality",
        "timex",
        "value",
        "earliest",
        "latest",
        "precision",
        "basis",
        "rule",
        "order",
    ]
    both = df.earliest.notna() & df.latest.notna()
    assert (df.earliest[both] <= df.latest[both]).all()
    assert sorted(df.order) == list(range(1, len(df) + 1))
    assert df.event_id.is_unique


def test_clause_level_meeting_and_call_are_two_events(seed_article, seed_timeline):
    text, df = seed_article.text, seed_timeline
    meeting = event_at(df, text, "hold an emergency meeting")
    call = event_at(df, text, "phone call")
    assert meeting.event_id != call.event_id
    assert meeting.modality == "expected" and meeting.earliest >= PUB
    assert call.modality == "asserted" and before_or_at_publication(call)


def test_recent_call_within_last_weeks_and_statement_follows(seed_article, seed_timeline):
    text, df = seed_article.text, seed_timeline
    call = event_at(df, text, "phone call")
    assert call.earliest >= PUB - pd.Timedelta(days=60)
    statement = event_at(df, text, "released a statement")
    assert statement.order > call.order
    assert statement.earliest >= call.earliest
    assert before_or_at_publication(statement)


def test_memorandum_dated_february_first(seed_article, seed_timeline):
    signed = event_at(seed_timeline, seed_article.text, "Trump signed")
    assert signed.value == "2025-02-01" and signed.precision == "day" and signed.basis == "explicit"
    assert signed.earliest == signed.latest == pd.Timestamp("2025-02-01")
    assert signed.timex == "February 1"


def test_coming_days_meeting_is_expected_within_two_weeks(seed_article, seed_timeline):
    convene = event_at(seed_timeline, seed_article.text, "convene an emergency meeting")
    assert convene.modality == "expected"
    assert convene.earliest >= PUB
    assert PUB < convene.latest <= PUB + pd.Timedelta(days=16)


def test_potential_sanctions_not_asserted(seed_article, seed_timeline):
    sanctions = event_at(seed_timeline, seed_article.text, "potential US sanctions")
    assert sanctions.modality == "potential"


@pytest.mark.parametrize(
    "phrase",
    [
        "stated",
        "confirmed",
        "remarked",
        "reiterated",
        "revealed",
        "noted",
        "has pressured",
        "have ceased",
        "previously announced",
    ],
)
def test_reported_and_past_events_before_publication(seed_article, seed_timeline, phrase):
    row = event_at(seed_timeline, seed_article.text, phrase)
    assert row.modality == "asserted"
    assert before_or_at_publication(row), (phrase, row.earliest, row.latest)


def test_reported_speech_yields_report_and_reported_event(seed_article, seed_timeline):
    text, df = seed_article.text, seed_timeline
    revealed = event_at(df, text, "revealed")
    pressured = event_at(df, text, "has pressured")
    assert revealed.kind == "statement"
    assert pressured.source == revealed.event_id
    assert pressured.order < revealed.order


def test_previously_announced_before_negotiations_indicated(seed_article, seed_timeline):
    text, df = seed_article.text, seed_timeline
    announced = event_at(df, text, "previously announced")
    indicated = event_at(df, text, "has indicated")
    assert announced.order < indicated.order


@pytest.mark.parametrize(
    "phrase", ["maintains around", "are underway", "is currently not a top priority"]
)
def test_states_hold_at_publication(seed_article, seed_timeline, phrase):
    row = event_at(seed_timeline, seed_article.text, phrase)
    assert row.kind == "state"
    assert holds_at_publication(row), (phrase, row.earliest, row.latest)


def test_numbers_are_never_dates(seed_article):
    found = timeline.find_timexes(seed_article)
    assert not found.text.str.contains(r"2,500|1,000|\b500\b|\b000\b", regex=True).any()


def test_without_publication_date_year_stays_unknown(seed_article):
    undated = timeline.Article(seed_article.text)
    found = timeline.find_timexes(undated)
    feb1 = found[found.text == "February 1"].iloc[0]
    assert feb1.value == "XXXX-02-01"
    assert pd.isna(feb1.earliest) and pd.isna(feb1.latest)
    df = timeline.build_timeline(undated)
    signed = event_at(df, seed_article.text, "Trump signed")
    assert signed.value == "XXXX-02-01"
    assert pd.isna(signed.earliest) and pd.isna(signed.latest)


def test_same_output_every_run(seed_article):
    first = timeline.build_timeline(seed_article)
    second = timeline.build_timeline(seed_article)
    pd.testing.assert_frame_equal(first, second)


def test_actors_are_named_in_full(seed_article, seed_timeline):
    text, df = seed_article.text, seed_timeline
    assert event_at(df, text, "Hussein revealed").actors == ["Fuad Hussein"]
    assert event_at(df, text, "Schenker emphasized").actors == ["David Schenker"]
    assert event_at(df, text, "Sudani has indicated").actors == ["Mohammed Shia al-Sudani"]


def test_complement_date_does_not_date_the_governing_verb(seed_article, seed_timeline):
    text, df = seed_article.text, seed_timeline
    assert pd.isna(event_at(df, text, "He expected").timex)
    assert event_at(df, text, "convene an emergency meeting").timex == "the coming days"
