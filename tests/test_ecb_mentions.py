"""The ``--clusters`` ranking of ``benchmarks.ecb_mentions``: gold events by the pairs their
missed mentions would add, on invented mentions (no corpus needed)."""

from benchmarks.ecb_mentions import main, rank_clusters


def _m(words: str, topic: str, event: str) -> dict:
    return {"words": words, "event": (topic, event)}


def test_a_wholly_missed_event_ranks_by_its_own_pairs():
    # four mentions, none detected: 6 pairs, where the per-mention ``pairs`` count says 0
    missed = [_m("Blaze", "3", "e1")] + [_m("fire", "3", "e1")] * 3
    missed += [_m("quake", "4", "e2")]
    detected = [_m("quake", "4", "e2"), _m("tremor", "4", "e2"), _m("hit", "4", "e2")]
    rows = rank_clusters(missed, detected)
    assert [(r["topic"], r["gain"], r["n"], r["detected"]) for r in rows] == [
        ("3", 6, 4, 0),
        ("4", 3, 4, 3),
    ]
    assert rows[0]["missed"] == [("fire", 3), ("blaze", 1)]
    assert rows[1]["found"] == [("quake", 1), ("tremor", 1), ("hit", 1)]


def test_events_are_told_apart_by_topic_and_fully_detected_ones_are_left_out():
    missed = [_m("fire", "1", "e"), _m("fire", "2", "e")]
    detected = [_m("fire", "1", "e"), _m("blast", "5", "x")]
    rows = rank_clusters(missed, detected)
    assert [(r["topic"], r["gain"]) for r in rows] == [("1", 1), ("2", 0)]


def test_clusters_option_without_corpus_is_a_clean_no_op(tmp_path):
    assert main(["--corpus", str(tmp_path / "absent"), "--clusters", "5"]) == 0
