"""Most-likely dates: inside the proven bounds, deterministic, nothing mutated, in the frame
and its exports."""

import copy
import datetime as dt

import pandas as pd
import pytest

import timeline
from timeline.errors import RuleError
from timeline.ordering import likely

PUB = dt.date(2025, 2, 28)
SAID = dict(
    event_class="REPORTING",
    tense="past",
    aspect="none",
    modality="asserted",
    value=None,
    rule="tense_past",
    publication="before",
    earliest=None,
    latest=PUB,
)


def test_an_undated_past_report_is_probably_the_day_before_publication_or_that_day():
    got = likely.estimate(SAID, PUB)
    assert got.basis.startswith("reporting_past (TimeBank")
    assert got.latest == PUB and (got.latest - got.earliest).days + 1 <= 3
    assert got.earliest <= got.likely <= got.latest


def test_the_estimate_never_leaves_the_proven_bounds():
    early = {**SAID, "earliest": dt.date(2025, 2, 1), "latest": dt.date(2025, 2, 20)}
    got = likely.estimate(early, PUB)
    # the past-report distribution holds too few events that far back: no estimate
    assert got == likely.NONE or early["earliest"] <= got.earliest <= got.latest <= early["latest"]


def test_a_proven_day_is_its_own_estimate_and_no_publication_date_means_no_estimate():
    day = dt.date(2025, 2, 1)
    assert likely.estimate({**SAID, "earliest": day, "latest": day}, None).basis == "proven"
    assert likely.estimate(SAID, None) == likely.NONE


def test_nothing_given_is_changed():
    row = dict(SAID)
    table = likely.model()
    before = copy.deepcopy(table)
    likely.estimate(row, PUB, table)
    assert row == SAID and table == before


def test_interval_is_the_narrowest_run_around_the_mode_holding_the_coverage():
    assert likely.interval({-1: 30, 0: 60, 5: 10}, coverage=0.8) == (0, -1, 0, 100)
    assert likely.interval({-1: 30, 0: 60, 5: 10}, coverage=0.95) == (0, -1, 5, 100)
    assert likely.interval({-1: 3, 0: 6}, min_samples=10) is None


def test_a_kind_with_few_events_borrows_the_shape_of_the_pool():
    kinds = [
        {"id": "rare", "when": [{"tense": ["present"]}], "offsets": {0: 3}},
        {"id": "many", "when": [{}], "offsets": {-1: 40, 0: 50, -9: 10}},
        {"id": "planned", "when": [{"tense": ["future"]}], "offsets": {5: 99}, "estimate": False},
    ]
    settings = {"coverage": 0.8, "min_samples": 10, "source": "t", "kinds": kinds}
    rare = {**SAID, "tense": "present"}
    # alone, three events are too few; shrunk toward the pool (the planned kind left out of it)
    assert likely.estimate(rare, PUB, likely.check_model(settings)) == likely.NONE
    got = likely.estimate(rare, PUB, likely.check_model({**settings, "shrinkage": 10}))
    assert (got.likely, got.earliest, got.latest, got.basis) == (
        PUB,
        PUB - dt.timedelta(days=1),
        PUB,
        "rare (t, n=3)",
    )
    # a kind without one event of its own gets nothing from the pool alone
    empty = [{**kinds[0], "offsets": {}}, *kinds[1:]]
    shrinking = {**settings, "shrinkage": 10, "kinds": empty}
    assert likely.estimate(rare, PUB, likely.check_model(shrinking)) == likely.NONE
    # a kind of hundreds hardly moves: the same interval with or without the pool
    plain = likely.estimate(SAID, PUB, likely.check_model(settings))
    assert likely.estimate(SAID, PUB, likely.check_model({**settings, "shrinkage": 10})) == plain


def test_a_malformed_model_names_the_kind_and_field():
    with pytest.raises(RuleError, match="kind 'k': offsets"):
        likely.check_model(
            {
                "coverage": 0.8,
                "min_samples": 1,
                "source": "s",
                "kinds": [{"id": "k", "offsets": {"a": 1}}],
            }
        )


@pytest.fixture(scope="module")
def seed():
    article = timeline.read_article("seeds/000_03aee5fa6f29c944.txt")
    return timeline.build_timeline(article), article


def test_seed_likely_columns_lie_inside_the_proven_bounds(seed):
    df, _ = seed
    est = df[df.likely.notna()]
    assert len(est) > len(df) / 2
    assert (est.likely_earliest <= est.likely).all() and (est.likely <= est.likely_latest).all()
    inside_low = est.earliest.isna() | (est.earliest <= est.likely_earliest)
    inside_high = est.latest.isna() | (est.likely_latest <= est.latest)
    assert inside_low.all() and inside_high.all()
    assert set(df.loc[df.likely.isna(), "likely_basis"]) <= {"none"}


def test_seed_when_says_probably_then_certainly(seed):
    df, _ = seed
    stated = df.loc[df.trigger == "stated", "when"].iloc[0]
    assert stated.startswith("probably ") and stated.endswith("(certainly by 28 Feb)")


def test_likely_columns_survive_export(seed, tmp_path):
    df, _ = seed
    for suffix in (".csv", ".json"):
        path = tmp_path / f"t{suffix}"
        timeline.write_timeline(df, path)
        back = timeline.read_timeline(path)
        pd.testing.assert_series_equal(back.likely_latest, df.likely_latest)
        assert back.likely_basis.tolist() == df.likely_basis.tolist()


def _past_row(i, trigger, guess, low, high):
    T = pd.Timestamp
    return dict(
        event_id=f"a-e{i}",
        article_id="a",
        sentence=i,
        start=0,
        end=1,
        text="x",
        trigger=trigger,
        trigger_start=0,
        trigger_end=1,
        actors=["Acme Corp"],
        kind="action",
        modality="asserted",
        earliest=pd.NaT,
        latest=T("2010-07-17"),
        precision="unknown",
        basis="inferred",
        rule="tense_past",
        order=i,
        event_class="OCCURRENCE",
        tense="past",
        aspect="none",
        newsworthy=True,
        likely=T(guess),
        likely_earliest=T(low),
        likely_latest=T(high),
        likely_basis="past (TimeBank, n=1)",
    )


def test_to_semeval_takes_a_one_day_likely_date_where_the_proven_one_is_open():
    from timeline.schema import TIMELINE, conform

    rows = [
        _past_row(0, "sold", "2010-07-16", "2010-07-16", "2010-07-16"),
        _past_row(1, "bought", "2010-07-16", "2010-07-14", "2010-07-17"),
    ]
    text = timeline.to_semeval(conform(rows, TIMELINE), "Acme Corp", published="2010-07-17")
    lines = dict(line.split("\t")[::-1][:2] for line in text.splitlines()[1:])
    assert lines == {"a-0-sold": "2010-07-16", "a-1-bought": "XXXX-XX-XX"}


# invented reports: a dated occasion, then what happened at it in later sentences
MATCH = (
    "The Harbour Rovers beat the Lakeside Kites 2-1 on Sunday. Marla Quist scored twice. "
    "The coach praised the defence. On Monday the league fined the Kites. Fans cheered."
)
TUESDAY, SUNDAY, MONDAY = dt.date(2025, 7, 8), dt.date(2025, 7, 6), dt.date(2025, 7, 7)


def _rows(text, published):
    frame = timeline.build_timeline(timeline.Article(text, id="d", published=published))
    return {(r.trigger, r.trigger_start, r.trigger_end): r for r in frame.itertuples()}


def test_an_event_told_after_a_dated_occasion_is_likely_on_its_day_never_proven():
    rows = _rows(MATCH, TUESDAY)
    scored = rows[("scored", 70, 76)]
    assert scored.likely_basis.startswith("occasion (TimeBank")
    assert scored.likely_earliest.date() <= SUNDAY == scored.likely.date()
    assert scored.likely_latest.date() <= TUESDAY
    assert pd.isna(scored.earliest) and scored.latest.date() == TUESDAY  # the proof is unchanged
    assert rows[("praised", 94, 101)].likely.date() == SUNDAY
    # a sentence with its own date opens the next occasion
    assert rows[("cheered", 158, 165)].likely.date() == MONDAY


@pytest.mark.parametrize(
    "text, published, trigger",
    [
        # the occasion lies beyond the window before publication: no occasion of the report
        (
            "The Rovers beat the Kites on July 6. Quist scored twice.",
            dt.date(2025, 9, 8),
            ("scored", 43, 49),
        ),
        # a present tense tells no event of the occasion
        (
            "The Rovers beat the Kites on Sunday. Quist leads the league.",
            TUESDAY,
            ("leads", 43, 48),
        ),
        # a pluperfect reaches back before it
        (
            "The Rovers beat the Kites on Sunday. Quist had scored twice.",
            TUESDAY,
            ("scored", 47, 53),
        ),
        # a later sentence with a date of its own (a month: no one day) ends the occasion
        (
            "The Rovers beat the Kites on Sunday. In May the club signed Quist. She scored.",
            TUESDAY,
            ("scored", 71, 77),
        ),
    ],
)
def test_no_occasion_for(text, published, trigger):
    row = _rows(text, published)[trigger]
    assert not str(row.likely_basis).startswith("occasion")


def test_occasions_follow_sentences_not_row_order():
    pub = dt.date(2025, 7, 8)
    day = dict(timex="on Sunday", earliest=SUNDAY, latest=SUNDAY, tense="past", aspect="none")
    told = dict(timex=None, earliest=None, latest=pub, tense="past", aspect="none")
    told |= {"modality": "asserted"}
    rows = [
        dict(told, sentence=1, trigger_start=40),
        dict(day, sentence=0, trigger_start=5, modality="asserted"),
        dict(told, sentence=2, trigger_start=60, modality="negated"),
    ]
    assert likely.occasions(rows, pub) == [SUNDAY, None, None]
    assert likely.occasions(rows, None) == [None, None, None]


def test_the_occasion_interval_stays_inside_the_proven_bounds():
    row = {**SAID, "occasion": dt.date(2025, 2, 20), "earliest": dt.date(2025, 2, 22)}
    got = likely.estimate(row, PUB)
    assert not got.basis.startswith("occasion")  # the proof puts it after the occasion
    assert likely.told_after(row, PUB) is None


def test_a_malformed_occasion_section_is_named():
    table = {**likely.model(), "occasion": {"window": 7, "when": [{"colour": ["red"]}]}}
    with pytest.raises(RuleError, match="kind 'occasion': unknown field 'colour'"):
        likely.check_model(table, "t")
    with pytest.raises(RuleError, match="occasion: window must be a number of days"):
        likely.check_model({**table, "occasion": {"window": "week"}}, "t")


# invented: what someone said after the occasion may have been said the day after it (quoted on
# the day of the wire); an act told after it happened at it
SPEECH = (
    "The Harbour Rovers beat the Lakeside Kites 2-1 on Sunday. Marla Quist scored twice. "
    "The coach said the defence was superb."
)


def test_speech_told_after_an_occasion_takes_the_day_after_too_an_act_only_its_day():
    rows = _rows(SPEECH, TUESDAY)
    said, scored = rows[("said", 94, 98)], rows[("scored", 70, 76)]
    assert (said.likely.date(), said.likely_earliest.date(), said.likely_latest.date()) == (
        SUNDAY,
        SUNDAY,
        MONDAY,
    )
    assert (scored.likely_earliest.date(), scored.likely_latest.date()) == (SUNDAY, SUNDAY)
    assert said.likely_basis == scored.likely_basis == "occasion (TimeBank, n=27)"


@pytest.mark.parametrize(
    "published, latest, expected",
    [
        # the day after the occasion is publication: the interval ends there
        (dt.date(2025, 2, 24), dt.date(2025, 2, 24), (dt.date(2025, 2, 23), dt.date(2025, 2, 24))),
        # proven by the occasion's day: the interval is cut at the proof
        (dt.date(2025, 2, 24), dt.date(2025, 2, 23), (dt.date(2025, 2, 23), dt.date(2025, 2, 23))),
        # several days before publication: still the occasion and the day after only
        (dt.date(2025, 2, 28), dt.date(2025, 2, 28), (dt.date(2025, 2, 23), dt.date(2025, 2, 24))),
    ],
)
def test_the_speech_interval_is_cut_at_publication_and_the_proof(published, latest, expected):
    row = {**SAID, "occasion": dt.date(2025, 2, 23), "latest": latest}
    got = likely.estimate(row, published)
    assert (got.earliest, got.latest) == expected
    assert got.likely == dt.date(2025, 2, 23)


def test_a_malformed_class_of_occasion_days_is_named():
    table = likely.model()
    speech = {"id": "speech", "when": [{"event_class": ["REPORTING"]}], "days": 2}
    broken = [
        ({**speech, "colour": 1}, "'speech': unknown key 'colour'"),
        ({**speech, "days": 0}, "'speech': days must be a whole number >= 1"),
        ({**speech, "when": [{"mood": ["x"]}]}, "kind 'occasion speech': unknown field 'mood'"),
        ({"days": 1}, "a class without an id"),
    ]
    for span, message in broken:
        occasion = {**table["occasion"], "days": [span]}
        with pytest.raises(RuleError, match=message):
            likely.check_model({**table, "occasion": occasion}, "t")
