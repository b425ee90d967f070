"""The ordering stage on hand-made events: rules corpus, propagation, order, conflicts."""

import datetime as dt
import re
from dataclasses import replace

import pandas as pd
import pytest
from checks.ordering import by_trigger, make_events, timex

import timeline
from timeline import ordering, settings
from timeline.model import Event, TimeExpr
from timeline.ordering.network import Network

PUB = dt.date(2025, 2, 28)


# --- the network ------------------------------------------------------------------------------


def test_network_propagates_and_rejects_contradictions():
    net = Network(4)
    assert net.add(0, 1, 5, "a", "x1 <= 5") is None
    assert net.add(1, 2, 0, "b", "x2 <= x1") is None
    assert net.add(2, 3, 0, "c", "x3 <= x2") is None
    assert net.upper(3) == 5
    conflict = net.add(3, 0, -6, "d", "x3 >= 6")
    assert conflict is not None
    assert [c.rule for c in conflict.involved] == ["a", "b", "c"]
    assert net.upper(3) == 5 and net.lower(3) == -float(
        "inf"
    )  # the rejected constraint left no trace


def test_network_never_holds_a_contradiction():
    import random

    rng = random.Random(7)
    for _ in range(30):
        net = Network(8)
        for _ in range(40):
            a, b = rng.sample(range(8), 2)
            net.add(a, b, rng.randint(-5, 5), "r", "random")
        assert (net.dist.diagonal() == 0).all()
        assert all(net.lower(p) <= net.upper(p) for p in range(1, 8))
        for conflict in net.conflicts:  # each rejection names a real contradiction
            c = conflict.rejected
            assert sum(x.weight for x in conflict.involved) + c.weight < 0


# --- solving --------------------------------------------------------------------------------

SEEDLIKE = (
    "The coalition is set to hold an emergency meeting about a recent phone call with Rubio. "
    "Following the conversation, the State Department released a statement. "
    "On February 1, Trump signed a memorandum. "
    "Hussein revealed that Washington has pressured Baghdad. "
    "The US maintains troops in Iraq. "
    "He expected the coalition to convene a meeting in the coming days."
)


def seedlike(reference=PUB):
    text = SEEDLIKE
    spec = {
        "hold": {"modality": "expected", "tense": "present", "kind": "plan"},
        "meeting": {},
        "call": {},
        "conversation": {},
        "released": {"tense": "past"},
        "statement": {},
        "signed": {"tense": "past"},
        "revealed": {"tense": "past", "kind": "statement", "event_class": "REPORTING"},
        "pressured": {"tense": "present", "aspect": "perfective"},
        "maintains": {"tense": "present", "kind": "state", "event_class": "STATE"},
        "expected": {"tense": "past", "kind": "statement"},
        "convene": {"modality": "expected", "kind": "plan"},
    }
    events = make_events(text, spec)
    events[by_trigger(events, "pressured")].source = by_trigger(events, "revealed")
    events[by_trigger(events, "convene")].source = by_trigger(events, "expected")
    known = reference is not None
    tx = [
        timex(
            text,
            "recent",
            "PAST_REF",
            reference - dt.timedelta(30) if known else None,
            reference if known else None,
            "vague",
            "recent_1",
            anchored=known,
        ),
        timex(
            text,
            "February 1",
            "2025-02-01" if known else "XXXX-02-01",
            dt.date(2025, 2, 1) if known else None,
            dt.date(2025, 2, 1) if known else None,
            "day",
            "date_md",
        ),
        timex(
            text,
            "in the coming days",
            "FUTURE_REF",
            reference if known else None,
            reference + dt.timedelta(14) if known else None,
            "vague",
            "coming_1",
            anchored=known,
        ),
    ]
    result = ordering.solve(events, tx, reference, text)
    return text, list(result.events), tx, {e.trigger: b for e, b in zip(events, result.bounds)}


def test_seedlike_bounds_and_order():
    text, events, tx, b = seedlike()
    assert (b["signed"].earliest, b["signed"].latest, b["signed"].basis, b["signed"].rule) == (
        dt.date(2025, 2, 1),
        dt.date(2025, 2, 1),
        "explicit",
        "date_md",
    )
    assert events[by_trigger(events, "signed")].timex == 1
    assert (
        b["call"].earliest == PUB - dt.timedelta(30)
        and b["call"].latest == PUB
        and b["call"].basis == "relative"
    )
    assert b["released"].earliest >= b["call"].earliest and b["released"].latest <= PUB
    assert b["released"].order > b["call"].order and b["released"].rule == "cue_following"
    assert b["hold"].earliest == PUB and b["meeting"].earliest == PUB  # the meeting is what is held
    assert b["convene"].earliest == PUB and b["convene"].latest == PUB + dt.timedelta(14)
    assert b["pressured"].latest <= PUB and b["pressured"].order < b["revealed"].order
    assert b["maintains"].earliest is None and b["maintains"].latest is None
    assert b["maintains"].basis == "inferred" and b["maintains"].rule == "tense_present_state"
    assert sorted(x.order for x in b.values()) == list(range(1, len(events) + 1))
    assert all(x.warning is None for x in b.values())


def test_without_publication_date_nothing_is_filled_in():
    text, events, tx, b = seedlike(reference=None)
    assert b["signed"].earliest is None and b["signed"].latest is None
    assert b["released"].order > b["call"].order and b["pressured"].order < b["revealed"].order
    assert (
        b["convene"].order > b["released"].order
    )  # future after past, relative to the unknown date
    assert b["released"].basis in ("relative", "inferred")


def test_full_date_bounds_unknown_publication_and_says_so():
    text = "On February 1, 2025, Trump signed a memorandum. Iraq maintains troops."
    events = make_events(
        text, {"signed": {"tense": "past"}, "maintains": {"tense": "present", "kind": "state"}}
    )
    tx = [timex(text, "February 1, 2025", "2025-02-01", dt.date(2025, 2, 1), dt.date(2025, 2, 1))]
    bounds = ordering.solve(events, tx, None, text).bounds
    assert bounds[0].earliest == bounds[0].latest == dt.date(2025, 2, 1)
    assert "publication date unknown: inferred on or after 2025-02-01" in bounds[0].warning


def test_published_before_a_reported_past_date_is_a_named_warning():
    text = "On February 1, Trump signed a memorandum."
    events = make_events(text, {"signed": {"tense": "past"}})
    tx = [timex(text, "February 1", "2025-02-01", dt.date(2025, 2, 1), dt.date(2025, 2, 1))]
    bound = ordering.solve(events, tx, dt.date(2025, 1, 15), text).bounds[0]
    assert (
        "2025-01-15" in bound.warning
        and "2025-02-01" in bound.warning
        and "conflict" in bound.warning
    )
    assert bound.earliest <= bound.latest


def test_contradicting_cue_is_a_conflict_not_a_silent_fix():
    text = (
        "On February 20, Rubio made a call. "
        "On February 10, following the call, State released a statement."
    )
    events = make_events(
        text, {"made": {"tense": "past"}, "call": {}, "released": {"tense": "past"}}
    )
    tx = [
        timex(text, "February 20", "2025-02-20", dt.date(2025, 2, 20), dt.date(2025, 2, 20)),
        timex(text, "February 10", "2025-02-10", dt.date(2025, 2, 10), dt.date(2025, 2, 10)),
    ]
    bounds = ordering.solve(events, tx, PUB, text).bounds
    released = bounds[by_trigger(events, "released")]
    assert released.earliest == released.latest == dt.date(2025, 2, 10)
    assert (
        "conflict" in released.warning
        and "cue_following" in released.warning
        and "February 20" in released.warning
    )
    assert all(b.earliest <= b.latest for b in bounds if b.earliest and b.latest)


def test_in_turn_orders_nothing():
    text = "Bruce confirmed the talks. In turn, Schenker remarked that Iraq matters."
    events = make_events(text, {"confirmed": {"tense": "past"}, "remarked": {"tense": "past"}})
    result = ordering.solve(events, [], PUB, text)
    bounds = result.bounds
    assert [b.order for b in bounds] == [1, 2]  # text order, no cue constraint
    assert ("cue_in_turn", None) in result.events[1].cues
    assert events[1].cues == []  # the events given are left unchanged
    assert bounds[1].rule == "tense_past"


def test_empty_and_deterministic():
    assert ordering.solve([], [], PUB, "").bounds == ()
    first = seedlike()[3]
    second = seedlike()[3]
    assert first == second


def test_long_articles_are_solved_in_blocks_with_one_total_order(monkeypatch):
    text = " ".join(
        f"On February {d}, 2025, Rubio met Sudani. Iraq maintains troops." for d in range(1, 21)
    )
    events = []
    for m in re.finditer(r"met|maintains", text):
        sentence = text.count(".", 0, m.start())
        fields = {"tense": "past"} if m.group() == "met" else {"tense": "present", "kind": "state"}
        start = text.rfind(".", 0, m.start()) + 1
        events.append(
            Event(sentence, start, text.find(".", m.end()), m.group(), m.start(), m.end(), **fields)
        )
    tx = []
    for m in re.finditer(r"February (\d+), 2025", text):
        day = dt.date(2025, 2, int(m.group(1)))
        tx.append(
            TimeExpr(
                m.start(), m.end(), m.group(), "DATE", day.isoformat(), day, day, "day", "date_mdy"
            )
        )
    whole = ordering.solve([replace(e) for e in events], tx, PUB, text).bounds
    monkeypatch.setattr(settings, "BLOCK_EVENTS", 7)
    blocked = ordering.solve([replace(e) for e in events], tx, PUB, text).bounds
    assert [b.earliest for b in blocked] == [b.earliest for b in whole]
    assert sorted(b.order for b in blocked) == list(range(1, len(events) + 1))
    met = [b for e, b in zip(events, blocked) if e.trigger == "met"]
    assert [b.order for b in met] == sorted(b.order for b in met)  # 1 February ... 20 February


def test_an_event_anchored_in_a_range_spans_it():
    text = "The club rented boats from Jan. 26 to Feb. 20 by the week."
    events = make_events(text, {"rented": {"tense": "past"}})
    tx = [
        timex(text, "Jan. 26", "2025-01-26", dt.date(2025, 1, 26), dt.date(2025, 1, 26)),
        timex(text, "Feb. 20", "2025-02-20", dt.date(2025, 2, 20), dt.date(2025, 2, 20)),
    ]
    bound = ordering.solve(events, tx, PUB, text).bounds[0]
    assert (bound.earliest, bound.latest) == (dt.date(2025, 1, 26), dt.date(2025, 2, 20))
    assert (
        ordering.relation_to(bound.earliest, bound.latest, dt.date(2025, 2, 20)) is None
    )  # not BEFORE its end


def test_relation_to_publication_orders_same_day_events_by_tense():
    day = dt.date(2025, 2, 28)
    assert ordering.relation_to(day, day, day, moment=True, lean="BEFORE") == "BEFORE"
    assert ordering.relation_to(day, day, day) == "OVERLAP"  # a day holds a same-day event
    assert ordering.relation_to(None, day, day) is None  # may end that day or before


def test_a_present_state_is_not_dated_by_a_past_expression():
    from timeline.ordering import anchoring

    text = "That 1968 charter calls for a recount. In 1968 the council adopted it."
    events = make_events(text, {"calls": {"tense": "present"}, "adopted": {"tense": "past"}})
    tx = [timex(text, "1968", "1968", dt.date(1968, 1, 1), dt.date(1968, 12, 31), "year")]
    tx.append(
        TimeExpr(
            text.index("In 1968") + 3,
            text.index("In 1968") + 7,
            "1968",
            "DATE",
            "1968",
            dt.date(1968, 1, 1),
            dt.date(1968, 12, 31),
            "year",
            "test_rule",
        )
    )
    anchoring.attach(events, tx, text, PUB)
    assert events[0].timex is None  # 'calls' holds now, not in 1968
    assert events[1].timex == 1  # 'adopted' happened in 1968


def test_a_cue_in_one_block_never_relates_events_of_the_next(monkeypatch):
    """Blocks see only their own stretch of text: "after meeting" in the first sentence must
    not be read against the first sentence of the next block."""
    from timeline import events as event_stage
    from timeline import temporal
    from timeline.io import segment

    text = "Sudani resigned after meeting Rubio. Analysts say he appeared tired."
    found = temporal.find(text, PUB)
    extracted = event_stage.extract(text, segment.sentences(text))
    whole = ordering.solve([replace(e) for e in extracted], found, PUB, text).bounds
    monkeypatch.setattr(settings, "BLOCK_EVENTS", 1)
    blocked_events = [replace(e) for e in extracted]
    blocked_result = ordering.solve(blocked_events, found, PUB, text)
    blocked = blocked_result.bounds
    second = [i for i, e in enumerate(blocked_events) if e.sentence == 1]
    assert second and all(not blocked_result.events[i].cues for i in second)
    assert [(b.rule, b.earliest, b.latest) for b in blocked] == [
        (b.rule, b.earliest, b.latest) for b in whole
    ]


def test_a_when_clause_after_a_date_is_set_at_that_date():
    from timeline.ordering import anchoring

    text = (
        "The last swap took place on May 23, when 390 people were released. "
        "Talks resumed when it rained."
    )
    events = make_events(
        text,
        {"took": {"tense": "past"}, "released": {"tense": "past"}, "resumed": {"tense": "past"}},
        clauses={
            "took": "The last swap took place on May 23",
            "released": "when 390 people were released",
        },
    )
    tx = [timex(text, "May 23", "2024-05-23", dt.date(2024, 5, 23), dt.date(2024, 5, 23))]
    anchoring.attach(events, tx, text, PUB)
    assert [(e.trigger, e.timex) for e in events] == [
        ("took", 0),
        ("released", 0),
        ("resumed", None),
    ]


def test_an_offset_dates_the_event_end_to_end():
    import timeline

    text = "The strike began on March 3 and ended two weeks later."
    frame = timeline.build_timeline(timeline.Article(text, id="a", published="2025-04-08"))
    ended = frame[frame.trigger == "ended"].iloc[0]
    assert (ended.earliest.date(), ended.latest.date(), ended.rule) == (
        dt.date(2025, 3, 17),
        dt.date(2025, 3, 17),
        "offset_duration",
    )


def test_a_date_right_after_a_verb_inside_the_subject_is_that_verbs():
    import timeline

    text = "Farmers say that aid promised in mid-January has still not arrived."
    frame = timeline.build_timeline(
        timeline.Article(text, id="a", published="2025-03-19")
    ).set_index("trigger")
    assert (frame.loc["promised", "timex"], frame.loc["promised", "rule"]) == (
        "mid-January",
        "date_month",
    )
    assert frame.loc["arrived", ["timex", "rule"]].tolist()[1] == "tense_present_perfect"
    assert frame["timex"].isna()["arrived"]


@pytest.mark.parametrize(
    "text, dated, undated",
    [
        # a comma closes the inserted phrase and a finite verb follows the date: the phrase's
        # verbs are not dated by it (nor, measured and left, is the finite verb)
        (
            "The mayor, a rival widely said to be weighing a run, in March was "
            "fined for misusing funds.",
            None,
            ["weighing", "said", "misusing", "fined"],
        ),
        (
            "The mayor, who was said to be planning a run, in January resigned.",
            "resigned",
            ["planning"],
        ),
        # negatives: no comma (the date is the participle's), no finite verb after the date
        ("Aid promised in mid-January has still not arrived.", "promised", ["arrived"]),
        ("The aid, promised in mid-January, has still not arrived.", "promised", ["arrived"]),
        ("He signed the bill, on Monday, and left.", "signed", ["left"]),
    ],
)
def test_a_date_after_an_inserted_phrase_before_a_finite_verb_is_not_the_phrases(
    text, dated, undated
):
    import timeline

    frame = timeline.build_timeline(
        timeline.Article(text, id="a", published="2015-02-20")
    ).set_index("trigger")
    if dated is not None:
        span = re.search(r"January|mid-January|Monday|Sunday", text).group(0)
        assert frame.loc[dated, "timex"] == span
    assert frame["timex"].isna()[undated].all()


def test_a_date_after_a_counted_from_event_is_that_events():
    import timeline

    text = "The minister resigned three days after the vote on May 4."
    frame = timeline.build_timeline(
        timeline.Article(text, id="a", published="2025-06-01")
    ).set_index("trigger")
    assert (frame.loc["vote", "earliest"].date(), frame.loc["vote", "rule"]) == (
        dt.date(2025, 5, 4),
        "date_mdy",
    )
    assert (
        frame.loc["resigned", "earliest"].date(),
        frame.loc["resigned", "latest"].date(),
        frame.loc["resigned", "rule"],
    ) == (dt.date(2025, 5, 7), dt.date(2025, 5, 7), "offset_duration")


@pytest.mark.parametrize(
    "text, published, verb, earliest, latest",
    [
        (
            "The previous round was held in late October.",
            "2025-11-17",
            "held",
            "2025-10-21",
            "2025-10-31",
        ),
        (
            "Observers will publish their report in early December.",
            "2025-11-17",
            "publish",
            "2025-12-01",
            "2025-12-11",
        ),
        (
            "Inflation is expected to ease early next year.",
            "2025-11-19",
            "ease",
            "2026-01-01",
            "2026-05-02",
        ),
        (
            "The truce expires at the end of the month.",
            "2025-11-17",
            "expires",
            "2025-11-20",
            "2025-11-30",
        ),
        ("The plant was built in mid-2019.", "2025-11-17", "built", "2019-05-02", "2019-08-31"),
        (
            "The plant was built in 2019.",
            "2025-11-17",
            "built",
            "2019-01-01",
            "2019-12-31",
        ),  # no modifier
    ],
)
def test_a_modifier_narrows_an_anchoring_date_to_its_third(text, published, verb, earliest, latest):
    import timeline

    row = (
        timeline.build_timeline(timeline.Article(text, id="a", published=published))
        .set_index("trigger")
        .loc[verb]
    )
    assert (row["earliest"].date().isoformat(), row["latest"].date().isoformat()) == (
        earliest,
        latest,
    )


@pytest.mark.parametrize(
    "text, verb, earliest, latest, rule",
    [
        (
            "On Monday, the party said it would appeal within ten days.",
            "appeal",
            "2025-10-23",
            "2025-10-30",
            "offset_within",
        ),
        (
            "The regulator will rule within two weeks.",
            "rule",
            "2025-10-23",
            "2025-11-06",
            "offset_within",
        ),
        (
            "The army withdrew within ten days.",
            "withdrew",
            None,
            "2025-10-23",
            "tense_past",
        ),  # of what, unsaid
        (
            "The group was supposed to return them within 72 hours.",
            "return",
            "2025-10-23",
            None,
            "expected_untensed",
        ),
    ],
)
def test_an_event_ahead_due_within_a_duration_ends_by_then(text, verb, earliest, latest, rule):
    import timeline

    row = (
        timeline.build_timeline(timeline.Article(text, id="a", published="2025-10-23"))
        .set_index("trigger")
        .loc[verb]
    )

    def day(value):
        return None if value is None or value != value else value.date().isoformat()

    assert (day(row["earliest"]), day(row["latest"]), row["rule"]) == (earliest, latest, rule)


def test_a_date_before_a_report_is_the_reports_and_a_reported_past_state_holds_at_it():
    import timeline

    text = (
        "On Monday, officials said the army would withdraw. "
        "Earlier this month, the firm said it expected a loss."
    )
    frame = timeline.build_timeline(
        timeline.Article(text, id="a", published="2025-10-23")
    ).set_index("trigger")
    assert (
        frame.loc["withdraw", "timex"] is None
        or frame.loc["withdraw", "timex"] != frame.loc["withdraw", "timex"]
    )
    assert (
        frame.loc["withdraw", "earliest"].date().isoformat() == "2025-10-23"
    )  # ahead, not on Monday
    # "said it expected": the expecting holds when it is said (reported_past_state), not before
    # it, so the saying keeps its own date even though the expectation still holds
    said = frame.loc["said"].set_index("timex").loc["Earlier this month"]
    assert (said["earliest"].date().isoformat(), said["latest"].date().isoformat()) == (
        "2025-10-01",
        "2025-10-23",
    )


@pytest.mark.parametrize(
    "text, verb, timex",
    [
        (
            "The army will withdraw, a spokesperson said on Saturday.",
            "withdraw",
            None,
        ),  # the saying's date
        ("The army will withdraw, a spokesperson said on Saturday.", "said", "Saturday"),
        ("Engineers in Lyon on Friday finished testing the bridge.", "finished", "Friday"),
        # a copula after the report opens what is reported, though its predicate is no event
        ("The warden said it was late on Friday evening.", "said", None),
        ("The warden said the robbery was on Friday.", "said", None),
        ("The warden said the robbery was on Friday.", "robbery", "Friday"),
        ("The warden said on Friday that the robbery was planned.", "said", "Friday"),
        ("The warden said in a statement Friday the search was over.", "said", "Friday"),
        # a date after an appositive's comma, before a coordinated verb, is the first verb's
        ("Dana Ruiz spoke with her counterpart, Omar Lind, on Friday and left.", "spoke", "Friday"),
    ],
)
def test_which_verb_a_date_near_a_report_or_a_finite_verb_dates(text, verb, timex):
    import timeline

    row = (
        timeline.build_timeline(timeline.Article(text, id="a", published="2025-03-29"))
        .set_index("trigger")
        .loc[verb]
    )
    assert (None if row["timex"] != row["timex"] else row["timex"]) == timex


@pytest.mark.parametrize(
    "text, verb, earliest, latest",
    [
        ("Thousands of residents fled in the past 48 hours.", "fled", "2025-10-26", "2025-10-28"),
        ("The army will withdraw in the next two weeks.", "withdraw", "2025-10-28", "2025-11-11"),
        ("Prices rose over the last three months.", "rose", "2025-07-27", "2025-10-28"),
        (
            "Output fell in the last three months of the year.",
            "fell",
            "2025-01-01",
            "2025-10-28",
        ),  # a calendar period
    ],
)
def test_an_event_in_the_past_or_next_few_days_lies_in_that_span(text, verb, earliest, latest):
    import timeline

    row = (
        timeline.build_timeline(timeline.Article(text, id="a", published="2025-10-28"))
        .set_index("trigger")
        .loc[verb]
    )
    assert (row["earliest"].date().isoformat(), row["latest"].date().isoformat()) == (
        earliest,
        latest,
    )


@pytest.mark.parametrize(
    "text, published, verb, timex",
    [
        (
            "Northwind will report first-quarter results on April 28.",
            "2025-04-08",
            "report",
            "April 28",
        ),
        ("The council approved the 2024 budget in March.", "2025-04-08", "approved", "March"),
        (
            "Third-quarter net rose 5%.",
            "1989-10-27",
            "rose",
            "Third-quarter",
        ),  # no other date: it still dates
    ],
)
def test_a_date_used_as_an_adjective_yields_to_an_adjunct_date(text, published, verb, timex):
    import timeline

    frame = timeline.build_timeline(timeline.Article(text, id="a", published=published)).set_index(
        "trigger"
    )
    assert frame.loc[verb, "timex"] == timex


def test_a_relative_clause_is_no_other_clause_for_a_cue():
    import timeline

    text = "The jury has already been hearing the case under laws that ban such fees."
    frame = timeline.build_timeline(
        timeline.Article(text, id="a", published="2025-04-19")
    ).set_index("trigger")
    assert frame.loc["ban", ["rule", "publication"]].tolist() == [
        "tense_present",
        "during",
    ]  # not after "hearing"


def test_after_a_date_is_its_signal_and_a_subject_noun_follows_its_verb():
    import timeline

    text = "Talks resumed after June 5, and a deal will be signed by the end of the second quarter."
    frame = timeline.build_timeline(
        timeline.Article(text, id="a", published="2025-06-20")
    ).set_index("trigger")
    assert (frame.loc["resumed", "earliest"].date(), frame.loc["resumed", "latest"].date()) == (
        dt.date(2025, 6, 6),
        dt.date(2025, 6, 20),
    )  # no 'resumed after deal' from the word 'after'
    assert (frame.loc["deal", "rule"], frame.loc["deal", "publication"]) == (
        "subject_inherit",
        "after",
    )
    assert frame.loc["signed", "latest"].date() == dt.date(2025, 6, 30)


@pytest.mark.parametrize(
    "text, trigger, day",
    [
        ("Talks resume Monday in Geneva.", "resume", dt.date(1998, 5, 4)),
        ("Netanyahu and Arafat meet separately Monday with Albright.", "meet", dt.date(1998, 5, 4)),
        ("Talks resumed Monday in Geneva.", "resumed", dt.date(1998, 4, 27)),
        ("The senate votes on the budget on Monday.", "votes", dt.date(1998, 5, 4)),
    ],
)
def test_scheduled_present_lies_after_publication_without_conflict(text, trigger, day):
    """A present-simple scheduled event takes the next weekday, and its tense agrees with it."""
    import timeline

    frame = timeline.build_timeline(timeline.Article(text, published="1998-05-01"))
    row = frame[frame.trigger == trigger].iloc[0]
    assert (row.earliest.date(), row.latest.date()) == (day, day)
    assert frame.warning.isna().all(), frame.warning.tolist()


def test_the_scheduled_verbs_of_ordering_are_those_of_the_tense_cues():
    """tense_present_scheduled (ordering.yaml) and the ``scheduled`` cue (tense.yaml) name one
    list of verbs: a date the scanner puts ahead must not be read as holding now."""
    from timeline.ordering.tense import rules
    from timeline.temporal.rulebook import tense_cues

    def verbs(pattern):
        return set(
            re.search(r"\(\?:((?:[a-z ]+\|)+[a-z ]+)\)\(\?:s\|es\)\?", pattern).group(1).split("|")
        )

    (rule,) = [r for r in rules()["publication"] if r["id"] == "tense_present_scheduled"]
    one_word = {v for v in verbs(tense_cues()["scheduled"]) if " " not in v}
    assert verbs(rule["form"]) == one_word


@pytest.mark.parametrize(
    "text, verb, earliest, latest, rule",
    [
        # what a done act achieved is dated with it: the expression that dates the act, or
        # the act's own bounds
        (
            "The club planted 200 trees on Thursday to beat the town's record.",
            "beat",
            "2025-10-23",
            "2025-10-23",
            "rel_weekday",
        ),
        (
            "The club planted 200 trees to beat the town's record.",
            "beat",
            None,
            "2025-10-25",
            "infinitive_with_governor",
        ),
        # a plan after a done act's decision stays after it
        (
            "The guard decided on Thursday to break the mark.",
            "break",
            "2025-10-23",
            None,
            "expected_untensed",
        ),
    ],
)
def test_an_infinitive_that_a_done_act_achieved_takes_the_acts_time(
    text, verb, earliest, latest, rule
):
    import timeline

    frame = timeline.build_timeline(timeline.Article(text, id="a", published="2025-10-25"))
    row = frame.set_index("trigger").loc[verb]

    def day(value):
        return None if value is None or value != value else value.date().isoformat()

    assert (day(row["earliest"]), day(row["latest"]), row["rule"]) == (earliest, latest, rule)
    assert (row["tense"], row["modality"]) == (
        ("none", "expected") if rule == "expected_untensed" else ("past", "asserted")
    )


def test_a_genitive_date_after_a_signal_dates_its_noun_and_orders_the_verb():
    """ "after Tuesday's announcement": the announcement is on Tuesday and the selling after it
    (it used to read "announcement after Tuesday", open to publication, and left the verb open)."""
    import timeline

    frame = timeline.build_timeline(
        timeline.Article(
            "Investors sold shares after Tuesday's announcement.", id="a", published="2025-05-10"
        )
    ).set_index("trigger")
    announcement, sold = frame.loc["announcement"], frame.loc["sold"]
    assert (announcement["earliest"], announcement["latest"]) == (
        dt.datetime(2025, 5, 6),
        dt.datetime(2025, 5, 6),
    )
    assert (sold["earliest"], sold["latest"], sold["rule"]) == (
        dt.datetime(2025, 5, 6),
        dt.datetime(2025, 5, 10),
        "cue_after",
    )


@pytest.mark.parametrize(
    ("text", "trigger", "bounds"),
    [
        # due in a counted duration: that far ahead, give or take part of the unit
        ("The board will meet again in six weeks.", "meet", ("2025-06-22", "2025-06-28")),
        ("The court will rule in three days.", "rule", ("2025-05-17", "2025-05-17")),
        ("The court will rule in less than two weeks.", "rule", ("2025-05-14", "2025-05-28")),
        # how long it took, or how long since: no date from the duration
        ("The ministry replied in two hours.", "replied", (None, "2025-05-14")),
        ("The country will hold its first vote in 20 years.", "hold", ("2025-05-14", None)),
    ],
)
def test_an_event_due_in_a_duration_lies_that_far_ahead(text, trigger, bounds):
    import timeline

    frame = timeline.build_timeline(timeline.Article(text, id="a", published="2025-05-14"))
    row = frame.set_index("trigger").loc[trigger]
    found = tuple(
        None if pd_isna(v) else v.date().isoformat() for v in (row["earliest"], row["latest"])
    )
    assert found == bounds


def pd_isna(value):
    import pandas as pd

    return pd.isna(value)


@pytest.mark.parametrize(
    "text",
    [
        "Cars had failed after the campaign.",
        "Cars fixed under the earlier campaign had suffered sudden failures.",
    ],
)
def test_a_process_that_a_past_event_follows_is_over_and_proves_no_day(text):
    # a campaign taken to go on at publication put the failure after publication too, and so
    # on the publication day exactly
    df = timeline.build_timeline(timeline.Article(text, published="2024-01-10"))
    past = df[df.tense == "past"].iloc[0]
    assert pd.isna(past.earliest)
    assert past.latest == pd.Timestamp("2024-01-10")


@pytest.mark.parametrize(
    "text, dated, undated",
    [
        (
            "Zentek spurned the approach, and in February it refused a second offer.",
            "refused",
            "spurned",
        ),
        (
            "Zentek spurned the approach, and in February Volta refused an offer.",
            "refused",
            "spurned",
        ),
        ("Zentek spurned the approach, but last week Volta said it would bid.", "said", "spurned"),
        (
            "Ruiz criticised the count and last week asked voters to march.",
            "asked",
            "criticised",
        ),
        (
            "Zentek spurned the approach and on Monday it refused a second offer.",
            "refused",
            "spurned",
        ),
    ],
)
def test_a_date_before_the_subject_of_a_conjoined_clause_dates_that_clause(text, dated, undated):
    # the date after "and" had been read as the end of the clause before the conjunction
    df = timeline.build_timeline(timeline.Article(text, published="2024-06-10")).set_index(
        "trigger"
    )
    assert isinstance(df.loc[dated, "timex"], str)
    assert pd.isna(df.loc[undated, "timex"])
