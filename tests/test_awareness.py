"""The temporal-awareness scorer of entity timelines, on small hand-written timelines."""

import pytest

from benchmarks.awareness import (
    TimelineFormatError,
    awareness,
    graph_of,
    micro_awareness,
    parse_semeval,
    time_node,
    timeline_relations,
)

GOLD = (
    "\n".join(
        [
            "Acme Corp",
            "0\tXXXX-XX-XX\td1-4-said",
            "1\t1999\td1-2-founded",
            "2\t2004-03\td1-3-sued\td2-1-lawsuit",
            "3\t2004-03-28\td2-2-ruled",
            "4\t2004-03-28\td2-5-appealed",
            "5\tXXXX-XX-XX\td2-7-settled",
            "6\t2006-05-08\td3-1-merged",
        ]
    )
    + "\n"
)


def lines(text):
    return text.strip().split("\n")


def test_gold_against_itself_scores_100():
    score = awareness(GOLD, GOLD)
    assert (score["precision"], score["recall"], score["f1"]) == (100.0, 100.0, 100.0)
    assert score["p_total"] == score["r_total"] > 0


@pytest.mark.parametrize("unanchored", ["first", "isolated"])
def test_both_readings_of_order_zero_score_gold_100(unanchored):
    assert awareness(GOLD, GOLD, unanchored)["f1"] == 100.0


def test_dropping_events_keeps_precision_and_lowers_recall():
    kept = lines(GOLD)
    system = "\n".join(kept[:3] + kept[5:]) + "\n"  # drop 'sued'/'lawsuit' and 'ruled'
    score = awareness(system, GOLD)
    assert score["precision"] == 100.0
    assert 0 < score["recall"] < 100.0
    assert score["f1"] < 100.0


def test_more_dropped_events_score_lower():
    kept = lines(GOLD)
    one = "\n".join(kept[:-1]) + "\n"
    three = "\n".join(kept[:-3]) + "\n"
    assert awareness(three, GOLD)["f1"] < awareness(one, GOLD)["f1"] < 100.0


def test_shuffled_order_lowers_precision_and_recall():
    # same events and dates, positions reversed
    system = "\n".join(
        [
            "Acme Corp",
            "1\tXXXX-XX-XX\td3-1-merged",
            "2\tXXXX-XX-XX\td2-7-settled",
            "3\tXXXX-XX-XX\td2-5-appealed",
            "4\tXXXX-XX-XX\td2-2-ruled",
            "5\tXXXX-XX-XX\td1-3-sued\td2-1-lawsuit",
            "6\tXXXX-XX-XX\td1-2-founded",
            "7\tXXXX-XX-XX\td1-4-said",
        ]
    )
    score = awareness(system, GOLD)
    assert score["precision"] < 50.0 and score["recall"] < 50.0


def test_swapping_two_neighbours_costs_less_than_reversing_everything():
    swapped = (
        GOLD.replace("5\tXXXX-XX-XX\td2-7-settled", "TMP")
        .replace("6\t2006-05-08\td3-1-merged", "5\t2006-05-08\td3-1-merged")
        .replace("TMP", "6\tXXXX-XX-XX\td2-7-settled")
    )
    reversed_ = "Acme Corp\n" + "\n".join(
        f"{i}\tXXXX-XX-XX\t{line.split(chr(9), 2)[2]}"
        for i, line in enumerate(reversed(lines(GOLD)[1:]), 1)
    )
    assert awareness(reversed_, GOLD)["f1"] < awareness(swapped, GOLD)["f1"] < 100.0


def test_wrong_dates_lower_the_score():
    system = GOLD.replace("1999", "1998").replace("2006-05-08", "2006-05-09")
    assert awareness(system, GOLD)["f1"] < 100.0


def test_empty_system_timeline_scores_zero():
    score = awareness("Acme Corp\n", GOLD)
    assert score["f1"] == 0.0 and score["p_total"] == 0 and score["r_hits"] == 0


def test_partial_dates_with_or_without_x_are_one_node():
    assert time_node("2004-03") == time_node("2004-03-XX") == time_node("2004-03-xx") == "T2004-03"
    assert time_node("2004-XX-XX") == "T2004"
    assert time_node("XXXX-XX-XX") is None and time_node("XXX-XX-XX") is None
    with_x = GOLD.replace("2004-03\t", "2004-03-XX\t").replace("\t1999\t", "\t1999-XX-XX\t")
    assert awareness(with_x, GOLD)["f1"] == 100.0


def test_coreferent_mentions_on_one_line_equal_separate_lines_at_one_position():
    split = GOLD.replace(
        "2\t2004-03\td1-3-sued\td2-1-lawsuit", "2\t2004-03\td1-3-sued\n2\t2004-03\td2-1-lawsuit"
    )
    assert awareness(split, GOLD)["f1"] == 100.0


def test_relations_of_a_small_timeline():
    nodes, relations = timeline_relations(
        [(0, "XXXX-XX-XX", ("u",)), (1, "2001", ("a", "b")), (3, "2001-02", ("c",))]
    )
    assert nodes == {"u", "a", "b", "c", "T2001", "T2001-02"}
    assert sorted(relations) == [
        ("a", "<", "c"),
        ("a", "=", "T2001"),
        ("a", "=", "b"),
        ("b", "<", "c"),
        ("b", "=", "T2001"),
        ("c", "=", "T2001-02"),
        ("u", "<", "a"),
        ("u", "<", "b"),
    ]
    _, isolated = timeline_relations(
        [(0, "XXXX-XX-XX", ("u",)), (1, "2001", ("a",))], unanchored="isolated"
    )
    assert isolated == [("a", "=", "T2001")]


def test_reduced_graph_drops_implied_relations():
    graph = graph_of("X\n1\t2001\ta\tb\n2\t2002\tc\n3\t2003\td\n")
    # classes {a, b, T2001}, {c, T2002}, {d, T2003}: 2 + 1 + 1 SIMULTANEOUS, 2 BEFORE (not a<d)
    assert graph.reduced_size() == 6
    assert (
        graph.holds("a", "<", "d") and graph.holds("b", "=", "a") and not graph.holds("d", "<", "a")
    )


def test_two_positions_on_one_date_are_tolerated():
    gold = "X\n1\t2006-05-08\ta\n2\t2006-05-08\tb\n3\t2007\tc\n"
    assert awareness(gold, gold)["f1"] == 100.0
    assert awareness("X\n1\t2006-05-08\ta\tb\n2\t2007\tc\n", gold)["f1"] == 100.0


def test_micro_average_sums_counts_over_timelines():
    small = "X\n1\t2001\ta\n2\t2002\tb\n"
    score = micro_awareness([(small, small), (GOLD, GOLD), ("X\n", small)])
    assert score["precision"] == 100.0
    full, part = awareness(GOLD, GOLD), awareness(small, small)
    assert score["r_total"] == full["r_total"] + 2 * part["r_total"]
    assert score["recall"] == pytest.approx(
        100 * (full["r_hits"] + part["r_hits"]) / score["r_total"]
    )


def test_parse_and_format_errors():
    entity, rows = parse_semeval(GOLD)
    assert entity == "Acme Corp" and rows[2] == (2, "2004-03", ("d1-3-sued", "d2-1-lawsuit"))
    with pytest.raises(TimelineFormatError, match="line 2"):
        parse_semeval("Acme\n1 2001 a\n")
    with pytest.raises(TimelineFormatError, match="empty"):
        parse_semeval("  \n")


def test_best_reduction_is_looser_and_rewards_lumping():
    assert awareness(GOLD, GOLD, reduction="best")["f1"] == 100.0
    # the system merges two gold positions into one: "best" credits the part that agrees
    system = "X\n1\t2001\ta\tb\tc\n"
    gold = "X\n1\t2001\ta\tb\n2\t2002\tc\n"
    best, star = awareness(system, gold, reduction="best"), awareness(system, gold)
    assert star["precision"] <= best["precision"] < 100.0
    with pytest.raises(ValueError):
        awareness(GOLD, GOLD, reduction="other")


def test_lumping_every_event_on_one_line_scores_low():
    mentions = [m for _, _, ms in parse_semeval(GOLD)[1] for m in ms]
    lumped = "Acme Corp\n1\tXXXX-XX-XX\t" + "\t".join(mentions) + "\n"
    assert awareness(lumped, GOLD)["f1"] < 30.0
    assert awareness(lumped, GOLD, reduction="best")["f1"] > awareness(lumped, GOLD)["f1"]


def test_right_dates_with_events_lumped_per_date_score_well():
    per_date = GOLD.replace("4\t2004-03-28\td2-5-appealed", "3\t2004-03-28\td2-5-appealed")
    assert awareness(per_date, GOLD)["f1"] == 100.0  # same date: same graph either way
