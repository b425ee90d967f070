"""filter_entity / to_semeval on small hand-made frames (the entity rule examples run in
tests/test_rule_examples.py)."""

import datetime as dt

import pandas as pd
import pytest
from conftest import make_row

import timeline
from benchmarks.awareness import awareness, parse_semeval
from timeline.entities.timelines import (
    filter_entity,
    mentions,
    names,
    semeval_date,
    split_sentences,
    to_semeval,
)
from timeline.schema import TIMELINE, conform

T = pd.Timestamp


def frame(article, published_rows):
    """Rows from (sentence text, trigger, earliest, latest[, actors]) tuples, clauses =
    sentences."""
    records, offset = [], 0
    for i, (text, trigger, earliest, latest, *actors) in enumerate(published_rows):
        records.append(
            make_row(
                offset,
                event_id=f"{article}-e{i + 1:03d}",
                article_id=article,
                sentence=i,
                text=text,
                trigger=trigger,
                actors=actors[0] if actors else [],
                earliest=earliest,
                latest=latest,
                precision="day" if earliest == latest else "unknown",
                basis="explicit",
                rule="test",
                order=i + 1,
            )
        )
        offset += len(text) + 1
    return records


ARTICLE_A = frame(
    "101",
    [
        ("Acme Corp was founded by Jane Doe in 1990.", "founded", T("1990-01-01"), T("1990-12-31")),
        (
            "On Monday the company sued Widget Inc. in London.",
            "sued",
            T("2006-03-27"),
            T("2006-03-27"),
        ),
        ("It claims that Widget broke an agreement.", "claims", T("2006-03-28"), T("2006-03-28")),
        ("Rain fell in London all week.", "fell", T("2006-03-20"), T("2006-03-26")),
        ("Doe said the lawsuit had merit.", "said", T("2006-03-28"), T("2006-03-28")),
        ("She also resigned from the board.", "resigned", pd.NaT, T("2006-03-28")),
    ],
)
ARTICLE_B = frame(
    "102",
    [
        ("Acme lost the case to Widget Inc. today.", "lost", T("2006-05-08"), T("2006-05-08")),
        ("Acme sued Widget in 2006.", "sued", T("2006-03-27"), T("2006-03-27")),
        ("Observers cheered.", "cheered", T("2006-05-08"), T("2006-05-08"), ["Acme Corp"]),
    ],
)
DF = conform(ARTICLE_A + ARTICLE_B, TIMELINE)


def test_filter_entity_org_names_nominal_pronoun_and_actors():
    got = filter_entity(DF, "Acme Corp")
    assert got["event_id"].tolist() == [
        "101-e001",
        "101-e002",
        "101-e003",
        "102-e001",
        "102-e002",
        "102-e003",
    ]
    assert list(got.columns) == list(DF.columns)


def test_filter_entity_person_surname_and_pronoun():
    got = filter_entity(DF, "Jane Doe")
    assert got["trigger"].tolist() == ["founded", "said", "resigned"]


def test_filter_entity_other_organisation():
    # "lost the case to Widget Inc.": too far from the trigger to be its object
    assert filter_entity(DF, "Widget Inc.")["event_id"].tolist() == [
        "101-e002",
        "101-e003",
        "102-e002",
    ]
    assert filter_entity(DF, "Widget Inc.", mode="clause")["event_id"].tolist() == [
        "101-e002",
        "101-e003",
        "102-e001",
        "102-e002",
    ]


def test_filter_entity_unknown_entity_is_empty():
    got = filter_entity(DF, "Gadget Ltd")
    assert got.empty and list(got.columns) == list(DF.columns)


def test_entity_kinds_and_short_names():
    assert names("Acme Corp").kind == "org" and names("Jane Doe").kind == "person"
    assert names("Rovers Acme Corps").kind == "org"
    assert [
        m[3]
        for m in mentions(
            split_sentences("Acme Corps sued. The Rovers Acme Corps won."), "Rovers Acme Corps"
        )
    ] == ["Acme Corps", "Rovers Acme Corps"]


@pytest.mark.parametrize(
    "earliest, latest, expected",
    [
        (T("2010-06-07"), T("2010-06-07"), "2010-06-07"),
        (T("2010-06-01"), T("2010-06-30"), "2010-06-XX"),
        (T("2010-06-28"), T("2010-07-02"), "2010-XX-XX"),
        (T("2009-12-28"), T("2010-01-02"), "XXXX-XX-XX"),
        (pd.NaT, T("2010-01-02"), "XXXX-XX-XX"),
        (T("2010-01-02"), pd.NaT, "XXXX-XX-XX"),
    ],
)
def test_semeval_date(earliest, latest, expected):
    assert semeval_date(earliest, latest) == expected


def test_to_semeval_format_positions_and_coreference():
    text = to_semeval(DF, "Acme Corp")
    entity, rows = parse_semeval(text)
    assert entity == "Acme Corp"
    assert text.split("\n")[0] == "Acme Corp" and text.endswith("\n")
    assert rows == [
        (1, "1990-XX-XX", ("101-0-founded",)),
        (2, "2006-03-27", ("101-1-sued", "102-1-sued")),  # co-referring: one line
        (3, "2006-03-28", ("101-2-claims",)),
        (4, "2006-05-08", ("102-0-lost",)),
        (4, "2006-05-08", ("102-2-cheered",)),
    ]
    for line in text.strip().split("\n")[1:]:
        order, date, *ids = line.split("\t")
        assert order.isdigit() and len(date) == 10 and ids


def test_to_semeval_unanchored_events_get_order_zero():
    text = to_semeval(DF, "Jane Doe")
    assert "0\tXXXX-XX-XX\t101-5-resigned\n" in text
    assert text.index("101-5-resigned") < text.index("101-0-founded")


def test_to_semeval_mention_function_and_select():
    selected = filter_entity(DF, "Acme Corp")
    text = to_semeval(
        selected,
        "Acme Corp",
        mention=lambda r: f"{r['article_id']}-{r['trigger_start']}",
        select=False,
    )
    assert "\t101-" in text and "-founded" not in text
    skipped = to_semeval(
        DF, "Acme Corp", mention=lambda r: None if r["article_id"] == "102" else r["event_id"]
    )
    assert "102" not in skipped


def test_to_semeval_scores_100_against_itself_and_less_against_a_shorter_one():
    full = to_semeval(DF, "Acme Corp")
    assert awareness(full, full)["f1"] == 100.0
    assert awareness(to_semeval(DF.iloc[:4], "Acme Corp"), full)["f1"] < 100.0


def test_to_semeval_of_an_empty_frame_is_the_entity_line():
    assert to_semeval(TIMELINE.empty(), "Acme Corp") == "Acme Corp\n"


def test_reported_content_is_not_a_participant_of_the_report():
    rows = frame(
        "201",
        [
            (
                "Doe said that Acme Corp would close plants.",
                "said",
                T("2006-03-28"),
                T("2006-03-28"),
            ),
            ("Acme Corp said that Doe had resigned.", "said", T("2006-03-28"), T("2006-03-28")),
        ],
    )
    for row in rows:
        row["kind"], row["event_class"] = "statement", "REPORTING"
    df = conform(rows, TIMELINE)
    assert filter_entity(df, "Acme Corp")["event_id"].tolist() == ["201-e002"]
    assert filter_entity(df, "Jane Doe")["event_id"].tolist() == ["201-e001"]


def test_to_semeval_published_dates_undated_events():
    rows = frame(
        "301",
        [
            ("Acme Corp said it grew.", "said", pd.NaT, T("2006-03-28")),
            ("Acme Corp has two plants.", "has", pd.NaT, pd.NaT),
            ("Acme Corp will open a store.", "open", T("2006-03-28"), pd.NaT),
            ("Acme Corp was founded long ago.", "founded", pd.NaT, T("1990-12-31")),
        ],
    )
    rows[1]["tense"], rows[2]["tense"] = "present", "future"
    df = conform(rows, TIMELINE)
    text = to_semeval(df, "Acme Corp", published={"301": "2006-03-28"})
    # past with no date: undated, just before publication; future: undated, unordered;
    # present: at publication
    assert parse_semeval(text)[1] == [
        (0, "XXXX-XX-XX", ("301-2-open",)),
        (0, "XXXX-XX-XX", ("301-3-founded",)),
        (1, "XXXX-XX-XX", ("301-0-said",)),
        (2, "2006-03-28", ("301-1-has",)),
    ]
    assert to_semeval(df, "Acme Corp", published=T("2006-03-28")) == text
    assert "2006-03-28" not in to_semeval(df, "Acme Corp")


def test_to_semeval_lists_asserted_events_unless_asked():
    rows = frame(
        "401",
        [
            ("Acme Corp sold a plant.", "sold", T("2006-03-27"), T("2006-03-27")),
            ("Acme Corp may sell another.", "sell", T("2006-03-28"), T("2006-04-28")),
        ],
    )
    rows[1]["modality"] = "potential"
    df = conform(rows, TIMELINE)
    assert "401-1-sell" not in to_semeval(df, "Acme Corp")
    assert "401-1-sell" in to_semeval(df, "Acme Corp", modalities=None)
    assert "401-1-sell" in to_semeval(df, "Acme Corp", modalities=("asserted", "potential"))


def test_subject_must_be_next_to_its_verb_group():
    rows = frame(
        "501",
        [
            ("Acme Corp has also cut jobs.", "cut", T("2006-03-27"), T("2006-03-27")),
            (
                "Acme Corp and many partners in the region closed plants.",
                "closed",
                T("2006-03-27"),
                T("2006-03-27"),
            ),
        ],
    )
    df = conform(rows, TIMELINE)
    assert filter_entity(df, "Acme Corp")["trigger"].tolist() == ["cut"]
    assert filter_entity(df, "Acme Corp", mode="clause")["trigger"].tolist() == ["cut", "closed"]


def test_undated_past_events_share_the_narrative_date_before_them():
    rows = frame(
        "601",
        [
            (
                "Acme Corp announced a recall on Friday.",
                "announced",
                T("2010-07-16"),
                T("2010-07-16"),
            ),
            ("Acme Corp said the fault was rare.", "said", pd.NaT, T("2010-07-17")),
            ("Acme Corp has two plants.", "has", pd.NaT, pd.NaT),
        ],
    )
    rows[2]["tense"] = "present"
    text = to_semeval(conform(rows, TIMELINE), "Acme Corp", published={"601": "2010-07-17"})
    assert parse_semeval(text)[1] == [
        (1, "2010-07-16", ("601-0-announced",)),
        (1, "2010-07-16", ("601-1-said",)),
        (2, "2010-07-17", ("601-2-has",)),
    ]


def test_possessive_mention_selects_the_event_noun_after_it():
    text = "Shoppers praised Acme Corp's recall."
    base = frame("701", [(text, "praised", T("2006-03-27"), T("2006-03-27"))])[0]
    noun = dict(
        base,
        event_id="701-e002",
        start=text.index("recall"),
        end=len(text) - 1,
        text="recall",
        trigger="recall",
        trigger_start=text.index("recall"),
        trigger_end=text.index("recall") + 6,
    )
    base["end"] = text.index("'s")  # the verb's clause stops before the possessive
    base["text"] = text[: base["end"]]
    got = filter_entity(conform([base, noun], TIMELINE), "Acme Corp")
    assert got["trigger"].tolist() == ["praised", "recall"]


def test_coreferent_mentions_across_articles_share_the_finer_date():
    one = frame(
        "801",
        [
            (
                "Acme Corp launched the store on May 12, 2004.",
                "launched",
                T("2004-05-12"),
                T("2004-05-12"),
            )
        ],
    )
    two = frame(
        "802",
        [
            ("Acme Corp launched the store in 2004.", "launched", T("2004-01-01"), T("2004-12-31")),
            ("Acme Corp opened plants in 2004.", "opened", T("2004-01-01"), T("2004-12-31")),
        ],
    )
    text = to_semeval(conform(one + two, TIMELINE), "Acme Corp")
    assert parse_semeval(text)[1] == [
        (1, "2004-XX-XX", ("802-1-opened",)),
        (2, "2004-05-12", ("801-0-launched", "802-0-launched")),
    ]


def test_objects_count_by_name_not_by_pronoun():
    rows = frame(
        "901",
        [
            ("Acme Corp cut jobs.", "cut", T("2006-03-27"), T("2006-03-27")),
            ("Analysts praised it.", "praised", T("2006-03-27"), T("2006-03-27")),
            ("Analysts praised Acme Corp.", "praised", T("2006-03-27"), T("2006-03-27")),
        ],
    )
    assert filter_entity(conform(rows, TIMELINE), "Acme Corp")["event_id"].tolist() == [
        "901-e001",
        "901-e003",
    ]


@pytest.mark.parametrize(
    "actor, expected",
    [
        ("Acme Corp", True),
        ("rival Acme Corp", True),
        ("Zed's Acme", True),
        ("newer versions of Acme", False),
        ("Acme customers", False),
        ("Widget Inc.", False),
    ],
)
def test_an_actor_is_the_entity_when_a_name_of_it_heads_the_actor(actor, expected):
    rows = frame("951", [("They cut jobs.", "cut", T("2006-03-27"), T("2006-03-27"), [actor])])
    assert len(filter_entity(conform(rows, TIMELINE), "Acme Corp")) == int(expected)


def test_a_longer_product_name_seen_in_one_article_is_another_product_in_all():
    one = frame(
        "961", [("The ZapPod Touch launched.", "launched", T("2007-09-05"), T("2007-09-05"))]
    )
    two = frame(
        "962",
        [
            ("The ZapPod sold well.", "sold", T("2007-09-05"), T("2007-09-05")),
            ("The zapPod touch is thin.", "is", T("2007-09-05"), T("2007-09-05")),
        ],
    )
    got = filter_entity(conform(one + two, TIMELINE), "ZapPod")
    assert got["event_id"].tolist() == ["962-e001"]


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError, match="mode"):
        filter_entity(DF, "Acme Corp", mode="everything")


def test_empty_entity_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        filter_entity(DF, "  ")


def test_titles_before_a_name_do_not_hide_the_speaker_or_agent():
    rows = frame(
        "971",
        [
            ('"We grew," said Acme Inc. CEO Jane Doe.', "said", T("2006-03-27"), T("2006-03-27")),
            (
                "The plan was praised by Acme Inc. CEO Jane Doe.",
                "praised",
                T("2006-03-27"),
                T("2006-03-27"),
            ),
        ],
    )
    rows[0]["kind"], rows[0]["event_class"] = "statement", "REPORTING"
    assert filter_entity(conform(rows, TIMELINE), "Jane Doe")["trigger"].tolist() == [
        "said",
        "praised",
    ]


def test_place_names_do_not_block_he_she_when_actors_are_known():
    rows = frame(
        "981",
        [
            (
                "Jane Doe was born in Portland in 1958.",
                "born",
                T("1958-01-01"),
                T("1958-12-31"),
                ["Jane Doe"],
            ),
            ("She founded a firm.", "founded", T("1979-01-01"), T("1979-12-31")),
            (
                "Jane Doe hired John Smith in 1980.",
                "hired",
                T("1980-01-01"),
                T("1980-12-31"),
                ["Jane Doe"],
            ),
            ("John Smith spoke.", "spoke", T("1980-01-01"), T("1980-12-31"), ["John Smith"]),
            ("He left.", "left", T("1981-01-01"), T("1981-12-31")),
        ],
    )
    got = filter_entity(conform(rows, TIMELINE), "Jane Doe")["trigger"].tolist()
    assert got == ["born", "founded", "hired"]


def test_another_named_actor_takes_it():
    rows = frame(
        "991",
        [
            ("Acme Corp sold two plants.", "sold", T("2006-03-27"), T("2006-03-27"), ["Acme Corp"]),
            ("Zed released a tool.", "released", T("2006-03-27"), T("2006-03-27"), ["Zed"]),
            ("It is free.", "is", T("2006-03-27"), T("2006-03-27")),
        ],
    )
    assert filter_entity(conform(rows, TIMELINE), "Acme Corp")["trigger"].tolist() == ["sold"]
    assert filter_entity(conform(rows, TIMELINE), "Zed")["trigger"].tolist() == ["released", "is"]


def text_frame(article, text, events):
    """Rows over one article text: ``(sentence, clause start, clause end, trigger,
    tense[, overrides])``."""
    records = []
    for i, (sentence, start, end, trigger, tense, *extra) in enumerate(events):
        t0 = text.index(trigger, start)
        row = make_row(
            event_id=f"{article}-e{i + 1:03d}",
            article_id=article,
            sentence=sentence,
            start=start,
            end=end,
            text=text[start:end],
            trigger=trigger,
            trigger_start=t0,
            trigger_end=t0 + len(trigger),
            actors=[],
            earliest=pd.NaT,
            latest=pd.NaT,
            rule="test",
            order=i + 1,
            tense=tense,
        )
        records.append({**row, **(extra[0] if extra else {})})
    return conform(records, TIMELINE)


def test_event_dates_take_the_precision_of_their_expression():
    from timeline.entities.dates import event_dates

    text = "Acme sued in March 2006. Acme started in 1976. Acme grew in 2007-Q1."
    df = text_frame(
        "a",
        text,
        [
            (
                0,
                0,
                24,
                "sued",
                "past",
                dict(
                    basis="explicit",
                    value="2006-03",
                    earliest=T("2006-03-01"),
                    latest=T("2006-03-31"),
                ),
            ),
            (
                1,
                25,
                46,
                "started",
                "past",
                dict(
                    basis="explicit", value="1976", earliest=T("1976-01-01"), latest=T("1984-12-31")
                ),
            ),
            (2, 47, 69, "grew", "past", dict(basis="explicit", value="2007-Q1")),
        ],
    )
    dates = event_dates(df, None)
    assert [dates[i][0] for i in df.index] == ["2006-03-XX", "1976-XX-XX", "2007-XX-XX"]


def test_an_undated_event_takes_a_date_of_its_sentence_not_a_possessive_one():
    from timeline.entities.dates import event_dates

    text = (
        "June 8, 2010\nYesterday, at this year's fair, Acme unveiled a phone. "
        "One year later, in 1985, Doe was fired and he founded a firm. "
        "Doe said that sales doubled in 2009. At Monday's fair Acme spoke."
    )
    s1, s2, s3 = text.index("Yesterday"), text.index("One year"), text.index("Doe said")
    s4 = text.index("At Monday")
    df = text_frame(
        "a",
        text,
        [
            (1, s1, s2 - 1, "unveiled", "past"),
            (2, s2, s3 - 1, "founded", "past"),
            (3, s3, s4 - 1, "said", "past", dict(kind="statement", event_class="REPORTING")),
            (4, s4, len(text), "spoke", "past"),
        ],
    )
    dates = event_dates(df, {"a": "2010-06-08"}, {"a": text})
    # 'said' is not dated by the year of what was said: it takes the narrative date (yesterday)
    assert [dates[i][0] for i in df.index] == [
        "2010-06-07",
        "1985-XX-XX",
        "2010-06-07",
        "2010-06-07",
    ]


def test_undated_past_events_come_before_publication_and_present_states_at_it():
    text = (
        "Acme Corp resigned from the board. Acme Corp has two plants. Acme Corp will sell a plant."
    )
    a, b = text.index("Acme Corp has"), text.index("Acme Corp will")
    df = text_frame(
        "b",
        text,
        [
            (0, 0, a - 1, "resigned", "past"),
            (1, a, b - 1, "has", "none", dict(kind="state", event_class="STATE")),
            (2, b, len(text), "sell", "future", dict(kind="plan", modality="expected")),
        ],
    )
    got = parse_semeval(
        to_semeval(
            df, "Acme Corp", published={"b": "2011-08-25"}, texts={"b": text}, modalities=None
        )
    )[1]
    assert got == [
        (0, "XXXX-XX-XX", ("b-2-sell",)),
        (1, "XXXX-XX-XX", ("b-0-resigned",)),
        (2, "2011-08-25", ("b-1-has",)),
    ]


def test_a_person_does_not_take_it_from_a_product():
    rows = frame(
        "992",
        [
            (
                "The ZapPod was shown by Jane Doe.",
                "shown",
                T("2006-03-27"),
                T("2006-03-27"),
                ["Jane Doe"],
            ),
            ("It is thin.", "is", T("2006-03-27"), T("2006-03-27")),
        ],
    )
    assert filter_entity(conform(rows, TIMELINE), "ZapPod")["trigger"].tolist() == ["shown", "is"]


def test_an_undated_past_event_takes_the_one_earlier_day_of_its_kind():
    one = frame(
        "811",
        [
            (
                "Acme Corp launched the ZX on June 7, 2010.",
                "launched",
                T("2010-06-07"),
                T("2010-06-07"),
            )
        ],
    )
    two = frame(
        "812",
        [
            (
                "When Acme Corp first launched the ZX, it sold well.",
                "launched",
                pd.NaT,
                T("2010-08-09"),
            )
        ],
    )
    text = to_semeval(
        conform(one + two, TIMELINE),
        "Acme Corp",
        published={"811": "2010-06-08", "812": "2010-08-09"},
    )
    assert parse_semeval(text)[1] == [(1, "2010-06-07", ("811-0-launched", "812-0-launched"))]
    # a year later it is other news: it stays undated
    text = to_semeval(
        conform(one + two, TIMELINE),
        "Acme Corp",
        published={"811": "2010-06-08", "812": "2011-08-09"},
    )
    assert parse_semeval(text)[1] == [
        (0, "XXXX-XX-XX", ("812-0-launched",)),
        (1, "2010-06-07", ("811-0-launched",)),
    ]


def test_an_untensed_event_from_publication_on_is_to_come():
    from timeline.entities.dates import event_dates

    rows = frame(
        "821", [("Acme Corp will continue to steer the firm.", "steer", T("2011-08-25"), pd.NaT)]
    )
    rows[0]["tense"] = "none"
    assert list(event_dates(conform(rows, TIMELINE), "2011-08-25").values()) == [
        ("XXXX-XX-XX", None)
    ]


def test_intensional_states_and_attributions_are_not_listed():
    rows = frame(
        "831",
        [
            ("Acme Corp believes sales will rise.", "believes", T("2006-03-28"), T("2006-03-28")),
            (
                "Acme Corp cut jobs, according to Acme Corp.",
                "according",
                T("2006-03-28"),
                T("2006-03-28"),
            ),
            ("Acme Corp cut prices.", "cut", T("2006-03-28"), T("2006-03-28")),
        ],
    )
    rows[0]["event_class"], rows[0]["kind"] = "I_STATE", "state"
    rows[1]["event_class"], rows[1]["kind"] = "REPORTING", "statement"
    df = conform(rows, TIMELINE)
    assert len(filter_entity(df, "Acme Corp")) == 3  # they take part ...
    assert parse_semeval(to_semeval(df, "Acme Corp"))[1] == [
        (1, "2006-03-28", ("831-2-cut",))
    ]  # ... unlisted


def test_another_organisation_in_between_takes_the_noun_phrase():
    rows = frame(
        "993",
        [
            (
                "Acme Corp sued Zed Inc. in 1981.",
                "sued",
                T("1981-01-01"),
                T("1981-12-31"),
                ["Acme Corp", "Zed Inc."],
            ),
            ("The young maker paid a fine.", "paid", T("1981-01-01"), T("1981-12-31")),
        ],
    )
    assert filter_entity(conform(rows, TIMELINE), "Acme Corp")["trigger"].tolist() == ["sued"]
    assert filter_entity(conform(rows, TIMELINE), "Zed Inc.")["trigger"].tolist() == [
        "sued",
        "paid",
    ]


def test_filter_entity_reads_the_article_text_outside_the_clause_spans():
    text = "On Monday, Acme Corp cut jobs."
    rows = frame("994", [(text, "cut", T("2006-03-27"), T("2006-03-27"))])
    rows[0]["start"], rows[0]["text"] = (
        text.index("cut"),
        text[text.index("cut") :],
    )  # the clause: "cut jobs."
    df = conform(rows, TIMELINE)
    assert filter_entity(df, "Acme Corp").empty
    assert filter_entity(df, "Acme Corp", texts={"994": text})["trigger"].tolist() == ["cut"]


def test_a_reported_event_needs_the_entity_in_its_own_clause():
    text = "Acme Corp said that buyers who purchased phones will get refunds."
    clause, stop = text.index("buyers"), text.index(" will")
    df = text_frame(
        "995",
        text,
        [
            (
                0,
                0,
                len(text),
                "said",
                "past",
                dict(kind="statement", event_class="REPORTING", actors=["Acme Corp"]),
            ),
            (0, clause, stop, "purchased", "past", dict(actors=["Acme Corp"], source="995-e001")),
        ],
    )
    assert filter_entity(df, "Acme Corp")["trigger"].tolist() == ["said"]
    assert filter_entity(df.assign(source=None), "Acme Corp")["trigger"].tolist() == [
        "said",
        "purchased",
    ]


def test_declared_kind_overrides_the_shape_of_a_name():
    """Two capitalized words look like a person; an organization so named is declared."""
    text = "Dow Jones said it would sell the unit. The company later closed a plant in Ohio."
    frame = timeline.build_timeline(timeline.Article(text, id="a", published=dt.date(2025, 2, 28)))
    guessed = timeline.filter_entity(frame, "Dow Jones", texts={"a": text})
    declared = timeline.filter_entity(frame, "Dow Jones", texts={"a": text}, kind="org")
    assert guessed["trigger"].tolist() == ["said"]
    assert sorted(declared["trigger"]) == ["closed", "said", "sell"]
    assert "a-1-closed" in timeline.to_semeval(frame, "Dow Jones", texts={"a": text}, kind="org")
    with pytest.raises(timeline.TimelineError, match="kind must be one of org, person, thing"):
        timeline.filter_entity(frame, "Dow Jones", kind="company")


def test_planned_and_agreed_events_are_listed_and_stay_expected():
    text = (
        "Acme Corp will cut 30,000 jobs. Acme Corp agreed to purchase Zed Inc. "
        "Acme Corp attempted to address the complaints. A merger of Acme Corp with Zed is possible."
    )
    df = timeline.build_timeline(timeline.Article(text, id="a", published="2011-08-25"))
    modality = dict(zip(df.trigger, df.modality))
    assert (modality["cut"], modality["purchase"], modality["merger"]) == (
        "expected",
        "expected",
        "potential",
    )
    listed = to_semeval(df, "Acme Corp", published={"a": "2011-08-25"}, texts={"a": text})
    for mention in ("a-0-cut", "a-1-agreed", "a-1-purchase"):
        assert mention in listed
    # an attempt's infinitive and a possibility are not listed
    assert "a-2-address" not in listed and "merger" not in listed


def test_an_expression_cut_by_its_bounds_takes_the_finer_date_they_prove():
    """'this week' (2006-W13 runs 27 March - 2 April) in an article of 28 March is proven to lie
    in March; a week that the bounds do not narrow stays the year."""
    from timeline.entities.dates import event_dates

    text = "Acme sued this week. Acme grew that week."
    week = dict(basis="explicit", value="2006-W13", earliest=T("2006-03-27"))
    cut = [
        (0, 0, 20, "sued", "past", dict(week, latest=T("2006-03-28"))),
        (1, 21, 41, "grew", "past", dict(week, latest=T("2006-04-02"))),
    ]
    dates = event_dates(text_frame("a", text, cut), None)
    assert [date for date, _ in dates.values()] == ["2006-03-XX", "2006-XX-XX"]
