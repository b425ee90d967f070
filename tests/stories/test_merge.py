"""Several articles: links between mentions of the same event, conflicts, undo (timeline.merge)."""

import json
from types import SimpleNamespace

import pandas as pd
import pytest

import timeline
from timeline.errors import TimelineError
from timeline.frame import per_article_records
from timeline.io.export import read_timeline, write_timeline
from timeline.schema import TIMELINE
from timeline.stories import merge


def _article(id_, text, published):
    return timeline.Article(text, id=id_, published=str(published))


def _row(df, article, trigger):
    hits = df[(df.article_id == article) & (df.trigger == trigger)]
    assert len(hits) == 1, hits[["event_id", "trigger"]]
    return hits.iloc[0]


SIGNED_A = "On 1 February, President Donald Trump signed a memorandum on steel tariffs."


@pytest.fixture(scope="module")
def same_date():
    a = _article("a", SIGNED_A, "2025-02-05")
    b = _article(
        "b", "The memorandum Trump signed on 1 February raises steel tariffs.", "2025-02-06"
    )
    return timeline.build_timeline([a, b])


@pytest.fixture(scope="module")
def conflicting():
    a = _article("a", SIGNED_A, "2025-02-05")
    b = _article("b", "Trump signed the memorandum on steel tariffs on 4 February.", "2025-02-06")
    return timeline.build_timeline([a, b])


# --- the table: lemma examples and two-article examples from rules/merge.yaml -----------------


@pytest.mark.parametrize("case", merge.rules()["pairs"], ids=lambda c: c["id"])
def test_pair_corpus(case):
    a = _article("a", case["a"]["text"], case["a"]["published"])
    b = _article("b", case["b"]["text"], case["b"]["published"])
    df = timeline.build_timeline([a, b])
    links = [(row.same_as, row.event_id) for row in df.itertuples() if isinstance(row.same_as, str)]
    if case["link"] is None:
        assert links == [], df[["event_id", "trigger", "same_as", "merge_evidence"]]
        return
    ids = dict(zip(df.event_id, df.trigger))
    # one link (a pair of triggers) or several (a list of pairs), each in either order
    expected = case["link"] if isinstance(case["link"][0], list) else [case["link"]]
    assert sorted(tuple(sorted((ids[x], ids[y]))) for x, y in links) == sorted(
        tuple(sorted(pair)) for pair in expected
    ), df[["event_id", "trigger", "same_as", "merge_evidence"]]
    conflicted = df.warning.fillna("").str.contains("articles disagree on the date")
    assert int(conflicted.sum()) == (2 if case["conflict"] else 0)


def test_a_blaze_and_a_dismissal_are_not_one_act_nor_a_record_and_a_death():
    a = _article("a", "The fire destroyed the Hudson church on Monday.", "2011-05-03")
    b = _article("b", "The Hudson church fired its pastor on Monday.", "2011-05-03")
    c = _article("c", "Bolt passed the record in Berlin on Sunday.", "2009-08-17")
    d = _article("d", "Bolt died in Berlin on Sunday.", "2009-08-17")
    from timeline.frame import per_article_records

    table = merge.rules()
    acts = {
        r["trigger"]: merge.act(r, table)
        for rows in per_article_records([a, b, c, d], progress=False)
        for r in rows
    }
    assert (acts["fire"], acts["fired"], acts["passed"], acts["died"]) == (
        "blaze",
        "dismiss",
        "pass",
        "die",
    )


def test_a_pair_dated_apart_scores_zero_whatever_its_articles_similarity(monkeypatch):
    # pairs of alike clauses share one memo entry; the one kept for a pair dated apart must not
    # be rescored with another pair's article similarity (that raised IndexError: it has no terms)
    monkeypatch.setattr(merge, "features", lambda *args: merge.DATES_APART)
    texts = (
        "The Hawks fired Ruiz on Monday. The owners met in Denver.",
        "The Hawks fired Ruiz on Monday. Fans cheered in Denver.",
        "The Hawks fired Ruiz on Monday. Fans cheered in Boston after the game.",
    )
    articles = [_article(k, text, "2026-01-08") for k, text in zip("abc", texts)]
    records = [[dict(r) for r in rows] for rows in per_article_records(articles, progress=False)]
    scored = [
        (found, p)
        for _, _, pairs in merge.scored_pairs(records, [None] * 3, threshold=0.0)
        for found, p in pairs.values()
    ]
    assert scored and all(found is merge.DATES_APART and p == 0.0 for found, p in scored)


def test_a_story_weight_of_zero_leaves_its_keys_out():
    # story_date_weight 0: the months of explicit dates do not count (no log of a zero count)
    row = dict(text="Ruiz was fired", basis="explicit", timex="1 February")
    row |= dict(earliest=pd.Timestamp("2025-02-01"), latest=pd.Timestamp("2025-02-01"))
    (vector,) = merge._article_vectors([[row]], dict(merge.rules(), story_date_weight=0))
    assert sorted(vector) == ["fired", "ruiz"]
    (vector,) = merge._article_vectors([[row]], merge.rules())
    assert sorted(vector) == ["@2025-02", "fired", "ruiz"]


def test_every_synonym_set_and_phrase_has_an_example():
    # each runs in tests/test_rule_examples.py: a set or a phrase nobody tried is untested data
    table = merge.rules()
    assert [
        row["id"] for row in table["synonyms"] + table["phrases"] if not row.get("examples")
    ] == []


# --- the frame ----------------------------------------------------------------------------


def test_same_signing_same_date_is_linked(same_date):
    first, second = _row(same_date, "a", "signed"), _row(same_date, "b", "signed")
    assert first.same_as is None or first.same_as != first.same_as  # the representative: missing
    assert second.same_as == first.event_id
    assert second.merge_evidence.startswith(
        "same lemma 'sign', shared actor Donald Trump, shared words memorandum, steel, "
        "tariff, dates agree 2025-02-01, articles alike "
    )
    assert (
        float(second.merge_evidence.rsplit(", p ", 1)[1]) >= merge.rules()["weights"]["threshold"]
    )
    assert (
        first.merge_evidence == f"representative of 2 mentions: {first.event_id}, {second.event_id}"
    )
    assert same_date.warning.isna().all()


def test_conflicting_dates_are_linked_and_reported_on_both(conflicting):
    first, second = _row(conflicting, "a", "signed"), _row(conflicting, "b", "signed")
    assert second.same_as == first.event_id
    assert "dates conflict 2025-02-01 vs 2025-02-04" in second.merge_evidence
    for row in (first, second):
        assert row.warning == (
            "articles disagree on the date: a says 2025-02-01 ('1 February', a-t0038), "
            "b says 2025-02-04 ('4 February', b-t0006)"
        )
    # every mention keeps its own bounds: the frame stays per mention
    assert (first.earliest.day, second.earliest.day) == (1, 4)


def test_representative_is_tightest_explicit_date():
    a = _article("a", "Trump signed the memorandum on steel tariffs in February.", "2025-03-05")
    b = _article("b", "On 1 February, Trump signed a memorandum on steel tariffs.", "2025-03-06")
    df = timeline.build_timeline([a, b])
    assert _row(df, "a", "signed").same_as == _row(df, "b", "signed").event_id


def test_different_actor_and_object_not_linked():
    a = _article("a", "Iraq signed a gas deal on 1 February.", "2025-02-05")
    b = _article("b", "Trump signed a memorandum on 1 February.", "2025-02-06")
    df = timeline.build_timeline([a, b])
    assert df.same_as.isna().all() and df.merge_evidence.isna().all()


def test_same_article_repeated_signing_is_one_event():
    text = (
        "On 1 February, Trump signed a memorandum on tariffs. "
        "Trump signed the memorandum on tariffs on 1 February."
    )
    df = timeline.build_timeline(_article("a", text, "2025-02-05"))
    signed = df[df.trigger == "signed"]
    assert _groups(df) == [sorted(signed.event_id)]


def test_two_sayings_of_one_speaker_in_one_article_are_two_statements():
    # a keynote's announcements: one speaker, one day, two things said
    text = "Steve Jobs announced the iPod on Monday. Steve Jobs announced iCloud on Monday."
    df = timeline.build_timeline(_article("a", text, "2011-06-07"))
    announced = df[df.trigger == "announced"]
    assert list(announced.kind) == ["statement", "statement"]
    assert announced.same_as.isna().all(), announced[["event_id", "same_as"]]


def test_call_conversation_and_spoke_by_phone_in_one_article_are_one_call():
    text = (
        "Rubio and al-Sudani spoke by phone on Tuesday. During the call, Rubio raised Iran's "
        "influence. The conversation lasted an hour."
    )
    df = timeline.build_timeline(_article("a", text, "2025-02-26"))
    triggers = {row.event_id: row.trigger for row in df.itertuples()}
    assert [sorted(triggers[e] for e in group) for group in _groups(df)] == [
        sorted(["spoke", "call", "conversation"])
    ]


def test_a_call_months_later_is_another_call():
    a = _article(
        "a",
        "Rubio and al-Sudani held a phone call on 25 February about Iran's influence.",
        "2025-02-26",
    )
    b = _article(
        "b",
        "Rubio and al-Sudani held a phone call on 21 October about Iran's influence.",
        "2025-10-22",
    )
    df = timeline.build_timeline([a, b])
    assert df.same_as.isna().all()


def test_a_chain_of_weak_links_does_not_join_what_dates_separate():
    pairs = {(0, 1): ({}, 0.9), (1, 2): ({}, 0.9), (0, 2): (None, None)}
    assert merge.cluster(3, pairs, 0.5) in ([[0, 1], [2]], [[0], [1, 2]])


def test_a_background_mention_dated_apart_leaves_the_group_it_joined():
    # 0: "Ortiz was hurt last month" (explicit), 1: its article's undated "Ruiz was hurt", 2
    # and 3: the other reports' "Ruiz was hurt on Wednesday" (explicit); 0 and 1 join first (one
    # article), and the explicit dates of 0 against 2 and 3 count p = 0, not a bar
    apart, pairs = (merge.DATES_APART, 0.0), {(0, 1): ({}, 0.9), (2, 3): ({}, 0.95)}
    pairs |= {(0, 2): apart, (0, 3): apart, (1, 2): ({}, 0.8), (1, 3): ({}, 0.8)}
    groups = merge.cluster(4, pairs, 0.3)
    assert groups == [[0, 1, 2, 3]]
    assert merge.separate(groups, pairs, 0.3) == [[0], [1, 2, 3]]
    barred = {**pairs, (0, 2): (None, None), (0, 3): (None, None)}
    assert merge.cluster(4, barred, 0.3) == [[0, 1], [2, 3]]


def test_a_member_that_left_for_its_date_joins_the_group_of_its_own_event():
    # one report's background "Ortiz was hurt last month" (0, explicit) joined its
    # article's "Ruiz was hurt" (1) and other reports' Wednesday mention (2); 3, 4: the other
    # reports of last month's injury, apart from 0's group on average (the 1-3, 1-4 pairs)
    apart, near, weak = (merge.DATES_APART, 0.0), ({}, 0.9), ({}, 0.1)
    pairs = {(0, 1): ({}, 0.6), (0, 2): apart, (1, 2): near, (3, 4): near}
    pairs |= {(0, 3): near, (0, 4): ({}, 0.6), (1, 3): weak, (1, 4): weak, (2, 3): weak}
    groups = [[0, 1, 2], [3, 4]]
    assert merge.separate(groups, pairs, 0.3) == [[0, 3, 4], [1, 2]]
    # kept apart from the group of its own event by one pair: it stays alone
    barred = {**pairs, (0, 4): (None, None)}
    assert merge.separate(groups, barred, 0.3) == [[0], [1, 2], [3, 4]]


def test_two_events_dated_apart_in_most_mentions_stay_apart():
    # 0, 1 dated 25 February, 2 undated, with them; 3, 4 dated 21 October
    apart = (merge.DATES_APART, 0.0)
    pairs = {(0, 1): ({}, 0.9), (0, 2): ({}, 0.9), (1, 2): ({}, 0.9), (3, 4): ({}, 0.9)}
    pairs |= {(i, j): apart for i in (0, 1) for j in (3, 4)}
    pairs |= {(2, 3): ({}, 0.8), (2, 4): ({}, 0.8)}
    groups = merge.cluster(5, pairs, 0.3)
    assert merge.separate(groups, pairs, 0.3) == groups == [[0, 1, 2], [3, 4]]


def test_dates_proven_apart_count_zero_not_a_bar_explicit_or_read_from_the_article():
    table = merge.rules()
    row = dict(
        trigger="fired",
        lemma="fire",
        kind="action",
        event_class="OCCURRENCE",
        modality="asserted",
        tense="past",
        aspect="none",
        trigger_start=4,
        start=0,
        actors=["Ruiz"],
        text="Hawks fired Ruiz",
    )
    oct_ = dict(earliest=pd.Timestamp("2025-10-01"), latest=pd.Timestamp("2025-10-10"))
    jan = dict(earliest=pd.Timestamp("2026-01-07"), latest=pd.Timestamp("2026-01-07"))

    def mention(k, dates, basis, timex):
        r = dict(row, basis=basis, timex=timex, **dates)
        return merge._mention(r, k, 0, table["stopwords"], set(), table)

    a, b = mention(0, oct_, "explicit", "early October"), mention(1, jan, "explicit", "Wednesday")
    assert merge.features(a, b, 0.5, table) is merge.DATES_APART
    assert merge.probability(merge.DATES_APART, table["weights"]) == 0.0
    # one date explicit: that mention alone stands apart (separate() takes it out of a group)
    c = mention(1, jan, "inferred", None)
    assert merge.features(a, c, 0.5, table) is merge.DATES_APART
    # both read from their articles (tense, publication day): one may be misread, so the pair
    # counts zero too, and separate() keeps no two of them in one group
    d = mention(0, oct_, "inferred", None)
    assert merge.features(d, c, 0.5, table) is merge.DATES_APART


def test_single_article_columns_all_missing():
    df = timeline.build_timeline(SIGNED_A, published="2025-02-05")
    assert df.columns.tolist()[-2:] == ["same_as", "merge_evidence"] == TIMELINE.names[-2:]
    assert df.same_as.isna().all() and df.merge_evidence.isna().all()


def test_two_mentions_of_one_article_join_the_group():
    a = _article("a", SIGNED_A, "2025-02-05")
    b = _article(
        "b",
        "Trump signed the steel memorandum on 1 February. The signing of the steel memorandum "
        "drew criticism.",
        "2025-02-06",
    )
    df = timeline.build_timeline([a, b])
    signing = df[df.trigger.isin(["signed", "signing"])]
    assert _groups(df) == [sorted(signing.event_id)]


# --- undo ---------------------------------------------------------------------------------


def test_merged_events_collapses_and_reject_undoes(same_date):
    merged = timeline.merged_events(same_date)
    assert len(merged) == len(same_date) - 1
    first, second = _row(same_date, "a", "signed"), _row(same_date, "b", "signed")
    row = merged[merged.event_id == first.event_id].iloc[0]
    assert row.mentions == [first.event_id, second.event_id] and row.articles == ["a", "b"]
    assert str(row.earliest.date()) == str(row.latest.date()) == "2025-02-01"
    undone = timeline.merged_events(same_date, reject=[(second.event_id, first.event_id)])
    assert len(undone) == len(same_date)
    assert undone.mentions.map(len).eq(1).all()
    assert undone.event_id.tolist() == same_date.event_id.tolist()


def test_merged_events_keeps_representative_bounds_on_conflict(conflicting):
    merged = timeline.merged_events(conflicting)
    row = merged[merged.trigger == "signed"].iloc[0]
    assert row.article_id == "a" and str(row.earliest.date()) == "2025-02-01"


def test_reject_unknown_id_is_an_error(same_date):
    with pytest.raises(TimelineError, match="not a pair of event ids"):
        timeline.merged_events(same_date, reject=[("a-t0038", "zz-t0001")])


# --- exports and determinism --------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_round_trips_new_columns(tmp_path, conflicting, suffix):
    back = read_timeline(write_timeline(conflicting, tmp_path / f"t{suffix}"))
    assert back.equals(conflicting)
    assert back.same_as.notna().sum() == 1


def test_same_inputs_same_output():
    def build():
        a = _article("a", SIGNED_A, "2025-02-05")
        b = _article(
            "b", "Trump signed the memorandum on steel tariffs on 4 February.", "2025-02-06"
        )
        c = _article(
            "c", "The signing of the steel memorandum by Trump drew criticism.", "2025-02-07"
        )
        return timeline.build_timeline([a, b, c])

    first, second = build(), build()
    assert first.to_json(date_format="iso") == second.to_json(date_format="iso")


def _groups(df):
    groups = {}
    for row in df.itertuples():
        groups.setdefault(row.same_as if isinstance(row.same_as, str) else row.event_id, set()).add(
            row.event_id
        )
    return sorted(sorted(members) for members in groups.values() if len(members) > 1)


def test_three_articles_one_group_conflict_named_on_its_rows():
    a = _article("a", SIGNED_A, "2025-02-05")
    b = _article("b", "Trump signed the memorandum on steel tariffs in February.", "2025-02-28")
    c = _article("c", "Trump signed the memorandum on steel tariffs on 4 February.", "2025-02-06")
    df = timeline.build_timeline([a, b, c])
    signed = df[df.trigger == "signed"].set_index("article_id")
    assert _groups(df) == [sorted(signed.event_id)]
    assert signed.loc["b", "same_as"] == signed.loc["c", "same_as"] == signed.loc["a", "event_id"]
    assert signed.warning.notna().loc[["a", "b", "c"]].tolist() == [
        True,
        False,
        True,
    ]  # a and c disagree
    reversed_df = timeline.build_timeline([c, b, a])
    assert _groups(reversed_df) == _groups(df)  # the same groups in any article order


def test_a_name_is_one_item_and_quotes_are_no_evidence():
    runs = merge._runs(
        'In San Francisco, Jobs showed the iPhone 4 and said "a great phone"',
        merge.rules()["stopwords"],
    )
    assert runs["san"] == runs["francisco"] == runs["san francisco"] != runs["jobs"]
    assert runs["iphone"] == runs["iphone 4"]
    assert "great" not in runs and "phone" not in runs


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_written_before_the_merge_columns_still_reads(tmp_path, suffix):
    df = timeline.build_timeline(SIGNED_A, published="2025-02-05")
    path = tmp_path / f"old{suffix}"
    old = df.drop(columns=["same_as", "merge_evidence"])
    if suffix == ".csv":
        old.assign(actors=old.actors.map("; ".join)).to_csv(
            path, index=False, date_format="%Y-%m-%d"
        )
    else:
        write_timeline(df, path)
        records = [
            {k: v for k, v in r.items() if k not in ("same_as", "merge_evidence")}
            for r in json.loads(path.read_text())
        ]
        path.write_text(json.dumps(records))
    assert read_timeline(path).equals(df)


# --- blocking: the linker compares only pairs that could link, and finds the same groups -----


def _records(paths):
    from timeline.frame import per_article_records

    articles = [timeline.read_article(p) for p in paths]
    return per_article_records(articles, progress=False), [a.published for a in articles]


def _clustered(records, published, threshold=None):
    model = merge.rules()["weights"]["threshold"]
    return {
        name: [
            [mentions[k].row["event_id"] for k in g]
            for g in merge.cluster(len(mentions), pairs, model)
        ]
        for name, mentions, pairs in merge.scored_pairs(records, published, threshold=threshold)
    }


def test_blocked_pairs_give_the_groups_of_every_pair():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    paths = [
        *sorted((root / "seeds").glob("*.txt")),
        *sorted((root / "notebooks" / "data").glob("illustrative-*.md")),
        *sorted((root / "notebooks" / "data" / "running-story").glob("*.md")),
    ]
    records, published = _records(paths)
    blocked = _clustered(records, published)
    every = _clustered(records, published, threshold=0.0)  # no bound: every pair is compared
    assert blocked == every
    assert any(len(g) > 1 for groups in blocked.values() for g in groups)


def test_equal_pairs_of_copies_are_scored_as_features_scores_them():
    # scored_pairs scores two pairs alike in every input of features() once (a reprinted
    # story's copies): each pair must still get what features() and probability() give it
    import datetime as dt
    from pathlib import Path

    from timeline.frame import per_article_records

    root = Path(__file__).resolve().parents[2]
    paths = [
        *sorted((root / "seeds").glob("*.txt")),
        *sorted((root / "notebooks" / "data" / "running-story").glob("*.md")),
    ]
    originals = [a for a in map(timeline.read_article, paths) if a.published is not None]
    copies = [
        timeline.Article(a.text, id=f"{a.id}-{shift}", published=a.published + dt.timedelta(shift))
        for shift in (0, 37)
        for a in originals
    ]
    articles = [*originals, *copies]
    records = per_article_records(articles, progress=False)
    table = merge.rules()
    vectors = merge._article_vectors(records, table)
    checked = 0
    for _, mentions, pairs in merge.scored_pairs(records, [a.published for a in articles]):
        for (i, j), (found, p) in pairs.items():
            a, b = mentions[i], mentions[j]
            alike = (
                1.0
                if a.article == b.article
                else merge._cosine(vectors[a.article], vectors[b.article])
            )
            direct = merge.features(a, b, alike, table)
            assert found == direct, (a.row["event_id"], b.row["event_id"])
            assert p == (None if direct is None else merge.probability(direct, table["weights"]))
            checked += 1
    assert checked > 100


def test_mentions_sharing_nothing_are_not_compared():
    a = _article(
        "a",
        "Macron met Scholz in Berlin on 3 March to discuss Ukraine aid and defence.",
        "2025-03-04",
    )
    b = _article("b", "The Lakers met the Celtics in Boston before a sold-out crowd.", "2025-03-05")
    from timeline.frame import per_article_records

    records = per_article_records([a, b], progress=False)
    published = [a.published, b.published]

    def scored(threshold):
        return {
            n: len(p) for n, _, p in merge.scored_pairs(records, published, threshold=threshold)
        }

    assert scored(None)["meet"] == 0 and scored(0.0)["meet"] == 1


def test_near_dates_pairs_only_dates_in_reach():
    def mention(first, last):
        day = lambda d: pd.NaT if d is None else pd.Timestamp(d)  # noqa: E731
        return SimpleNamespace(explicit=True, row={"earliest": day(first), "latest": day(last)})

    mentions = [
        mention("2025-02-01", "2025-02-01"),
        mention("2025-02-20", "2025-02-28"),
        mention("2025-10-21", "2025-10-21"),
        mention(None, "2025-01-01"),  # open start: reaches every earlier date
        SimpleNamespace(
            explicit=False, row=mention("2025-02-01", "2025-02-01").row
        ),  # not dated: never a key
    ]
    assert merge._near_dates(mentions, 0) == set()
    assert merge._near_dates(mentions, 31) == {(0, 1), (0, 3)}


def test_numbers_of_both_clauses_are_evidence():
    """An age, a toll or a score on both sides: shared, or none shared (two victims)."""
    texts = (
        "A 36-year-old climber died on Mt Cook on Friday.",
        "The 36-year-old climber died after a fall on Mt Cook.",
        "A 32-year-old climber died on Mt Cook on Friday.",
    )
    evidence = []
    for first, second in ((texts[0], texts[1]), (texts[0], texts[2])):
        df = timeline.build_timeline(
            [_article("a", first, "2013-09-15"), _article("b", second, "2013-09-15")]
        )
        evidence.append(_row(df, "b", "died").merge_evidence)
    assert "shared numbers 36," in evidence[0]
    assert "numbers differ 36 / 32," in evidence[1]


def test_pairs_alike_scored_once_give_the_links_of_scoring_each_pair(monkeypatch):
    # near copies (reprints with and without the publication date moved, paragraphs rotated,
    # undated ones) make many pairs of one class (_pair_class): scored once, they must give
    # the links, evidence and warnings of scoring every pair on its own
    import copy
    import datetime as dt
    from pathlib import Path

    from timeline.frame import per_article_records

    root = Path(__file__).resolve().parents[2]
    paths = [
        *sorted((root / "seeds").glob("*.txt")),
        *sorted((root / "notebooks" / "data" / "running-story").glob("*.md")),
    ]
    originals = list(map(timeline.read_article, paths))

    def rotated(text, k):
        parts = [p for p in text.split("\n") if p.strip()]
        return "\n".join(parts[k % len(parts) :] + parts[: k % len(parts)])

    articles = [
        timeline.Article(
            rotated(a.text, k),
            id=f"{a.id}-{k}",
            published=None if k == 3 or a.published is None else a.published + dt.timedelta(k),
        )
        for k in (0, 1, 0, 3, 3)
        for a in originals
    ]
    records = per_article_records(articles, progress=False)
    published = [a.published for a in articles]
    alike, each = copy.deepcopy(records), copy.deepcopy(records)
    classes = []
    signatures = merge._signatures

    def counted(mentions, content, same):
        found = signatures(mentions, content, same)
        classes.append((len(found), len(set(found))))
        return found

    monkeypatch.setattr(merge, "_signatures", counted)
    alike = merge.link(alike, published)
    assert sum(n - k for n, k in classes) > 50  # many mentions share a signature
    monkeypatch.setattr(merge, "_signatures", lambda mentions, *_: list(range(len(mentions))))
    each = merge.link(each, published)
    fields = ("event_id", "same_as", "merge_evidence", "warning")
    assert [[tuple(r.get(f) for f in fields) for r in rows] for rows in alike] == [
        [tuple(r.get(f) for f in fields) for r in rows] for rows in each
    ]
    assert sum(r.get("same_as") not in (None, r["event_id"]) for rows in alike for r in rows) > 50


def test_similar_pairs_of_copies_are_every_pair_alike_in_order():
    # equal vectors (reprints) are joined once and their pairs handed to every copy: the same
    # pairs, cosines and order as comparing every two vectors
    import math
    import random

    rng = random.Random(7)
    words = [f"w{k}" for k in range(30)]
    distinct = []
    for _ in range(25):
        vec = {w: rng.random() for w in rng.sample(words, rng.randint(1, 6))}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        distinct.append({w: v / norm for w, v in vec.items()})
    vectors = [dict(rng.choice(distinct)) for _ in range(60)] + [{}]
    for least in (0.05, 0.3, 0.7):
        every = {
            (i, j): merge._cosine(vectors[i], vectors[j])
            for i in range(len(vectors))
            for j in range(i + 1, len(vectors))
        }
        every = {pair: s for pair, s in every.items() if s >= least}
        found = merge._similar_pairs(vectors, least)
        assert list(found.items()) == list(every.items())
        assert any(vectors[i] == vectors[j] for i, j in found)


def _running_story():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    return _records(
        [
            *sorted((root / "seeds").glob("*.txt")),
            *sorted((root / "notebooks" / "data" / "running-story").glob("*.md")),
        ]
    )


def test_link_returns_new_rows_and_leaves_its_input_as_it_was():
    # a stage mutates nothing it is given (house rule): the links come back in new rows
    import copy

    records, published = _running_story()
    before = copy.deepcopy(records)
    linked = merge.link(records, published)
    assert repr(records) == repr(before)
    assert [[r["event_id"] for r in rows] for rows in linked] == [
        [r["event_id"] for r in rows] for rows in records
    ]
    assert all(a is not b for x, y in zip(linked, records) for a, b in zip(x, y))
    assert sum(isinstance(r.get("same_as"), str) for rows in linked for r in rows) > 5
    for _, mentions, _pairs in merge.scored_pairs(records, published):
        pass
    assert repr(records) == repr(before)


def test_cached_clause_analyses_cannot_be_changed_by_a_caller():
    # _names and _runs are cached: a caller that changed what they return would change
    # every later caller's answer
    stop = merge.rules()["stopwords"]
    names = merge._names("Vincent Jackson was arrested in San Diego", stop)
    runs = merge._runs("Vincent Jackson was arrested in San Diego", stop)
    assert names == (("vincent", "jackson"), ("san", "diego"))
    with pytest.raises((TypeError, AttributeError)):
        names.append(("x",))
    with pytest.raises(TypeError):
        runs["arrested"] = 99
    assert (
        merge._runs("Vincent Jackson was arrested in San Diego", stop)["arrested"]
        == runs["arrested"]
    )


def test_a_name_of_digits_and_letters_is_no_number_of_the_clause():
    # the numbers of a clause are evidence (a toll, a score): "76ers", "G20", "3M" are names
    text = "The 76ers beat the 49ers 98-90 at the G20 arena, 3M said, 2.5 million watched"
    assert merge._NUMBER.findall(text) == ["98", "90", "2.5"]


class _Counted:
    """A mention for _candidate_pairs that counts how often its article is read."""

    reads = 0

    def __init__(self, article, k):
        self._article, self.story, self.explicit = article, 0, False
        self.actors, self.rare, self.numbers = {}, frozenset({"quake"}), frozenset({str(k)})

    @property
    def article(self):
        _Counted.reads += 1
        return self._article


def test_candidate_pairs_of_one_key_cost_nothing_within_an_article():
    # 400 mentions of one article and 2 of another share the story and a word: the pairs are
    # the 800 across the articles, found without comparing the 400 among themselves
    mentions = [_Counted(0, k) for k in range(400)] + [_Counted(1, k) for k in range(2)]
    table = merge.rules()
    _Counted.reads = 0
    found = merge._candidate_pairs(
        mentions, {}, dict(table, same_article_window=0), 0.5, table["weights"]
    )
    assert found == {(i, j) for i in range(400) for j in (400, 401)}
    assert _Counted.reads < 10 * len(mentions)


def test_act_reads_a_few_words_after_the_trigger(monkeypatch):
    # a phrase looks a window of words ahead: a long clause is not read to its end
    calls = []
    norm = merge._norm
    monkeypatch.setattr(merge, "_norm", lambda w: calls.append(w) or norm(w))
    text = "hold an urgent meeting" + " about the budget" * 2000
    row = dict(trigger="hold", lemma=None, text=text, start=0, trigger_start=0)
    assert merge.act(row, merge.rules()) == "meet"
    assert len(calls) <= max(p["window"] for p in merge.rules()["phrases"])


def _average_link(n: int, pairs: dict, threshold: float) -> list[list[int]]:
    """Average link the slow way: every mean recomputed at each step, ties to the lowest
    groups (a group named by its first mention), as :func:`merge.cluster` breaks them."""
    groups = {k: [k] for k in range(n)}
    while True:
        best = None
        for g in groups:
            for h in groups:
                if g >= h:
                    continue
                got = [pairs.get((min(i, j), max(i, j))) for i in groups[g] for j in groups[h]]
                if any(x is not None and x[0] is None for x in got):
                    continue
                mean = sum(x[1] for x in got if x is not None) / len(got)
                if mean >= threshold and (best is None or (-mean, g, h) < best):
                    best = (-mean, g, h)
        if best is None:
            return sorted(sorted(g) for g in groups.values())
        _, g, h = best
        groups[g] += groups.pop(h)


def test_cluster_of_a_reprinted_story_is_average_link():
    # k copies of four mentions: copies of one mention alike (ties everywhere), two of them
    # kept apart; exact binary fractions, so that every mean is exact in any order of sums
    k, p = 6, {(0, 1): 0.75, (1, 2): 0.5, (2, 3): 0.625, (0, 2): 0.375}
    pairs = {}
    for i in range(4 * k):
        for j in range(i + 1, 4 * k):
            a, b = sorted((i % 4, j % 4))
            if a == b:
                pairs[i, j] = ("same", 0.875)
            elif (a, b) == (0, 3):
                pairs[i, j] = (None, None)
            elif (a, b) in p:
                pairs[i, j] = ("alike", p[a, b])
    for threshold in (0.3, 0.5, 0.7):
        assert merge.cluster(4 * k, dict(pairs), threshold) == _average_link(
            4 * k, pairs, threshold
        )


def test_a_nominal_mention_names_its_verb_and_a_compound_its_head():
    row = dict(start=0, trigger_start=4, timex=None)
    cases = [
        ("the investigation began", "investigation", None, "event_noun:det_noun"),
        ("the investigation began", "investigation", None, "verb_group:one_open_class"),
        ("for drunk driving", "driving", "drunk-driving", "compound_offence:noun"),
        ("the hit-and-run", "hit-and-run", "hit-and-run", "compound_offence:noun"),
    ]
    table = merge.rules()
    got = [
        merge.act(dict(row, text=text, trigger=trigger, lemma=lemma, trigger_rule=rule), table)
        for text, trigger, lemma, rule in cases
    ]
    # a noun only: the same word found as a verb keeps its own lemma
    assert got == ["investigate", "investigation", "drive", "hit-and-run"]


def test_a_lone_article_joins_the_story_whose_mentions_share_its_actors():
    from types import SimpleNamespace as M

    varga, lind = {"Jane Varga": frozenset({"jane", "varga"})}, {"Lind": frozenset({"lind"})}
    table = merge.rules()
    # articles 0-1 one story (Varga's check-in), 2-3 another (Lind's), 4 alone
    story = [0, 0, 2, 2, 4]
    one = [M(article=k, actors=varga) for k in (0, 1)] + [M(article=4, actors=varga)]
    other = [M(article=k, actors=lind) for k in (2, 3)]
    assert merge._attach_by_actors(story, {"enter": one + other}, table) == [0, 0, 2, 2, 0]
    # its actor in both stories alike: no story is clearly its own, it stays alone
    both = one + other + [M(article=k, actors=varga) for k in (2, 3)]
    assert merge._attach_by_actors(story, {"enter": both}, table) == story
    # one shared pair is too little; a story of two articles never moves
    assert merge._attach_by_actors(story, {"enter": one[1:] + other}, table) == story
    assert merge._attach_by_actors([0, 0, 2, 2, 2], {"enter": one + other}, table) == [
        0,
        0,
        2,
        2,
        2,
    ]
