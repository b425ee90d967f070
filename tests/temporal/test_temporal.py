"""timeline.temporal: the find/find_timexes contract, the seed article, the scanner."""

import datetime as dt

import pandas as pd
import pytest

import timeline
from timeline import errors, schema, temporal
from timeline.temporal import rulebook as rules
from timeline.temporal.scanner import scanner

REF = dt.date(2025, 2, 28)


def by_text(found):
    return {t.text: t for t in found}


def test_seed_timexes(seed_article):
    found = by_text(temporal.find(seed_article.text, REF))
    feb1 = found["February 1"]
    assert (feb1.type, feb1.value, feb1.precision) == ("DATE", "2025-02-01", "day")
    assert feb1.earliest == feb1.latest == dt.date(2025, 2, 1)
    coming = found["the coming days"]
    assert (coming.value, coming.earliest, coming.latest) == (
        "FUTURE_REF",
        REF,
        dt.date(2025, 3, 14),
    )
    assert found["currently"].value == "PRESENT_REF"
    assert not any(ch.isdigit() for t in found.values() if t.text != "February 1" for ch in t.text)


def test_without_reference_nothing_is_filled_in(seed_article):
    found = by_text(temporal.find(seed_article.text, None))
    feb1 = found["February 1"]
    assert feb1.value == "XXXX-02-01" and feb1.earliest is None and feb1.latest is None
    assert found["the coming days"].earliest is None


def test_find_sorted_non_overlapping_with_rule_ids(seed_article):
    found = temporal.find(seed_article.text + " Last week, two years ago, and on Feb. 3 2024.", REF)
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    known = {r.id for r in rules.load_rules()}
    assert all(t.rule in known for t in found)


def test_find_timexes_frame_schema_and_article_published():
    article = timeline.Article("He left on Feb. 3 and returns next week.", published="2025-02-28")
    df = timeline.find_timexes(article)
    schema.validate(df, schema.TIMEX)
    assert df.columns.tolist() == schema.TIMEX.names
    assert df.value.tolist() == ["2025-02-03", "2025-W10"]
    assert df.earliest.tolist() == [pd.Timestamp("2025-02-03"), pd.Timestamp("2025-03-03")]
    overridden = timeline.find_timexes(article, published="2024-02-28")
    assert overridden.value.tolist()[0] == "2024-02-03"


def test_find_timexes_rejects_bad_text():
    with pytest.raises(errors.ArticleError):
        timeline.find_timexes("   ")


def test_empty_result_has_schema():
    df = timeline.find_timexes("Nothing temporal here.", published="2025-02-28")
    assert df.empty and df.columns.tolist() == schema.TIMEX.names


@pytest.mark.parametrize(
    "text",
    [
        "2,500 troops",
        "$10 a share",
        "10% of 1,000",
        "you may go",
        "the March of Dimes",
        "1600 Pennsylvania Avenue",
        "a 9-year-old girl",
    ],
)
def test_numbers_and_words_are_not_dates(text):
    assert temporal.find(text, REF) == []


def test_deterministic_and_independent_of_today(seed_article):
    first = timeline.find_timexes(seed_article)
    second = timeline.find_timexes(seed_article)
    pd.testing.assert_frame_equal(first, second)


def test_dispatch_gives_the_same_matches_as_the_full_alternation(seed_article):
    text = (
        seed_article.text
        + " "
        + " ".join(
            str(example.get("text")) for rule in rules.load_rules() for example in rule.examples
        )
    )
    scan = scanner()
    dispatched = [m.span() for _, _, m in scan.scan(text)]
    plain = [m.span() for m in scan.pattern.finditer(text)]
    assert dispatched == plain


def test_far_dates_have_open_timestamps():
    df = timeline.find_timexes("In the 11th century monks wrote.", published="2025-02-28")
    assert df.value.tolist() == ["10"] and df.earliest.isna().all()


def test_vague_window_table():
    assert rules.vague_window("coming_days") == (0, 14)
    assert all(before >= 0 and after >= 0 for before, after in rules.vague_windows().values())
    with pytest.raises(errors.RuleError):
        rules.vague_window("nope")


def test_rule_loader_reports_unknown_fragment(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "family: x\nrules:\n  - {id: r1, pattern: '{nope}', type: DATE, norm: date}\n"
    )
    with pytest.raises(errors.RuleError, match=r"bad.yaml: rule r1: unknown fragment \{nope\}"):
        rules.load_rules(str(tmp_path))


def test_anchored_only_when_the_value_comes_from_the_reference_date():
    found = by_text(
        temporal.find("On Feb. 1, 2025 and on February 3 and last week it rained.", REF)
    )
    assert not found["Feb. 1, 2025"].anchored
    assert found["February 3"].anchored and found["last week"].anchored


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Lind said on KZQ\'s "This Week" that talks go on.', []),
        ("He spoke on CBS's ``60 Minutes'' last night.", ["last night"]),
        ("Fed To Meet Next Week", ["Next Week"]),
        ("The vote is next week.", ["next week"]),
    ],
)
def test_capitalized_unit_in_running_text_is_a_title(text, expected):
    assert [t.text for t in temporal.find(text, REF)] == expected


def test_a_report_compares_with_its_reporting_quarter_a_year_before():
    """'a year earlier' paragraphs after the lead takes the quarter the report leads with;
    after 'the nine months' it is the year; after 'the 1988 period' 'year-ago' is that period."""
    filler = " Costs fell in several markets." * 20
    text = (
        "Third-quarter fees grew 4%."
        + filler
        + " Rents were $5, up from $4 a year earlier."
        + filler
        + " For the nine months, fees were $12, versus $10 a year earlier."
        " Fees were $12, compared with $10 for the 1988 period. The year-ago figures reflected a refund."
    )
    values = [(t.text, t.value) for t in temporal.find(text, dt.date(1989, 10, 26))]
    assert values == [
        ("Third-quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
        ("the nine months", "P9M"),
        ("a year earlier", "1988"),
        ("the 1988 period", "1988"),
        ("year-ago", "1988"),
    ]


def test_a_date_after_ended_lies_before_the_reference_date():
    found = temporal.find(
        "During the fiscal year ended Jan. 31, rents climbed.", dt.date(1989, 10, 31)
    )
    assert [(t.text, t.value) for t in found] == [
        ("the fiscal year", "P1Y"),
        ("Jan. 31", "1989-01-31"),
    ]


@pytest.mark.parametrize("days", range(7))
@pytest.mark.parametrize(
    "text",
    [
        "Tuesday's decision surprised markets.",
        "Markets will react to Tuesday's decision.",
        "Markets will react to Tuesday 's decision .",
    ],
)
def test_possessive_weekday_value_and_bounds_agree(text, days):
    """A possessive weekday is a day gone by (or today), and its bounds are that day."""
    reference = dt.date(2025, 3, 10) + dt.timedelta(days=days)
    (found,) = temporal.find(text, reference)
    day = dt.date.fromisoformat(found.value)
    assert found.earliest == day == found.latest
    assert 0 <= (reference - day).days <= 6 and day.isoweekday() == 2


def test_tokenized_text_reads_as_written():
    """One spacing mechanism: every value of the written text, with spaces around its punctuation."""
    written = (
        "BERLIN, March 06, 2008. Talks resume Jan. 5; at 10:30 p.m. (EST) the U.S.'s envoy left."
    )
    spaced = "BERLIN , March 06 , 2008 . Talks resume Jan . 5 ; at 10 : 30 p.m. ( EST ) the U.S. 's envoy left ."
    reference = dt.date(2008, 3, 6)
    expected = [
        ("2008-03-06", "date_mdy"),
        ("2009-01-05", "date_mdy"),  # "resume": a scheduled present, so the next Jan. 5
        ("2008-03-06T22:30", "time_clock"),
    ]
    assert [(t.value, t.rule) for t in temporal.find(written, reference)] == expected
    assert [(t.value, t.rule) for t in temporal.find(spaced, reference)] == expected
